import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNetworkWithMembers,
  createTestApp,
  type TestApp,
  type TestNetwork,
} from '../../../../tests/helpers/app.js';
import { multipart, tinyPdf, tinyPng } from '../../../../tests/helpers/multipart.js';
import * as t from '../../db/schema.js';

let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp({ MAX_UPLOAD_MB: '1' });
});
afterAll(() => ctx.close());

async function upload(
  net: TestNetwork,
  role: keyof TestNetwork['users'],
  name: string,
  content: Buffer,
  visibility = 'members',
) {
  const body = multipart({ visibility }, { name, content });
  return ctx.as(net.users[role].cookie, {
    method: 'POST',
    url: `/api/networks/${net.id}/files`,
    payload: body.payload,
    headers: body.headers,
  });
}

describe('files', () => {
  it('stores an upload with type from content and a SHA-512 checksum, and gives the same bytes back', async () => {
    const net = await createNetworkWithMembers(ctx);
    const pdf = tinyPdf('Protokoll Lenkungskreis');
    const res = await upload(net, 'office', 'Protokoll März 2026.pdf', pdf);
    expect(res.statusCode).toBe(201);
    const file = res.json();
    expect(file).toMatchObject({
      name: 'Protokoll März 2026.pdf',
      mimeType: 'application/pdf',
      sizeBytes: pdf.length,
      sha512: createHash('sha512').update(pdf).digest('hex'),
      visibility: 'members',
      uploadedByName: 'Test office',
    });
    const down = await ctx.as(net.users.committee.cookie, {
      method: 'GET',
      url: `/api/networks/${net.id}/files/${file.id}/content`,
    });
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.headers['content-disposition']).toContain(
      "filename*=UTF-8''Protokoll%20M%C3%A4rz%202026.pdf",
    );
    expect(down.rawPayload.equals(pdf)).toBe(true);
    // A download replaces the app's policy with a sandbox: an uploaded file never runs as our page.
    expect(down.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    const audit = await ctx.database.db.select().from(t.auditEvent).where(eq(t.auditEvent.entityId, file.id));
    expect(audit[0]?.summary).toContain('hochgeladen');
  });

  it('takes the type from the content, not the name: a program named .pdf is refused', async () => {
    const net = await createNetworkWithMembers(ctx);
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(200, 0xff)]);
    const res = await upload(net, 'office', 'rechnung.pdf', exe);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('files.type_not_allowed');
    const png = await upload(net, 'office', 'logo.pdf', tinyPng);
    expect(png.json().mimeType).toBe('image/png');
    const csv = await upload(
      net,
      'office',
      'schulen.csv',
      Buffer.from('\uFEFFSchulnummer;Name\n123456;Grundschule Meschede\n'),
    );
    expect(csv.json().mimeType).toBe('text/csv');
    const files = await ctx.database.db.select().from(t.storedFile).where(eq(t.storedFile.networkId, net.id));
    expect(files).toHaveLength(2);
  });

  it('refuses a file over the size limit and writes nothing', async () => {
    const net = await createNetworkWithMembers(ctx);
    const big = Buffer.concat([tinyPdf(), Buffer.alloc(1024 * 1024 + 10, 0x20)]);
    const storedBefore = (await ctx.app.deps.storage.list()).length;
    const res = await upload(net, 'office', 'gross.pdf', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toMatch(/zu groß/);
    const files = await ctx.database.db.select().from(t.storedFile).where(eq(t.storedFile.networkId, net.id));
    expect(files).toHaveLength(0);
    expect(await ctx.app.deps.storage.list()).toHaveLength(storedBefore);
  });

  it('shows each role only the files of its visibility, and other networks nothing', async () => {
    const net = await createNetworkWithMembers(ctx);
    const other = await createNetworkWithMembers(ctx);
    const ids: Record<string, string> = {};
    for (const v of ['public', 'members', 'office'])
      ids[v] = (await upload(net, 'office', `${v}.pdf`, tinyPdf(v), v)).json().id;
    const visible = { admin: 3, office: 3, committee: 2, partner: 1 } as const;
    for (const [role, n] of Object.entries(visible)) {
      const cookie = net.users[role as keyof typeof visible].cookie;
      const list = await ctx.as(cookie, { method: 'GET', url: `/api/networks/${net.id}/files` });
      expect(list.json(), role).toHaveLength(n);
    }
    // Guests are invited to single agenda items and get their papers there; the documents stay closed.
    const guest = await ctx.as(net.users.guest.cookie, {
      method: 'GET',
      url: `/api/networks/${net.id}/files`,
    });
    expect(guest.statusCode).toBe(403);
    const hidden = await ctx.as(net.users.committee.cookie, {
      method: 'GET',
      url: `/api/networks/${net.id}/files/${ids.office}/content`,
    });
    expect(hidden.statusCode).toBe(404);
    const cross = await ctx.as(other.users.admin.cookie, {
      method: 'GET',
      url: `/api/networks/${other.id}/files/${ids.members}/content`,
    });
    expect(cross.statusCode).toBe(404);
    const pub = await ctx.as(null, { method: 'GET', url: `/api/public/files/${ids.public}` });
    expect(pub.statusCode).toBe(200);
    const notPub = await ctx.as(null, { method: 'GET', url: `/api/public/files/${ids.members}` });
    expect(notPub.statusCode).toBe(404);
  });

  it('lets only the office and administrators upload, change and delete; deleted files leave the list', async () => {
    const net = await createNetworkWithMembers(ctx);
    for (const role of ['committee', 'guest', 'partner'] as const) {
      expect((await upload(net, role, 'x.pdf', tinyPdf())).statusCode, role).toBe(403);
    }
    const id = (await upload(net, 'admin', 'entwurf.pdf', tinyPdf(), 'office')).json().id;
    const patch = await ctx.as(net.users.committee.cookie, {
      method: 'PATCH',
      url: `/api/networks/${net.id}/files/${id}`,
      payload: { visibility: 'public' },
    });
    expect(patch.statusCode).toBe(403);
    const publish = await ctx.as(net.users.office.cookie, {
      method: 'PATCH',
      url: `/api/networks/${net.id}/files/${id}`,
      payload: { visibility: 'public' },
    });
    expect(publish.json().visibility).toBe('public');
    const bad = await ctx.as(net.users.office.cookie, {
      method: 'PATCH',
      url: `/api/networks/${net.id}/files/${id}`,
      payload: { visibility: 'geheim' },
    });
    expect(bad.statusCode).toBe(400);
    const del = await ctx.as(net.users.office.cookie, {
      method: 'DELETE',
      url: `/api/networks/${net.id}/files/${id}`,
    });
    expect(del.statusCode).toBe(204);
    expect(
      (await ctx.as(net.users.office.cookie, { method: 'GET', url: `/api/networks/${net.id}/files` })).json(),
    ).toHaveLength(0);
    expect((await ctx.as(null, { method: 'GET', url: `/api/public/files/${id}` })).statusCode).toBe(404);
    const [row] = await ctx.database.db.select().from(t.storedFile).where(eq(t.storedFile.id, id));
    expect(row!.deletedAt).not.toBeNull();
  });
});
