-- The address book's first records: everyone the network already knows becomes one person. Committee
-- members (one person however many terms: grouped by e-mail, else by name), guests not yet known by
-- their e-mail, and the office's staff (admin and office accounts). A person's id is that of the first
-- record it was made from. Names are split into title, first and last name; search_text is folded as
-- fold() does (lower case, ä→ae, ö→oe, ü→ue, ß→ss).
CREATE FUNCTION pg_temp.bn_title(n text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(btrim(substring(btrim(n) from '^((?:(?:Prof|Dr|PD)\.(?:\s*[a-z]+\.)*\s+)+)')), '')
$$;
--> statement-breakpoint
CREATE FUNCTION pg_temp.bn_rest(n text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT btrim(substr(btrim(n), length(coalesce(substring(btrim(n) from '^((?:(?:Prof|Dr|PD)\.(?:\s*[a-z]+\.)*\s+)+)'), '')) + 1))
$$;
--> statement-breakpoint
CREATE FUNCTION pg_temp.bn_fold(n text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT replace(replace(replace(replace(lower(n), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss')
$$;
--> statement-breakpoint
INSERT INTO "person" ("id", "network_id", "title", "first_name", "last_name", "email", "legal_basis", "source", "user_id", "search_text", "created_at")
SELECT DISTINCT ON (m."network_id", coalesce(lower(m."email"), lower(m."name")))
  m."id", m."network_id", pg_temp.bn_title(m."name"),
  coalesce(btrim(substring(pg_temp.bn_rest(m."name") from '^(.*)\s\S+$')), ''),
  coalesce(substring(pg_temp.bn_rest(m."name") from '(\S+)$'), m."name"),
  m."email", 'public_task', '{"kind":"committee"}'::jsonb, m."user_id",
  pg_temp.bn_fold(concat_ws(' ', m."name", m."email", m."function", m."institution")), m."created_at"
FROM "committee_member" m
ORDER BY m."network_id", coalesce(lower(m."email"), lower(m."name")), m."created_at", m."id";
--> statement-breakpoint
UPDATE "committee_member" m SET "person_id" = (
  SELECT f."id" FROM "committee_member" f
  WHERE f."network_id" = m."network_id"
    AND coalesce(lower(f."email"), lower(f."name")) = coalesce(lower(m."email"), lower(m."name"))
  ORDER BY f."created_at", f."id" LIMIT 1);
--> statement-breakpoint
INSERT INTO "person" ("id", "network_id", "title", "first_name", "last_name", "email", "legal_basis", "source", "user_id", "search_text", "created_at")
SELECT DISTINCT ON (g."network_id", coalesce(lower(g."email"), lower(g."name")))
  g."id", g."network_id", pg_temp.bn_title(g."name"),
  coalesce(btrim(substring(pg_temp.bn_rest(g."name") from '^(.*)\s\S+$')), ''),
  coalesce(substring(pg_temp.bn_rest(g."name") from '(\S+)$'), g."name"),
  g."email", 'public_task', '{"kind":"guest"}'::jsonb, g."user_id",
  pg_temp.bn_fold(concat_ws(' ', g."name", g."email", g."topic")), g."created_at"
FROM "guest" g
WHERE NOT EXISTS (
  SELECT 1 FROM "person" p WHERE p."network_id" = g."network_id"
    AND (lower(p."email") = lower(g."email") OR (g."email" IS NULL AND p."email" IS NULL
      AND lower(concat_ws(' ', nullif(p."title", ''), nullif(p."first_name", ''), p."last_name")) = lower(btrim(g."name")))))
ORDER BY g."network_id", coalesce(lower(g."email"), lower(g."name")), g."created_at", g."id";
--> statement-breakpoint
UPDATE "guest" g SET "person_id" = coalesce(
  (SELECT p."id" FROM "person" p WHERE p."network_id" = g."network_id" AND lower(p."email") = lower(g."email")
   ORDER BY p."created_at" LIMIT 1),
  (SELECT p."id" FROM "person" p WHERE p."network_id" = g."network_id" AND g."email" IS NULL AND p."email" IS NULL
     AND lower(concat_ws(' ', nullif(p."title", ''), nullif(p."first_name", ''), p."last_name")) = lower(btrim(g."name"))
   ORDER BY p."created_at" LIMIT 1));
--> statement-breakpoint
INSERT INTO "person" ("network_id", "title", "first_name", "last_name", "email", "legal_basis", "source", "user_id", "search_text", "created_at")
SELECT ms."network_id", pg_temp.bn_title(u."name"),
  coalesce(btrim(substring(pg_temp.bn_rest(u."name") from '^(.*)\s\S+$')), ''),
  coalesce(substring(pg_temp.bn_rest(u."name") from '(\S+)$'), u."name"),
  u."email", 'public_task', '{"kind":"account"}'::jsonb, u."id",
  pg_temp.bn_fold(concat_ws(' ', u."name", u."email")), ms."created_at"
FROM "membership" ms JOIN "user" u ON u."id" = ms."user_id"
WHERE ms."role" IN ('admin', 'office')
  AND NOT EXISTS (SELECT 1 FROM "person" p WHERE p."network_id" = ms."network_id"
    AND (p."user_id" = u."id" OR lower(p."email") = lower(u."email")));
--> statement-breakpoint
UPDATE "person" p SET "user_id" = u."id"
FROM "user" u, "membership" ms
WHERE p."user_id" IS NULL AND lower(p."email") = lower(u."email")
  AND ms."user_id" = u."id" AND ms."network_id" = p."network_id";
