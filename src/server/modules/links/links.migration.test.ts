import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { expect, it } from 'vitest';
import { migrationsFolder } from '../../db/client.js';
import { hashToken } from '../../lib/tokens.js';

/** Applies one committed migration file, statement by statement, as drizzle's migrator does. */
async function apply(db: PGlite, file: string) {
  const text = fs.readFileSync(path.join(migrationsFolder, file), 'utf8');
  for (const statement of text.split('--> statement-breakpoint')) {
    if (statement.trim()) await db.exec(statement);
  }
}

it('moves the plain tokens of earlier versions into hashes that the links still match, and cuts them out of stored mails', async () => {
  const db = await PGlite.create();
  const files = fs
    .readdirSync(migrationsFolder)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const index = files.findIndex((f) => f.endsWith('_personal_links.sql'));
  expect(index).toBeGreaterThan(0);
  for (const f of files.slice(0, index)) await apply(db, f);

  const reply = 'reply-token-of-an-earlier-version-0123456789';
  const vote = 'vote-token-of-an-earlier-version-0123456789';
  const feed = 'calendar-token-of-an-earlier-version-012345';
  await db.exec(`
    INSERT INTO network (id, name, region_key) VALUES ('00000000-0000-4000-8000-000000000001', 'Netz', '05958');
    INSERT INTO committee_member (id, network_id, name, side, voting, term_from, calendar_token)
      VALUES ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'M', 'land', true, '2020-01-01', '${feed}');
    INSERT INTO meeting (id, network_id, title, starts_at, ends_at, ical_uid)
      VALUES ('00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000001', 'S', now(), now(), 'u@x');
    INSERT INTO meeting_recipient (network_id, meeting_id, member_id, name, reply_token, reply)
      VALUES ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000002', 'M', '${reply}', 'attending');
    INSERT INTO written_procedure (id, network_id, title, proposal, decision_type, deadline)
      VALUES ('00000000-0000-4000-8000-000000000004', '00000000-0000-4000-8000-000000000001', 'U', 'V', 'procedural', now());
    INSERT INTO procedure_vote (network_id, procedure_id, member_id, token)
      VALUES ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000004', '00000000-0000-4000-8000-000000000002', '${vote}');
    INSERT INTO outbox_mail (network_id, to_address, subject, text_body)
      VALUES ('00000000-0000-4000-8000-000000000001', 'm@x', 'Einladung', 'Antwort: http://x/antwort/${reply}\nAbo: http://x/api/calendar/${feed}.ics\nUmlauf: http://x/umlauf/${vote}');
  `);
  await apply(db, files[index]!);

  const links = (
    await db.query<{ purpose: string; token_hash: string }>('SELECT purpose, token_hash FROM personal_link')
  ).rows;
  expect(Object.fromEntries(links.map((l) => [l.purpose, l.token_hash]))).toEqual({
    meeting_reply: hashToken(reply),
    procedure_vote: hashToken(vote),
    calendar: hashToken(feed),
  });
  const [mail] = (
    await db.query<{ text_body: string; sensitive: boolean }>('SELECT text_body, sensitive FROM outbox_mail')
  ).rows;
  expect(mail!.sensitive).toBe(true);
  for (const token of [reply, vote, feed]) expect(mail!.text_body).not.toContain(token);
  expect(mail!.text_body).toContain('/antwort/[Link entfernt]');
  const [answered] = (
    await db.query<{ reply_channel: string }>('SELECT reply_channel FROM meeting_recipient')
  ).rows;
  expect(answered!.reply_channel).toBe('link');
  await db.close();
});

it('keeps open account invitations working through personal_link and cuts their links out of stored mails', async () => {
  const db = await PGlite.create();
  const files = fs
    .readdirSync(migrationsFolder)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const index = files.findIndex((f) => f.endsWith('_invitation_links.sql'));
  expect(index).toBeGreaterThan(0);
  for (const f of files.slice(0, index)) await apply(db, f);

  const open = 'invitation-token-of-an-earlier-version-0123';
  const accepted = 'accepted-invitation-token-of-an-earlier-ver';
  await db.exec(`
    INSERT INTO network (id, name, region_key) VALUES ('00000000-0000-4000-8000-000000000001', 'Netz', '05958');
    INSERT INTO invitation (id, network_id, email, name, role, token_hash, status, expires_at) VALUES
      ('00000000-0000-4000-8000-000000000005', '00000000-0000-4000-8000-000000000001', 'a@x', 'A', 'guest', '${hashToken(open)}', 'pending', now() + interval '1 day'),
      ('00000000-0000-4000-8000-000000000006', '00000000-0000-4000-8000-000000000001', 'b@x', 'B', 'guest', '${hashToken(accepted)}', 'accepted', now() + interval '1 day');
    INSERT INTO outbox_mail (network_id, to_address, subject, text_body)
      VALUES ('00000000-0000-4000-8000-000000000001', 'a@x', 'Einladung', 'Link: http://x/einladung/${open}\nGruß');
  `);
  await apply(db, files[index]!);

  const links = (
    await db.query<{ purpose: string; token_hash: string; invitation_id: string }>(
      'SELECT purpose, token_hash, invitation_id FROM personal_link',
    )
  ).rows;
  expect(links).toEqual([
    {
      purpose: 'account_invitation',
      token_hash: hashToken(open),
      invitation_id: '00000000-0000-4000-8000-000000000005',
    },
  ]);
  const [mail] = (
    await db.query<{ text_body: string; sensitive: boolean }>('SELECT text_body, sensitive FROM outbox_mail')
  ).rows;
  expect(mail!.text_body).not.toContain(open);
  expect(mail!.text_body).toContain('/einladung/[Link entfernt]');
  expect(mail!.sensitive).toBe(true);
  await db.close();
});
