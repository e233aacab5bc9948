-- R-API-5 (decision 0901): every change an integrator follows is logged in the writing transaction, with that
-- transaction's id, so the change feeds can serve only finished transactions and never skip a late commit.
CREATE OR REPLACE FUNCTION log_change(feed text, entity_id text, op text) RETURNS void LANGUAGE sql AS $$
  INSERT INTO change_log (txid, feed, entity_id, op) VALUES (pg_current_xact_id()::text::bigint, feed, entity_id, op)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION record_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  op text := lower(TG_OP);
  row_id text;
BEGIN
  IF TG_TABLE_NAME IN ('mentor_applications', 'mentee_applications') THEN
    row_id := CASE WHEN TG_TABLE_NAME = 'mentor_applications' THEN 'mentor:' ELSE 'mentee:' END
      || COALESCE(NEW.employee_id, OLD.employee_id);
    PERFORM log_change('applications', row_id, op);
  ELSIF TG_TABLE_NAME = 'employees' THEN
    PERFORM log_change('employees', COALESCE(NEW.id, OLD.id), op);
  ELSIF TG_TABLE_NAME = 'invitations' THEN
    PERFORM log_change('invitations', COALESCE(NEW.id, OLD.id)::text, op);
  ELSIF TG_TABLE_NAME = 'training_attendance' THEN
    PERFORM log_change('training-attendance', COALESCE(NEW.id, OLD.id)::text, op);
  ELSIF TG_TABLE_NAME = 'relationships' THEN
    PERFORM log_change('relationships', COALESCE(NEW.id, OLD.id)::text, op);
    -- Milestones are the relationship's dated steps; a change to any of them is also a milestone change.
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND (
      NEW.orientation_at, NEW.agreement_completed_at, NEW.idp_completed_at, NEW.progress_mentor_at,
      NEW.progress_mentee_at, NEW.survey_mentor_at, NEW.survey_mentee_at, NEW.ended_at
    ) IS DISTINCT FROM (
      OLD.orientation_at, OLD.agreement_completed_at, OLD.idp_completed_at, OLD.progress_mentor_at,
      OLD.progress_mentee_at, OLD.survey_mentor_at, OLD.survey_mentee_at, OLD.ended_at
    )) THEN
      PERFORM log_change('milestones', NEW.id::text, op);
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER employees_change_log_trg AFTER INSERT OR DELETE ON employees
  FOR EACH ROW EXECUTE FUNCTION record_change();
--> statement-breakpoint
CREATE TRIGGER employees_change_log_update_trg AFTER UPDATE ON employees
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION record_change();
--> statement-breakpoint
CREATE TRIGGER mentor_applications_change_log_trg AFTER INSERT OR UPDATE OR DELETE ON mentor_applications
  FOR EACH ROW EXECUTE FUNCTION record_change();
--> statement-breakpoint
CREATE TRIGGER mentee_applications_change_log_trg AFTER INSERT OR UPDATE OR DELETE ON mentee_applications
  FOR EACH ROW EXECUTE FUNCTION record_change();
--> statement-breakpoint
CREATE TRIGGER invitations_change_log_trg AFTER INSERT OR UPDATE OR DELETE ON invitations
  FOR EACH ROW EXECUTE FUNCTION record_change();
--> statement-breakpoint
CREATE TRIGGER relationships_change_log_trg AFTER INSERT OR UPDATE OR DELETE ON relationships
  FOR EACH ROW EXECUTE FUNCTION record_change();
--> statement-breakpoint
CREATE TRIGGER training_attendance_change_log_trg AFTER INSERT OR UPDATE OR DELETE ON training_attendance
  FOR EACH ROW EXECUTE FUNCTION record_change();
