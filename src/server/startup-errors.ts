import type { Config } from './config.js';
import { ConfigError } from './config.js';
import { DirectoryLockedError } from './db/lock.js';

/**
 * Turns what stops a start (bad setting, unreachable database, unwritable directory, busy port) into
 * one German sentence naming the variable or resource and what to do. Used by the server and the
 * command-line tools alike; the person reading it runs the installation, not the code, so no stack
 * trace and never a password.
 */

type ErrnoLike = Error & { code?: string; syscall?: string; path?: string; errors?: unknown[] };

/** Replaces the password of every URL in text (`scheme://user:secret@host` → `user:***@host`). */
export function redactSecrets(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*):[^\s@/]*@/gi, '$1:***@');
}

function codeOf(err: unknown): string | undefined {
  const e = err as ErrnoLike;
  if (typeof e?.code === 'string') return e.code;
  // Node's "happy eyeballs" reports each address tried inside an AggregateError.
  if (Array.isArray(e?.errors)) for (const inner of e.errors) if (codeOf(inner)) return codeOf(inner);
  return undefined;
}

function databaseTarget(databaseUrl: string): string {
  try {
    const u = new URL(databaseUrl);
    const name = decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres';
    return `PostgreSQL auf ${u.hostname || 'localhost'}:${u.port || '5432'}, Datenbank ${name}`;
  } catch {
    return 'PostgreSQL';
  }
}

const fsProblems: Record<string, string> = {
  EACCES: 'keine Schreibrechte',
  EPERM: 'keine Schreibrechte',
  EROFS: 'das Dateisystem ist nur lesbar',
  ENOTDIR: 'ein Teil des Pfads ist eine Datei, kein Verzeichnis',
  EEXIST: 'an dieser Stelle liegt eine Datei, kein Verzeichnis',
  ENOSPC: 'der Datenträger ist voll',
  EDQUOT: 'das Speicherkontingent ist erschöpft',
};

/** The sentence for err, or null when it is not one of the known causes. */
export function describeStartupError(err: unknown, config?: Config): string | null {
  if (err instanceof ConfigError || err instanceof DirectoryLockedError) return err.message;
  const e = err as ErrnoLike;
  const code = codeOf(err);
  const pgCode = typeof e?.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? e.code : undefined;

  if (e?.syscall === 'listen' || code === 'EADDRINUSE') {
    const where = config ? `Port ${config.port} auf ${config.host}` : 'Der Port';
    if (code === 'EADDRINUSE') {
      return `${where} ist schon belegt (PORT). Bitte das Programm beenden, das ihn benutzt, oder PORT auf einen freien Port setzen.`;
    }
    if (code === 'EACCES') {
      return `${where} darf dieser Benutzer nicht öffnen (PORT). Bitte einen Port über 1024 wählen (z. B. PORT=3000) und davor einen Reverse-Proxy betreiben.`;
    }
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
      return `HOST=${config?.host ?? ''} ist keine Adresse dieses Rechners. Bitte HOST auf localhost, 0.0.0.0 oder eine eigene Adresse setzen.`;
    }
  }

  if (
    config?.databaseUrl &&
    (pgCode ||
      ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET'].includes(
        code ?? '',
      ))
  ) {
    const target = databaseTarget(config.databaseUrl);
    switch (code) {
      case 'ECONNREFUSED':
        return `Die Datenbank aus DATABASE_URL (${target}) nimmt keine Verbindung an. Bitte prüfen, ob PostgreSQL läuft und DATABASE_URL Host und Port richtig nennt.`;
      case 'ENOTFOUND':
      case 'EAI_AGAIN':
        return `Den Datenbankserver aus DATABASE_URL (${target}) gibt es nicht: der Name ist unbekannt. Bitte den Host in DATABASE_URL prüfen.`;
      case 'ETIMEDOUT':
      case 'EHOSTUNREACH':
        return `Der Datenbankserver aus DATABASE_URL (${target}) antwortet nicht. Bitte Netzwerk, Firewall und den Host in DATABASE_URL prüfen.`;
      case 'ECONNRESET':
        return `Der Datenbankserver aus DATABASE_URL (${target}) hat die Verbindung abgebrochen. Bitte prüfen, ob er Verbindungen von diesem Rechner zulässt (pg_hba.conf, SSL).`;
      case '28P01':
      case '28000':
        return `Die Anmeldung an der Datenbank aus DATABASE_URL (${target}) wurde abgelehnt. Bitte Benutzer und Passwort in DATABASE_URL prüfen.`;
      case '3D000':
        return `Die Datenbank aus DATABASE_URL (${target}) gibt es nicht. Bitte sie anlegen (createdb) oder DATABASE_URL korrigieren.`;
      case '42501':
        return `Der Benutzer aus DATABASE_URL (${target}) darf das Schema nicht anlegen. Bitte ihm die Rechte an der Datenbank geben (Eigentümer) oder einen anderen Benutzer eintragen.`;
      case '57P03':
        return `Die Datenbank aus DATABASE_URL (${target}) startet gerade oder fährt herunter. Bitte in einem Moment erneut starten.`;
    }
  }

  const onDataDir =
    config && e?.path && (e.path.startsWith(config.dataDir) || config.dataDir.startsWith(e.path));
  if (code && fsProblems[code] && config && onDataDir) {
    const where = e.path && e.path !== config.dataDir ? ` (bei ${e.path})` : '';
    return `Das Datenverzeichnis DATA_DIR (${config.dataDir}) ist nicht nutzbar: ${fsProblems[code]}${where}. Bitte DATA_DIR auf ein Verzeichnis setzen, in das dieser Benutzer schreiben darf, oder die Rechte anpassen.`;
  }
  if (code && fsProblems[code] && e.path) {
    return `Auf ${e.path} kann nicht geschrieben werden: ${fsProblems[code]}. Bitte Rechte und Pfad prüfen.`;
  }
  return null;
}

/**
 * Prints the one line for err on stderr (for an unknown cause its message, redacted; the stack only
 * with LOG_LEVEL=debug or trace) and ends the process with code 1.
 */
export function exitOnStartupError(err: unknown, config?: Config): never {
  const known = describeStartupError(err, config);
  if (known) {
    // Our own sentences never repeat a setting's value.
    console.error(known);
  } else {
    const message = err instanceof Error ? err.message : String(err);
    console.error(
      redactSecrets(
        `Bildungsnetz konnte nicht starten: ${message.split('\n')[0]!.slice(0, 300)} (Einzelheiten mit LOG_LEVEL=debug).`,
      ),
    );
    if (config && (config.logLevel === 'debug' || config.logLevel === 'trace') && err instanceof Error) {
      console.error(redactSecrets(err.stack ?? ''));
    }
  }
  process.exit(1);
}
