import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/helpers/database.js';
import { type Database, openDatabase } from '../../db/client.js';
import { databaseStorage, type FileStorage, localStorage } from '../files/files.storage.js';
import { BackupError, BackupFileError, createBackup, restoreBackup } from './backup.js';

const U1 = 'user-jürgen';
const U2 = 'user-2';
const NET = '0b8f5a4e-6a3b-4a57-9a1e-2f4c1d7e9a01';
const FILE_SMALL = randomBytes(4096);
const FILE_BIG = randomBytes(2 * 1024 * 1024 + 17); // spans several chunks
const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

async function fill(db: Database, storage: FileStorage) {
  const q = (text: string, params: unknown[] = []) => db.query(text, params);
  await q(
    `INSERT INTO "user" (id, name, email, email_verified, image, two_factor_enabled, created_at, updated_at) VALUES
      ($1, 'Jürgen Größe-Übermaß', 'juergen@bildung.example', true, NULL, true, '2025-03-04 05:06:07.123456+01', '2025-03-04 05:06:07.999+00'),
      ($2, 'Zoë „Zitat“ ß', 'zoe@bildung.example', false, 'data:image/png;base64,AAAA', NULL, now(), now())`,
    [U1, U2],
  );
  await q(
    `INSERT INTO account (id, account_id, provider_id, user_id, password, access_token_expires_at) VALUES
      ('acc-1', $1, 'credential', $1, '$argon2id$v=19$m=19456,t=2,p=1$abc$def', NULL),
      ('acc-2', $2, 'credential', $2, NULL, '2030-01-01 00:00:00.001+00')`,
    [U1, U2],
  );
  await q(
    `INSERT INTO session (id, expires_at, token, user_id, ip_address, user_agent) VALUES
      ('sess-1', '2031-02-03 04:05:06.789+00', 'tok-ä-1', $1, '127.0.0.1', 'Mozilla/5.0 „Test“')`,
    [U1],
  );
  await q(
    `INSERT INTO verification (id, identifier, value, expires_at) VALUES
      ('ver-1', 'email-verification:zoe@bildung.example', '{"a":1}', '2030-05-05 05:05:05.5+02')`,
  );
  await q(
    `INSERT INTO two_factor (id, secret, backup_codes, user_id, verified, failed_verification_count, locked_until)
      VALUES ('tf-1', 'SECRET', '["111","222"]', $1, false, 3, NULL)`,
    [U1],
  );
  // Beyond 2^53: a value that a JavaScript number would change.
  await q(
    `INSERT INTO rate_limit (id, key, count, last_request) VALUES ('rl-1', '/sign-in|1.2.3.4', 7, 9007199254740993)`,
  );
  await q(
    `INSERT INTO network (id, name, region_key, require_second_factor, created_at) VALUES
      ($1, 'Bildungsnetz Märkischer Kreis', '05962', true, '2024-12-31 23:59:59.999999+00')`,
    [NET],
  );
  await q(
    `INSERT INTO membership (network_id, user_id, role) VALUES ($1, $2, 'buero'), ($1, $3, 'lenkungskreis')`,
    [NET, U1, U2],
  );
  await q(
    `INSERT INTO invitation (network_id, email, name, role, invited_by, expires_at)
      VALUES ($1, 'möller@schule.example', 'Frau Möller', 'konferenz', $2, '2026-01-01 12:00:00+00')`,
    [NET, U1],
  );
  await q(`INSERT INTO platform_admin (user_id) VALUES ($1)`, [U1]);
  await q(`INSERT INTO installation_setting (key, value) VALUES ('session_secret', $1)`, [
    randomBytes(32).toString('hex'),
  ]);
  for (let i = 0; i < 3; i++) {
    await q(
      `INSERT INTO audit_event (network_id, actor_user_id, actor_name, at, action, entity_type, entity_id, summary, before, after, request_id)
       VALUES ($1::uuid, $2, 'Jürgen Größe-Übermaß', '2025-06-01 10:00:00.12345+02', 'network.update', 'network', $1::text, $3, $4::jsonb, $5::jsonb, NULL)`,
      [
        NET,
        U1,
        `Änderung Nr. ${i}: Überschrift „Schulen“`,
        i === 0 ? null : JSON.stringify({ name: 'Alt', nested: { list: [1, 2.5, null, 'ä'], flag: false } }),
        // written as text: a number beyond 2^53 that jsonb keeps exactly
        '{"name": "Neu ß", "big": 12345678901234567890.000000001, "emoji": "🎓"}',
      ],
    );
  }
  await q(
    `INSERT INTO outbox_mail (network_id, to_address, to_name, subject, text_body, html_body, attachments, sensitive, status, attempts, last_error)
     VALUES ($1, 'möller@schule.example', 'Frau Möller', 'Einladung zur Bildungskonferenz', E'Hallo,\\nZeile 2\\ttab', NULL,
             '[{"name":"Übersicht.pdf","storageKey":"k1","contentType":"application/pdf"}]'::jsonb, true, 'failed', 2, 'SMTP 451 – später')`,
    [NET],
  );
  const files: [string, Buffer][] = [
    ['smallfile01', FILE_SMALL],
    ['bigfile0002', FILE_BIG],
    ['allbytes003', ALL_BYTES],
    ['emptyfile04', Buffer.alloc(0)],
  ];
  for (const [key, data] of files) {
    await storage.write(key, Readable.from([data]));
    await q(
      `INSERT INTO stored_file (network_id, name, mime_type, size_bytes, sha512, storage_key, visibility, uploaded_by, deleted_at)
       VALUES ($1, $2, 'application/octet-stream', $3, 'x', $4, 'network', $5, NULL)`,
      [NET, `Datei ${key} – Größe.bin`, data.length, key, key === 'emptyfile04' ? null : U2],
    );
  }
}

/**
 * Tables that the explicit fixture above does not know yet (added by later migrations) get one
 * generated row each, so that every table always takes part in the round trip. A table whose
 * constraints this cannot satisfy fails the coverage test: give it explicit rows in fill().
 */
async function fillRemaining(db: Database) {
  const fks = await db.query<{ child: string; col: string; parent: string; pcol: string }>(
    `SELECT c.relname AS child, a.attname AS col, p.relname AS parent, pa.attname AS pcol
       FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.conkey[1]
       JOIN pg_attribute pa ON pa.attrelid = p.oid AND pa.attnum = k.confkey[1]
      WHERE k.contype = 'f' AND array_length(k.conkey, 1) = 1 AND c.relnamespace = 'public'::regnamespace`,
  );
  const values: Record<string, string> = {
    text: `'Füllwert „ä“'`,
    'character varying': `'Füllwert ß'`,
    uuid: 'gen_random_uuid()',
    integer: '1',
    smallint: '1',
    bigint: '9007199254740993',
    numeric: '1.25',
    real: '1.5',
    'double precision': '0.1',
    boolean: 'true',
    'timestamp with time zone': `'2025-01-02 03:04:05.678901+00'`,
    'timestamp without time zone': `'2025-01-02 03:04:05.678'`,
    date: `'2025-01-02'`,
    jsonb: `'{"ä": [1, null, "ö"]}'`,
    json: `'{"ä": 1}'`,
  };
  for (let round = 0; round < 5; round++) {
    for (const table of await publicTables(db)) {
      const [has] = await db.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM "${table}") AS any`);
      if (has?.any) continue;
      const cols = await db.query<{ column_name: string; data_type: string; is_nullable: string }>(
        `SELECT column_name, data_type, is_nullable FROM information_schema.columns
          WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' AND column_default IS NULL
          ORDER BY ordinal_position`,
        [table],
      );
      // First every column filled; if a constraint objects, the required columns only; then the
      // required ones with one optional reference each (a row that points at exactly one thing).
      const attempt = async (requiredOnly: boolean, plus?: string) => {
        const names: string[] = [];
        const exprs: string[] = [];
        for (const c of cols) {
          if (requiredOnly && c.is_nullable === 'YES' && c.column_name !== plus) continue;
          const fk = fks.find((f) => f.child === table && f.col === c.column_name);
          const expr = fk ? `(SELECT "${fk.pcol}" FROM "${fk.parent}" LIMIT 1)` : values[c.data_type];
          if (!expr) continue;
          names.push(`"${c.column_name}"`);
          exprs.push(expr);
        }
        await db.query(`INSERT INTO "${table}" (${names.join(', ')}) VALUES (${exprs.join(', ')})`);
      };
      const optionalRefs = cols
        .filter(
          (c) => c.is_nullable === 'YES' && fks.some((f) => f.child === table && f.col === c.column_name),
        )
        .map((c) => c.column_name);
      let done = await attempt(false)
        .then(() => true)
        .catch(() => attempt(true).then(() => true))
        .catch(() => false);
      for (const ref of optionalRefs) {
        if (done) break;
        done = await attempt(true, ref)
          .then(() => true)
          .catch(() => false); // reported by the coverage test
      }
    }
  }
}

async function publicTables(db: Database): Promise<string[]> {
  const rows = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  return rows.map((r) => r.table_name);
}

/** Every row of every public table as PostgreSQL's JSON text, ordered by primary key, in UTC. */
async function dumpAll(db: Database): Promise<Record<string, string[]>> {
  const tables = await publicTables(db);
  return db.db.transaction(async (tx) => {
    await tx.execute(sql.raw(`SET LOCAL TimeZone = 'UTC'`));
    const out: Record<string, string[]> = {};
    for (const t of tables) {
      const pk = (await tx.execute(
        sql`SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
             WHERE i.indrelid = ${`"public"."${t}"`}::regclass AND i.indisprimary
             ORDER BY array_position(i.indkey::int2[], a.attnum)`,
      )) as unknown as { rows: { attname: string }[] };
      const order = pk.rows.map((r) => `"${r.attname}"`).join(', ');
      expect(order, `table ${t} has a primary key`).not.toBe('');
      const res = (await tx.execute(
        sql.raw(`SELECT row_to_json(t)::text AS j FROM "${t}" t ORDER BY ${order}`),
      )) as unknown as { rows: { j: string }[] };
      out[t] = res.rows.map((r) => r.j);
    }
    return out;
  });
}

async function readAll(storage: FileStorage, key: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of storage.read(key)) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

describe('backup and restore', () => {
  let tmp: string;
  let source: Database;
  let sourceStorage: FileStorage;
  let backupFile: string;
  let expected: Record<string, string[]>;
  const opened: Database[] = [];

  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'bn-backup-test-'));
    source = await createTestDatabase();
    opened.push(source);
    sourceStorage = localStorage(path.join(tmp, 'files-source'));
    await fill(source, sourceStorage);
    await fillRemaining(source);
    expected = await dumpAll(source);
    backupFile = path.join(tmp, 'backups', 'test.jsonl.gz');
  });

  afterAll(async () => {
    for (const db of opened) await db.close().catch(() => {});
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  });

  it('the fixture covers every table', () => {
    for (const [table, rows] of Object.entries(expected)) {
      expect(rows.length, `rows in ${table} (add fixture rows for a new table)`).toBeGreaterThan(0);
    }
  });

  it('writes a backup with a header, every row and every file', async () => {
    const summary = await createBackup(source, sourceStorage, backupFile);
    expect(summary.files).toBe(4);
    expect(summary.fileBytes).toBe(FILE_SMALL.length + FILE_BIG.length + ALL_BYTES.length);
    expect(summary.rows).toBe(Object.values(expected).reduce((a, r) => a + r.length, 0));
    expect(summary.migrations.length).toBeGreaterThan(0);
    const lines = gunzipSync(await fs.readFile(backupFile))
      .toString('utf8')
      .trim()
      .split('\n');
    const header = JSON.parse(lines[0]!);
    expect(header.format).toBe('bildungsnetz-backup');
    expect(header.version).toBe(1);
    expect(header.tables.map((t: { name: string }) => t.name).sort()).toEqual(Object.keys(expected).sort());
    // Parents before children: "user" and network come before the tables that reference them.
    const order = header.tables.map((t: { name: string }) => t.name);
    expect(order.indexOf('user')).toBeLessThan(order.indexOf('membership'));
    expect(order.indexOf('network')).toBeLessThan(order.indexOf('stored_file'));
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ end: true, files: 4 });
    await expect(fs.stat(`${backupFile}.part`)).rejects.toThrow();
  });

  it('restores every row and file exactly into a fresh database', async () => {
    const target = await createTestDatabase();
    opened.push(target);
    const storage = localStorage(path.join(tmp, 'files-target'));
    const summary = await restoreBackup(target, storage, backupFile);
    expect(summary.truncated).toBe(false);
    expect(summary.files).toBe(4);
    expect(await dumpAll(target)).toEqual(expected);
    expect((await readAll(storage, 'smallfile01')).equals(FILE_SMALL)).toBe(true);
    expect((await readAll(storage, 'bigfile0002')).equals(FILE_BIG)).toBe(true);
    expect((await readAll(storage, 'allbytes003')).equals(ALL_BYTES)).toBe(true);
    expect((await readAll(storage, 'emptyfile04')).length).toBe(0);
    const [big] = await target.query<{ v: string }>(`SELECT last_request::text AS v FROM rate_limit`);
    expect(big!.v).toBe('9007199254740993');

    // The audit trail's numbering continues after the restored entries.
    const [max] = await target.query<{ m: string }>(`SELECT max(seq)::text AS m FROM audit_event`);
    const [next] = await target.query<{ seq: string }>(
      `INSERT INTO audit_event (action, entity_type, entity_id, summary) VALUES ('x', 'y', 'z', 'nach Wiederherstellung') RETURNING seq::text AS seq`,
    );
    expect(BigInt(next!.seq)).toBe(BigInt(max!.m) + 1n);

    // A database with data is refused without force …
    await expect(restoreBackup(target, storage, backupFile)).rejects.toThrow(/nicht leer/);
    // … and replaced with it.
    const forced = await restoreBackup(target, storage, backupFile, { force: true });
    expect(forced.truncated).toBe(true);
    expect(await dumpAll(target)).toEqual(expected);
  });

  it('restores into a new, unmigrated embedded database (moving between PGlite and PostgreSQL)', async () => {
    const target = await openDatabase({ kind: 'pglite' });
    opened.push(target);
    const storage = localStorage(path.join(tmp, 'files-pglite'));
    await restoreBackup(target, storage, backupFile);
    expect(await dumpAll(target)).toEqual(expected);
    expect((await readAll(storage, 'bigfile0002')).equals(FILE_BIG)).toBe(true);
    // and back: a backup of the copy restores into the original kind with the same rows
    const second = path.join(tmp, 'backups', 'second.jsonl.gz');
    await createBackup(target, storage, second);
    const again = await createTestDatabase();
    opened.push(again);
    await restoreBackup(again, localStorage(path.join(tmp, 'files-again')), second);
    expect(await dumpAll(again)).toEqual(expected);
    // Two fresh databases migrated and filled: about 20 s on a quiet machine, past 120 s under heavy load.
  }, 360_000);

  it('refuses a truncated backup and leaves the target unchanged', async () => {
    const lines = gunzipSync(await fs.readFile(backupFile))
      .toString('utf8')
      .trim()
      .split('\n');
    const cut = path.join(tmp, 'backups', 'cut.jsonl.gz');
    await fs.writeFile(cut, gzipSync(`${lines.slice(0, -3).join('\n')}\n`));
    const target = await createTestDatabase();
    opened.push(target);
    await expect(restoreBackup(target, localStorage(path.join(tmp, 'files-cut')), cut)).rejects.toThrow(
      /unvollständig/,
    );
    const after = await dumpAll(target);
    for (const rows of Object.values(after)) expect(rows).toEqual([]);
  });

  it('refuses a backup from a newer version', async () => {
    const lines = gunzipSync(await fs.readFile(backupFile))
      .toString('utf8')
      .trim()
      .split('\n');
    const header = JSON.parse(lines[0]!);
    header.migrations.push({ name: '9999_future', hash: 'f'.repeat(64), createdAt: Date.now() * 2 });
    const future = path.join(tmp, 'backups', 'future.jsonl.gz');
    await fs.writeFile(future, gzipSync(`${[JSON.stringify(header), ...lines.slice(1)].join('\n')}\n`));
    const target = await createTestDatabase();
    opened.push(target);
    await expect(restoreBackup(target, localStorage(path.join(tmp, 'files-future')), future)).rejects.toThrow(
      /neueren Version/,
    );
  });

  it('refuses a file that is not a backup', async () => {
    const other = path.join(tmp, 'backups', 'other.jsonl.gz');
    await fs.writeFile(other, gzipSync('{"hello":"world"}\n'));
    const target = await createTestDatabase();
    opened.push(target);
    await expect(restoreBackup(target, localStorage(path.join(tmp, 'x')), other)).rejects.toThrow(
      /keine Bildungsnetz-Sicherung/,
    );
  });
});

describe('restore that cannot do harm', () => {
  let tmp: string;
  let source: Database;
  let backupFile: string;
  let lines: string[];
  const opened: Database[] = [];
  const GOOD = Buffer.from('Inhalt, der vor der Wiederherstellung da war');

  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'bn-restore-safe-'));
    source = await createTestDatabase();
    opened.push(source);
    const storage = localStorage(path.join(tmp, 'files-source'));
    await fill(source, storage);
    backupFile = path.join(tmp, 'good.jsonl.gz');
    await createBackup(source, storage, backupFile);
    lines = gunzipSync(await fs.readFile(backupFile))
      .toString('utf8')
      .trim()
      .split('\n');
  });
  afterAll(async () => {
    for (const db of opened) await db.close().catch(() => {});
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  });

  /** A target whose storage already holds a good file under a key the backup also has. */
  async function targetWithFile(name: string) {
    const target = await createTestDatabase();
    opened.push(target);
    const dir = path.join(tmp, name);
    const storage = localStorage(dir);
    await storage.write('smallfile01', Readable.from([GOOD]));
    return { target, storage, dir };
  }

  async function leftovers(dir: string): Promise<string[]> {
    const all = await fs.readdir(dir, { recursive: true });
    return all.filter((n) => n.includes('.part') || n.includes('.restore-'));
  }

  it('refuses a wrong checksum before writing any file or row', async () => {
    const bad = lines.map((l) =>
      // The file is random: change the checksum's first digit to one it surely is not.
      l.startsWith('{"fileEnd":"smallfile01"')
        ? l.replace(/"sha256":"(.)/, (_, c: string) => `"sha256":"${c === '0' ? '1' : '0'}`)
        : l,
    );
    const file = path.join(tmp, 'checksum.jsonl.gz');
    await fs.writeFile(file, gzipSync(`${bad.join('\n')}\n`));
    const { target, storage, dir } = await targetWithFile('files-checksum');
    await expect(restoreBackup(target, storage, file)).rejects.toThrow(
      /ist beschädigt \(Datei smallfile01: Prüfsumme stimmt nicht\)/,
    );
    expect((await readAll(storage, 'smallfile01')).equals(GOOD)).toBe(true);
    expect(await storage.list()).toEqual(['smallfile01']);
    expect(await leftovers(dir)).toEqual([]);
    for (const rows of Object.values(await dumpAll(target))) expect(rows).toEqual([]);
  });

  it('refuses a flipped byte and a cut-off file as damaged, naming no content', async () => {
    const raw = await fs.readFile(backupFile);
    const flipped = Buffer.from(raw);
    flipped[Math.floor(raw.length / 2)]! ^= 0xff;
    const cut = raw.subarray(0, Math.floor(raw.length * 0.7));
    const { target, storage } = await targetWithFile('files-flip');
    for (const [name, bytes] of [
      ['flipped', flipped],
      ['cut', cut],
    ] as const) {
      const file = path.join(tmp, `${name}.jsonl.gz`);
      await fs.writeFile(file, bytes);
      const err = await restoreBackup(target, storage, file).catch((e: Error) => e);
      expect(err).toBeInstanceOf(BackupFileError);
      expect((err as Error).message).toMatch(/ist (beschädigt|abgeschnitten)/);
      expect((err as Error).message).not.toMatch(/Jürgen|bildung\.example|Einladung/);
      expect((err as Error).message.length).toBeLessThan(400);
    }
    expect((await readAll(storage, 'smallfile01')).equals(GOOD)).toBe(true);
  });

  it('leaves files and rows as they were when the database refuses a row, and no staging behind', async () => {
    // Passes the file checks (counts and checksums intact) but the database refuses the row.
    const bad = lines.map((l) =>
      l.startsWith('{"table":"network"') ? l.replace(NET, 'keine-uuid-aber-korrekt-gezaehlt') : l,
    );
    const file = path.join(tmp, 'refused.jsonl.gz');
    await fs.writeFile(file, gzipSync(`${bad.join('\n')}\n`));
    const { target, storage, dir } = await targetWithFile('files-refused');
    const err = await restoreBackup(target, storage, file).catch((e: Error) => e);
    expect(err).toBeInstanceOf(BackupError);
    expect((err as Error).message).toMatch(/ließen sich nicht einspielen .*Es wurde nichts verändert/);
    expect((err as Error).message).not.toMatch(/Märkischer|INSERT/);
    expect((await readAll(storage, 'smallfile01')).equals(GOOD)).toBe(true);
    expect(await storage.list()).toEqual(['smallfile01']);
    expect(await leftovers(dir)).toEqual([]);
    for (const rows of Object.values(await dumpAll(target))) expect(rows).toEqual([]);
  });

  it('with --force replaces the content and removes the files the restored data does not name', async () => {
    const { target, storage } = await targetWithFile('files-force');
    await storage.write('orphan000001', Readable.from([Buffer.from('von niemandem genannt')]));
    await target.query(`INSERT INTO "user" (id, name, email) VALUES ('alt', 'Alt', 'alt@example.org')`);
    const s = await restoreBackup(target, storage, backupFile, { force: true });
    expect(s.truncated).toBe(true);
    expect(s.removedFiles).toBe(1);
    expect((await storage.list()).sort()).toEqual([
      'allbytes003',
      'bigfile0002',
      'emptyfile04',
      'smallfile01',
    ]);
    // The backup's content replaced what was there under the same key.
    expect((await readAll(storage, 'smallfile01')).equals(FILE_SMALL)).toBe(true);
  });

  it('moves files between the database storage and a directory in both directions', async () => {
    const chunks = await createTestDatabase();
    opened.push(chunks);
    const inDb = databaseStorage(chunks.db);
    // From a directory into the database …
    await restoreBackup(chunks, inDb, backupFile);
    expect((await inDb.list()).sort()).toEqual(['allbytes003', 'bigfile0002', 'emptyfile04', 'smallfile01']);
    expect((await readAll(inDb, 'bigfile0002')).equals(FILE_BIG)).toBe(true);
    expect((await readAll(inDb, 'emptyfile04')).length).toBe(0);
    // … whose chunks are not copied as rows (schema file_store), only once as files …
    const second = path.join(tmp, 'from-db.jsonl.gz');
    const summary = await createBackup(chunks, inDb, second);
    expect(summary.tables.map((t) => t.name)).not.toContain('file_chunk');
    expect(summary.files).toBe(4);
    // … and back into a directory.
    const back = await createTestDatabase();
    opened.push(back);
    const dir = localStorage(path.join(tmp, 'files-back'));
    await restoreBackup(back, dir, second);
    expect((await readAll(dir, 'bigfile0002')).equals(FILE_BIG)).toBe(true);
    expect((await readAll(dir, 'allbytes003')).equals(ALL_BYTES)).toBe(true);
  });
});
