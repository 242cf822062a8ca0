import fs from 'node:fs';
import path from 'node:path';
import type { ParsedMail } from 'mailparser';

/** Where the SMTP sink of global-setup.ts stores each mail it receives, one .eml file per mail. */
export const MAIL_DIR = path.resolve('test-results/e2e-mail');

// Mails never change once written: each worker parses a file once.
const parsed = new Map<string, ParsedMail>();

async function read(file: string): Promise<ParsedMail> {
  const known = parsed.get(file);
  if (known) return known;
  const { simpleParser } = await import('mailparser');
  const mail = await simpleParser(fs.readFileSync(path.join(MAIL_DIR, file)));
  parsed.set(file, mail);
  return mail;
}

const addressedTo = (mail: ParsedMail, address: string) => {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.some((a) => a.value.some((v) => v.address?.toLowerCase() === address.toLowerCase()));
};

/**
 * The newest mail to an address whose subject matches, as the SMTP sink received it. Every network
 * of a journey has its own mail domain (see fixtures.ts), so journeys running side by side never read
 * each other's mail. The outbox delivers every few hundred milliseconds; a loaded machine may need
 * longer, so this waits up to a minute for the mail to arrive.
 */
export async function mailTo(address: string, subject: RegExp = /./): Promise<ParsedMail> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const files = fs.existsSync(MAIL_DIR)
      ? fs
          .readdirSync(MAIL_DIR)
          .filter((f) => f.endsWith('.eml'))
          .sort()
          .reverse()
      : [];
    for (const f of files) {
      const mail = await read(f);
      if (addressedTo(mail, address) && subject.test(mail.subject ?? '')) return mail;
    }
    if (Date.now() > deadline) throw new Error(`no mail "${subject}" to ${address} arrived at the SMTP sink`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The first link in a mail's text whose path matches, e.g. /einladung/<token>. */
export function linkIn(mail: ParsedMail, pathPattern: RegExp): string {
  const url = (mail.text ?? '')
    .split(/\s+/)
    .find((word) => /^https?:\/\//.test(word) && pathPattern.test(new URL(word).pathname));
  if (!url) throw new Error(`no link matching ${pathPattern} in the mail "${mail.subject}":\n${mail.text}`);
  return new URL(url).pathname;
}
