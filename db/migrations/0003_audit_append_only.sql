-- The audit trail is append-only: a row may be sealed once (seq, prev_hash, hash set from null), never changed
-- or deleted afterwards. The hash chain still catches tampering by someone who can disable this trigger.
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'audit_events is append-only: rows cannot be deleted';
  END IF;
  IF OLD.seq IS NOT NULL
     OR (NEW.id, NEW.at, NEW.actor_user_id, NEW.actor_username, NEW.action, NEW.entity_type, NEW.entity_id,
         NEW.unit_id, NEW.province_code, NEW.changes, NEW.request_id, NEW.client_ip)
        IS DISTINCT FROM
        (OLD.id, OLD.at, OLD.actor_user_id, OLD.actor_username, OLD.action, OLD.entity_type, OLD.entity_id,
         OLD.unit_id, OLD.province_code, OLD.changes, OLD.request_id, OLD.client_ip) THEN
    RAISE EXCEPTION 'audit_events is append-only: rows cannot be changed';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
