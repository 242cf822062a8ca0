/**
 * State scale for `npm run bench -- --scale nrw`: the 52 Regional Education Networks of NRW, each filled as a network looks after ten years: ~40 committee members, a meeting every ~73 days
 * (50) with 8 agenda items each, 400 decisions with their rounds, approved minutes, 300 files' metadata,
 * 5,000 audit entries, 10 accounts. Written by set-based SQL (INSERT … SELECT generate_series), not
 * through the HTTP API, so it takes seconds, and identical on PGlite and PostgreSQL.
 */
import type { Database } from '../src/server/db/client.js';

export const NRW_NETWORKS = 52;

export type ScaleFigures = { networks: number; rows: Record<string, number>; seconds: number };

/** Fills `existing` (the demo network) and 51 new networks; returns the row counts it wrote. */
export async function generateNrw(database: Database, existing: string[]): Promise<ScaleFigures> {
  const started = performance.now();
  const q = (text: string, params?: unknown[]) => database.query(text, params);
  const extra = NRW_NETWORKS - existing.length;
  await q(
    `INSERT INTO network (name, region_key, slug)
     SELECT 'Regionales Bildungsnetzwerk Bench ' || g, (5000 + g)::text, 'bench-' || g
     FROM generate_series(1, $1::int) g`,
    [extra],
  );
  // Every network the generator fills: the new ones and the demo network (which grows the same way).
  const targets = (
    await database.query<{ id: string }>(
      `SELECT id FROM network WHERE slug LIKE 'bench-%' OR id = ANY($1::uuid[])`,
      [existing],
    )
  ).map((r) => r.id);
  const T = [targets];
  const rows: Record<string, number> = {};
  const run = async (table: string, text: string) => {
    const before = Number(
      (await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n,
    );
    await q(text, T);
    rows[table] =
      Number((await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n) - before;
  };

  await run(
    '"user"',
    `INSERT INTO "user" (id, name, email, email_verified)
     SELECT 'bench-' || n.id || '-' || g, 'Bench Person ' || g, 'bench-' || g || '-' || n.id || '@bench.example', true
     FROM unnest($1::uuid[]) AS n(id), generate_series(1, 10) g`,
  );
  await run(
    'membership',
    `INSERT INTO membership (network_id, user_id, role)
     SELECT n.id, 'bench-' || n.id || '-' || g, (ARRAY['office','office','committee','committee','committee','committee','guest','partner','partner','admin'])[g]
     FROM unnest($1::uuid[]) AS n(id), generate_series(1, 10) g`,
  );
  await run(
    'committee_member',
    `INSERT INTO committee_member (network_id, name, email, side, function, institution, voting, term_from, term_to)
     SELECT n.id, 'Mitglied ' || g, 'mitglied' || g || '@bench.example',
            (ARRAY['land','municipality','other','office'])[1 + g % 4], 'Funktion ' || g, 'Institution ' || g,
            g % 4 <> 3, (DATE '2016-01-01' + (g * 60)), CASE WHEN g % 5 = 0 THEN DATE '2022-12-31' END
     FROM unnest($1::uuid[]) AS n(id), generate_series(1, 40) g`,
  );
  await run(
    'meeting',
    `INSERT INTO meeting (network_id, title, starts_at, ends_at, location, status, ical_uid)
     SELECT n.id, 'Sitzung des Lenkungskreises ' || g,
            TIMESTAMPTZ '2016-02-01 14:00+01' + g * INTERVAL '73 days',
            TIMESTAMPTZ '2016-02-01 16:00+01' + g * INTERVAL '73 days',
            'Kreishaus, Sitzungssaal', 'minutes_approved', gen_random_uuid()::text || '@bench'
     FROM unnest($1::uuid[]) AS n(id), generate_series(0, 49) g`,
  );
  await run(
    'agenda_item',
    `INSERT INTO agenda_item (network_id, meeting_id, position, title, kind, decision_type, proposal, status)
     SELECT m.network_id, m.id, p, 'Tagesordnungspunkt ' || p || ': ' || m.title, 'decision',
            (ARRAY['goal','work_plan','work_order','recommendation','contract_amendment','procedural'])[1 + p % 6],
            repeat('Der Lenkungskreis beschließt die Fortführung der Maßnahme. ', 4), 'decided'
     FROM meeting m, generate_series(1, 8) p WHERE m.network_id = ANY($1::uuid[])`,
  );
  await run(
    'decision_round',
    `INSERT INTO decision_round (network_id, item_id, round, proposal, outcome)
     SELECT a.network_id, a.id, 1, a.proposal, 'taken'
     FROM agenda_item a WHERE a.network_id = ANY($1::uuid[]) AND a.title LIKE 'Tagesordnungspunkt %'`,
  );
  await run(
    'decision',
    `INSERT INTO decision (network_id, year, seq, number, item_id, round_id, type, title, text, decided_on, status)
     SELECT network_id, year, seq, 'LK-' || year || '-' || lpad(seq::text, 2, '0'), item_id, round_id, type,
            title, text, decided_on, (ARRAY['open','in_progress','done'])[1 + seq % 3]
     FROM (
       SELECT a.network_id, a.id AS item_id, r.id AS round_id, a.decision_type AS type, a.title,
              a.proposal AS text, (m.starts_at AT TIME ZONE 'Europe/Berlin')::date AS decided_on,
              extract(year FROM m.starts_at AT TIME ZONE 'Europe/Berlin')::int AS year,
              1000 + row_number() OVER (PARTITION BY a.network_id, extract(year FROM m.starts_at) ORDER BY m.starts_at, a.position)::int AS seq
       FROM agenda_item a
       JOIN meeting m ON m.id = a.meeting_id
       JOIN decision_round r ON r.item_id = a.id
       WHERE a.network_id = ANY($1::uuid[]) AND a.title LIKE 'Tagesordnungspunkt %'
     ) d`,
  );
  await run(
    'minutes_version',
    `INSERT INTO minutes_version (network_id, meeting_id, version, status, body)
     SELECT m.network_id, m.id, 1, 'approved', repeat('Niederschrift: Der Lenkungskreis berät und beschließt. ', 40)
     FROM meeting m WHERE m.network_id = ANY($1::uuid[]) AND m.ical_uid LIKE '%@bench'`,
  );
  await run(
    'stored_file',
    `INSERT INTO stored_file (network_id, name, mime_type, size_bytes, sha512, storage_key, visibility, created_at)
     SELECT n.id, 'Vorlage ' || g || '.pdf', 'application/pdf', 100000 + g, repeat('0', 128),
            'bench/' || n.id || '/' || g, (ARRAY['public','members','office'])[1 + g % 3],
            TIMESTAMPTZ '2016-01-01' + g * INTERVAL '12 days'
     FROM unnest($1::uuid[]) AS n(id), generate_series(1, 300) g`,
  );
  await run(
    'audit_event',
    `INSERT INTO audit_event (network_id, actor_user_id, actor_name, at, action, entity_type, entity_id, summary, after)
     SELECT n.id, 'bench-' || n.id || '-1', 'Bench Person 1', TIMESTAMPTZ '2016-01-01' + g * INTERVAL '17 hours',
            (ARRAY['create','update','delete'])[1 + g % 3],
            (ARRAY['meeting','agenda_item','decision','committee_member','file','minutes'])[1 + g % 6],
            g::text, 'Änderung Nummer ' || g, jsonb_build_object('title', 'Eintrag ' || g)
     FROM unnest($1::uuid[]) AS n(id), generate_series(1, 5000) g`,
  );
  // A real installation wrote these rows over ten years with autovacuum running in between: measure
  // that steady state (statistics, visibility map, flushed buffers), not the minute after a bulk load.
  await q('VACUUM ANALYZE');
  if (database.kind === 'postgres') await q('CHECKPOINT');
  return { networks: targets.length, rows, seconds: (performance.now() - started) / 1000 };
}
