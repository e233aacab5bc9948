-- R-HOOK-2 (decision 0902): the change log is the outbox. Each change an integrator can subscribe to becomes one
-- delivery row per matching subscription, in the transaction that made the change: both commit or neither does.
-- The event id is the change-log sequence, so every subscriber and every attempt sees the same id.
CREATE OR REPLACE FUNCTION webhook_fan_out() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  event_type text := CASE NEW.feed
      WHEN 'invitations' THEN 'invitation'
      WHEN 'relationships' THEN 'relationship'
      WHEN 'milestones' THEN 'milestone'
      ELSE 'training.completion' END
    || CASE NEW.op WHEN 'insert' THEN '.created' WHEN 'update' THEN '.updated' ELSE '.deleted' END;
BEGIN
  INSERT INTO webhook_deliveries (subscription_id, event_id, event_type, entity_id, occurred_at)
  SELECT s.id, 'evt_' || NEW.seq, event_type, NEW.entity_id, NEW.changed_at
  FROM webhook_subscriptions s JOIN system_clients c ON c.id = s.client_id AND c.revoked_at IS NULL
  WHERE event_type = ANY (s.event_types)
    OR EXISTS (SELECT 1 FROM unnest(s.event_types) f WHERE right(f, 2) = '.*' AND starts_with(event_type, left(f, -1)))
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER change_log_webhooks_trg AFTER INSERT ON change_log
  FOR EACH ROW WHEN (NEW.feed IN ('invitations', 'relationships', 'milestones', 'training-attendance'))
  EXECUTE FUNCTION webhook_fan_out();
