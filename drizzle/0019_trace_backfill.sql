-- The trace's first step for decisions taken before the trace existed: the meeting's item or the
-- written procedure that took each decision ("decided"). Idempotent through trace_link_pair_idx.
INSERT INTO "trace_link" ("network_id", "from_kind", "from_id", "to_kind", "to_id", "relation", "on", "actor_name")
SELECT d."network_id", 'agenda_item', d."item_id", 'decision', d."id", 'decided', d."created_at", ''
FROM "decision" d
WHERE d."item_id" IS NOT NULL
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "trace_link" ("network_id", "from_kind", "from_id", "to_kind", "to_id", "relation", "on", "actor_name")
SELECT p."network_id", 'procedure', p."id", 'decision', p."decision_id", 'decided', p."deadline", 'Umlaufverfahren'
FROM "written_procedure" p
WHERE p."decision_id" IS NOT NULL
ON CONFLICT DO NOTHING;
