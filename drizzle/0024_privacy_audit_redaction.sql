-- Erasure (Art. 17 DSGVO) must reach the audit trail too: an entry may be redacted, never otherwise
-- changed or deleted. A redaction is let through only inside a transaction that set
-- `SET LOCAL bildungsnetz.redact = 'on'`, and only its text (summary, before, after) may change.
CREATE OR REPLACE FUNCTION audit_event_immutable() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND coalesce(current_setting('bildungsnetz.redact', true), '') = 'on'
     AND NEW.seq = OLD.seq
     AND NEW.network_id IS NOT DISTINCT FROM OLD.network_id
     AND NEW.actor_user_id IS NOT DISTINCT FROM OLD.actor_user_id
     AND NEW.actor_name IS NOT DISTINCT FROM OLD.actor_name
     AND NEW.at = OLD.at
     AND NEW.action = OLD.action
     AND NEW.entity_type = OLD.entity_type
     AND NEW.entity_id = OLD.entity_id
     AND NEW.request_id IS NOT DISTINCT FROM OLD.request_id THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
