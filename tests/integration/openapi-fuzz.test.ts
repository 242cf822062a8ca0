import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BASE_URL,
  createNetworkWithMembers,
  createTestApp,
  type TestApp,
  type TestNetwork,
} from '../helpers/app.js';
import { multipart } from '../helpers/multipart.js';

/**
 * Hostile requests to every operation of /api/openapi.json (and the better-auth routes the document
 * hides), as an anonymous visitor and as the administration of a network with a contract, a committee
 * member, a meeting and an agenda item, so that plausible ids reach the services. Whatever comes back:
 * never a 5xx, and every failure has exactly our error shape with a German message.
 *
 * Reproducible: fast-check runs with a fixed seed (FUZZ_SEED to try another). FUZZ_RUNS raises the number of requests per
 * operation and caller for a longer local run.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20260307);
const RUNS = Number(process.env.FUZZ_RUNS ?? 6);

type Schema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};
type Parameter = { name: string; in: 'path' | 'query'; required?: boolean; schema: Schema };
type Operation = {
  method: string;
  path: string;
  parameters: Parameter[];
  body: { kind: 'json'; schema: Schema } | { kind: 'multipart' } | null;
};

let ctx: TestApp;
let network: TestNetwork;
let operations: Operation[];
const known: Record<string, string> = {};

const call = (method: InjectOptions['method'], url: string, payload?: unknown) =>
  ctx.as(network.users.admin.cookie, {
    method,
    url: `/api/networks/${network.id}${url}`,
    payload: payload as object,
  });

beforeAll(async () => {
  ctx = await createTestApp({ PUBLIC_WRITE_RATE_LIMIT: '100000' });
  network = await createNetworkWithMembers(ctx);
  known.networkId = network.id;
  known.userId = network.users.guest.id;
  known.slug = `fuzz-${network.id.slice(0, 8)}`;
  const ok = (res: LightMyRequestResponse, status: number) => {
    expect(res.statusCode, res.body).toBe(status);
    return res.json();
  };
  ok(await call('PUT', '/public-profile', { slug: known.slug, contactEmail: 'buero@fuzz.example' }), 200);
  ok(
    await call('PUT', '/contract', {
      title: 'Kooperationsvertrag',
      landPartyName: 'Land NRW',
      municipalityPartyName: 'Kreis',
      signatories: [],
    }),
    200,
  );
  const version = ok(
    await call('POST', '/contract/versions', {
      title: 'Kooperationsvertrag',
      effectiveFrom: '2012-01-01',
      addFields: [{ name: 'Übergang Schule – Beruf (KAoA)', previousOwner: 'land' }],
    }),
    201,
  );
  known.versionId = version.id;
  known.fieldId = version.addedFields[0].id;
  for (const party of ['land', 'municipality'])
    ok(
      await call('POST', `/contract/versions/${version.id}/consents`, {
        party,
        signedBy: 'X Y',
        signedOn: '2011-12-01',
      }),
      200,
    );
  known.memberId = ok(
    await call('POST', '/committee', {
      name: 'Beispiel Schulamtsdirektorin',
      side: 'land',
      voting: true,
      termFrom: '2020-01-01',
      deputyOf: null,
      function: 'Funktion',
      institution: 'Institution',
    }),
    201,
  ).id;
  known.meetingId = ok(
    await call('POST', '/meetings', {
      title: 'Lenkungskreis',
      startsAt: '2027-03-12T14:00',
      endsAt: '2027-03-12T16:00',
    }),
    201,
  ).id;
  known.itemId = ok(
    await call('POST', `/meetings/${known.meetingId}/items`, {
      title: 'Arbeitsauftrag KAoA',
      kind: 'decision',
      decisionType: 'work_order',
      fieldId: known.fieldId,
      proposal: 'Das Bildungsbüro erarbeitet ein Konzept.',
    }),
    201,
  ).id;

  const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<
      string,
      Record<
        string,
        { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }
      >
    >;
  };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const content = op.requestBody?.content ?? {};
      const json = content['application/json'];
      const upload = path.endsWith('/files') || path.endsWith('/attachments') || path.endsWith('/papers');
      return {
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        body: json
          ? { kind: 'json', schema: json.schema }
          : upload && method === 'post'
            ? { kind: 'multipart' }
            : null,
      } as Operation;
    }),
  );
  // Operations that end the fixture's records (cancel the meeting, withdraw the version, delete) go last,
  // so that the others still reach their services with plausible ids.
  const ending = (op: Operation) => op.method === 'DELETE' || /\/(cancel|withdraw|hold)$/.test(op.path);
  operations.sort((a, b) => Number(ending(a)) - Number(ending(b)));
  // better-auth's routes are hidden from the document; these are the ones a visitor or a signed-in
  // person can reach without ending the session the fuzzer signs in with.
  const str = (minLength = 1): Schema => ({ type: 'string', minLength, maxLength: 128 });
  const auth = (path: string, properties: Record<string, Schema>): Operation => ({
    method: 'POST',
    path: `/api/auth/${path}`,
    parameters: [],
    body: { kind: 'json', schema: { type: 'object', properties, required: Object.keys(properties) } },
  });
  operations.push(
    auth('sign-in/email', { email: { type: 'string', format: 'email' }, password: str(10) }),
    auth('request-password-reset', { email: { type: 'string', format: 'email' }, redirectTo: str() }),
    auth('reset-password', { token: str(), newPassword: str(10) }),
    auth('change-password', { currentPassword: str(10), newPassword: str(10) }),
    auth('two-factor/verify-totp', { code: { type: 'string', pattern: '^[0-9]{6}$' } }),
    auth('two-factor/enable', { password: str(10) }),
    auth('update-user', { name: str(2) }),
    { method: 'GET', path: '/api/auth/get-session', parameters: [], body: null },
  );
}, 300_000);
afterAll(() => ctx.close());

// ---- values ---------------------------------------------------------------------------------------

const LONG = 'ä'.repeat(70_000);
const hostileString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'Name\u0000',
    'a\uD800b',
    '\uDFFFx',
    '\u202Eevil',
    'iso\u2066late',
    LONG,
    "' OR 1=1 --",
    '../../etc/passwd',
    '<script>alert(1)</script>',
    '{{7*7}}',
    'NaN',
    '-1',
    '1e309',
    '00000000-0000-0000-0000-000000000000',
    'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
    '2027-02-30T25:61',
    '9999-12-31T23:59',
    '0000-00-00',
    '2026-13-45',
    'mailto:a@b',
    'javascript:alert(1)',
  ),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);
const hostileNumber = fc.oneof(
  fc.constantFrom(0, -1, 1e308, -1e308, 2 ** 53 + 1, 2 ** 31, -(2 ** 31) - 1, 0.5, 1e-320),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null, [], {}, [null], { a: { b: { c: [1] } } }) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constant(JSON.parse(`${'['.repeat(2000)}${']'.repeat(2000)}`)) },
);

const idFor = (name: string): fc.Arbitrary<string> => {
  const direct = known[name];
  const all = Object.entries(known)
    .filter(([k]) => k.endsWith('Id'))
    .map(([, v]) => v);
  return direct
    ? fc.oneof(
        { weight: 6, arbitrary: fc.constant(direct) },
        { weight: 1, arbitrary: fc.constantFrom(...all, randomUUID()) },
      )
    : fc.constantFrom(...all, randomUUID(), randomUUID());
};

/** A value that satisfies the schema as far as the generator knows (ids of the fixture where named). */
function plausible(schema: Schema, name = ''): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return fc.oneof(...branches.map((b) => plausible(b, name)));
  if (schema.allOf?.[0]) return plausible(schema.allOf[0], name);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      if (schema.format === 'uuid') return idFor(name);
      if (schema.format === 'email') return fc.constantFrom('person@example.org', 'buero@fuzz.example');
      if (schema.format === 'date')
        return fc.constantFrom('2026-05-04', '2012-01-01', '2024-02-29', '0000-01-01', '9999-12-31');
      if (schema.format === 'date-time') return fc.constant(new Date('2026-05-04T10:00:00Z').toISOString());
      if (schema.format === 'uri') return fc.constant('https://example.org/');
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
      if (name === 'slug') return fc.constant(known.slug!);
      return fc.string({
        minLength: schema.minLength ?? 0,
        maxLength: Math.min(schema.maxLength ?? 40, (schema.minLength ?? 0) + 40),
        unit: 'grapheme',
      });
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: Math.min(schema.maximum ?? 1000, 2 ** 31 - 1) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(plausible(schema.items ?? {}, name), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, (schema.minItems ?? 0) + 3),
      });
    case 'object': {
      const props = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      return fc.record(Object.fromEntries(Object.entries(props).map(([k, s]) => [k, plausible(s, k)])), {
        requiredKeys: Object.keys(props).filter((k) => required.has(k)),
      });
    }
    default:
      return hostileValue;
  }
}

/** Mostly plausible, sometimes hostile, at every level: a required field missing, an extra one added. */
function mutated(schema: Schema, name = '', depth = 0): fc.Arbitrary<unknown> {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const deeper: fc.Arbitrary<unknown>[] = [];
  if (depth < 3 && type === 'object' && schema.properties) {
    const props = schema.properties;
    const keys = Object.keys(props);
    deeper.push(
      fc
        .tuple(
          fc.record(Object.fromEntries(keys.map((k) => [k, mutated(props[k]!, k, depth + 1)])), {
            requiredKeys: [],
          }),
          fc.option(fc.tuple(hostileString, hostileValue), { freq: 4 }),
        )
        .map(([o, extra]) => (extra ? { ...o, [extra[0]]: extra[1] } : o)),
    );
  }
  if (depth < 3 && type === 'array' && schema.items)
    deeper.push(fc.array(mutated(schema.items, name, depth + 1), { maxLength: 4 }));
  return fc.oneof(
    { weight: 3, arbitrary: plausible(schema, name) },
    { weight: 1, arbitrary: hostileValue },
    ...deeper.map((arbitrary) => ({ weight: 3, arbitrary })),
  );
}

/** Path segments as they arrive on the wire: valid ids, broken percent-encoding, over-long parameters. */
const hostileSegment = fc.oneof(
  fc.constantFrom(
    '%00',
    '%00abc',
    '%E0%A4%A',
    '%ED%A0%80',
    '%FF',
    '%C0%AF',
    '%',
    '%%',
    encodeURIComponent('\u202Eabc'),
    'x'.repeat(150),
    '..',
    '%2e%2e',
    '%2F',
    '-1',
    '1e309',
    '99999999999999999999999',
    'null',
    'ABCDEF00-0000-4000-8000-000000000000',
  ),
  hostileString
    .filter((s) => s.length > 0 && s.length < 200 && !/[\uD800-\uDFFF]/.test(s))
    .map(encodeURIComponent),
);

type Attempt = {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  label: string;
};

const wrongBodies: fc.Arbitrary<Pick<Attempt, 'headers' | 'payload' | 'label'>> = fc.constantFrom(
  { headers: { 'content-type': 'application/json' }, payload: '', label: 'empty' },
  { headers: { 'content-type': 'application/json' }, payload: '{"a": ', label: 'broken json' },
  { headers: { 'content-type': 'application/json' }, payload: 'null', label: 'null' },
  { headers: { 'content-type': 'application/json' }, payload: '"text"', label: 'json string' },
  { headers: { 'content-type': 'application/json' }, payload: '{"__proto__": {"x": 1}}', label: 'proto' },
  {
    headers: { 'content-type': 'application/json' },
    payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
    label: 'invalid utf-8',
  },
  {
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ text: 'x'.repeat(1024 * 1024 + 10) }),
    label: 'over 1 MB',
  },
  { headers: { 'content-type': 'text/plain' }, payload: 'hallo', label: 'text/plain' },
  { headers: { 'content-type': 'application/xml' }, payload: '<a/>', label: 'xml' },
  { headers: { 'content-type': 'multipart/form-data' }, payload: 'x', label: 'multipart without boundary' },
  {
    headers: { 'content-type': 'multipart/form-data; boundary=abc' },
    payload: '--abc\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF',
    label: 'multipart cut short',
  },
  {
    headers: { 'content-type': `multipart/form-data; boundary=${'b'.repeat(300)}` },
    payload: 'x',
    label: 'multipart with a 300-character boundary',
  },
  {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'a=1&b=%00',
    label: 'form-urlencoded',
  },
);

const uploads: fc.Arbitrary<Pick<Attempt, 'headers' | 'payload' | 'label'>> = fc
  .tuple(
    fc.oneof(
      fc.constantFrom('bericht.pdf', 'a\u0000b.pdf', '\u202Efdp.exe', 'ä'.repeat(500), '../x.pdf', ''),
      hostileString,
    ),
    fc.oneof(fc.constantFrom('public', 'members', 'office'), hostileString),
    fc.constantFrom('%PDF-1.4\n%%EOF\n', 'Hallo Welt', '\u0000\u0001\u0002', ''),
    fc.boolean(),
  )
  .map(([name, visibility, content, withFile]) => {
    const form = multipart(
      { visibility: String(visibility), label: String(visibility), title: String(visibility) },
      withFile
        ? { name: name.replaceAll('"', ''), content: Buffer.from(content), type: 'application/pdf' }
        : undefined,
    );
    return {
      headers: form.headers,
      payload: form.payload,
      label: `upload ${JSON.stringify(name).slice(0, 40)}`,
    };
  });

function attempts(op: Operation): fc.Arbitrary<Attempt> {
  const path = fc.tuple(
    ...op.parameters
      .filter((p) => p.in === 'path')
      .map((p) =>
        fc
          .oneof(
            { weight: 5, arbitrary: plausible(p.schema, p.name).map((v) => encodeURIComponent(String(v))) },
            { weight: 1, arbitrary: hostileSegment },
          )
          .map((v) => [p.name, v] as const),
      ),
  );
  const query = fc.tuple(
    ...op.parameters
      .filter((p) => p.in === 'query')
      .map((p) =>
        fc
          .oneof(
            { weight: 2, arbitrary: fc.constant(null) },
            { weight: 2, arbitrary: plausible(p.schema, p.name).map((v) => encodeURIComponent(String(v))) },
            { weight: 1, arbitrary: hostileSegment },
          )
          .map((v) => [p.name, v] as const),
      ),
    fc.option(fc.constantFrom('extra=1', 'page=1&page=2', 'q[]=x', '%FF=%FF', '=', '&&'), { freq: 3 }),
  );
  const body: fc.Arbitrary<Pick<Attempt, 'headers' | 'payload' | 'label'>> =
    op.body?.kind === 'json'
      ? fc.oneof(
          {
            weight: 5,
            arbitrary: mutated(op.body.schema).map((v) => ({
              headers: { 'content-type': 'application/json' },
              payload: JSON.stringify(v) ?? 'null',
              label: 'json',
            })),
          },
          { weight: 1, arbitrary: wrongBodies },
        )
      : op.body?.kind === 'multipart'
        ? fc.oneof({ weight: 3, arbitrary: uploads }, { weight: 1, arbitrary: wrongBodies })
        : fc.oneof(
            { weight: 3, arbitrary: fc.constant({ headers: {}, payload: undefined, label: 'no body' }) },
            { weight: 1, arbitrary: wrongBodies },
          );
  return fc.tuple(path, query, body).map(([pathParams, queryParams, b]) => {
    let url = op.path;
    for (const [name, value] of pathParams) url = url.replace(`{${name}}`, value);
    const extra = queryParams.pop() as string | null;
    const pairs = (queryParams as Array<readonly [string, string | null]>)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => `${k}=${v}`);
    if (extra) pairs.push(extra);
    return {
      method: op.method,
      url: pairs.length > 0 ? `${url}?${pairs.join('&')}` : url,
      headers: b.headers,
      payload: b.payload,
      label: b.label,
    };
  });
}

// ---- the check ------------------------------------------------------------------------------------

const ENGLISH =
  /\b(the|is|not|invalid|required|expected|must|error|failed|found|unauthorized|bad request)\b/i;

/** What is wrong with the answer, or null. */
function problem(res: LightMyRequestResponse): string | null {
  if (res.statusCode >= 500) return `${res.statusCode}: ${res.body.slice(0, 300)}`;
  if (res.statusCode < 300) return null;
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    return `${res.statusCode} not JSON: ${res.body.slice(0, 200)}`;
  }
  const error = (body as { error?: Record<string, unknown> })?.error;
  if (!error || Object.keys(body as object).length !== 1)
    return `${res.statusCode} off the shape: ${res.body.slice(0, 200)}`;
  const keys = Object.keys(error).filter((k) => k !== 'details');
  if (keys.sort().join() !== 'code,message,requestId')
    return `${res.statusCode} keys ${keys}: ${res.body.slice(0, 200)}`;
  if (
    typeof error.code !== 'string' ||
    typeof error.message !== 'string' ||
    typeof error.requestId !== 'string'
  )
    return `${res.statusCode} types: ${res.body.slice(0, 200)}`;
  if (error.requestId !== res.headers['x-request-id'])
    return `${res.statusCode} request id differs from header`;
  // Quoted values (enum options, the input itself) may be English; the sentence around them may not.
  if (ENGLISH.test(error.message.replace(/"[^"]*"|„[^“]*“/g, '')))
    return `${res.statusCode} English message: ${error.message}`;
  return null;
}

async function fuzz(op: Operation, who: 'anonymous' | 'admin') {
  const cookie = who === 'admin' ? network.users.admin.cookie : null;
  const details = await fc.check(
    fc.asyncProperty(attempts(op), async (a) => {
      const res = await ctx.app.inject({
        method: a.method as InjectOptions['method'],
        url: a.url,
        headers: { origin: BASE_URL, ...(cookie ? { cookie } : {}), ...a.headers },
        payload: a.payload,
      });
      const wrong = problem(res);
      if (wrong) throw new Error(wrong);
    }),
    { seed: SEED, numRuns: RUNS, endOnFailure: true },
  );
  if (!details.failed) return null;
  const [a] = details.counterexample ?? [];
  const payload = a?.payload === undefined ? '' : String(a.payload).slice(0, 160);
  const reason = 'errorInstance' in details ? (details.errorInstance as Error)?.message : 'interrupted';
  return `${who} ${a?.method} ${a?.url.slice(0, 200)} [${a?.label}] ${payload}\n    → ${String(reason).slice(0, 400)}`;
}

describe('the API under hostile requests', () => {
  it(
    'answers every operation without a 5xx and with the one error shape',
    async () => {
      const failures: string[] = [];
      for (const op of operations) {
        for (const who of ['anonymous', 'admin'] as const) {
          const failure = await fuzz(op, who);
          if (failure) failures.push(failure);
        }
        // A fuzzed settings change must not lock the administration out of the remaining operations.
        await ctx.as(network.users.admin.cookie, {
          method: 'PATCH',
          url: `/api/networks/${network.id}`,
          payload: { requireSecondFactor: false },
        });
      }
      expect(operations.length).toBeGreaterThan(90);
      expect(failures).toEqual([]);
    },
    Math.max(120_000, RUNS * 25_000),
  );
});
