-- R-MATCH-1 (decision 0251): every change to what the mentor index is built from bumps one of 64 counters in the
-- same transaction: mentor applications, mentors' directory rows, and relationships (live counts, R-CAP-1).
-- Triggers, so writers in every area (applications, HR feed, journey, coordination) keep the cache key right.
CREATE OR REPLACE FUNCTION bump_mentor_data_version(mentor_id text) RETURNS void LANGUAGE sql AS $$
  INSERT INTO mentor_data_versions (shard, version) VALUES (hashtext(mentor_id) & 63, 1)
  ON CONFLICT (shard) DO UPDATE SET version = mentor_data_versions.version + 1
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION mentor_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'employees' THEN
    IF EXISTS (SELECT 1 FROM mentor_applications WHERE employee_id = NEW.id) THEN PERFORM bump_mentor_data_version(NEW.id); END IF;
  ELSIF TG_TABLE_NAME = 'mentor_applications' THEN
    PERFORM bump_mentor_data_version(COALESCE(NEW.employee_id, OLD.employee_id));
  ELSE
    PERFORM bump_mentor_data_version(COALESCE(NEW.mentor_id, OLD.mentor_id));
    IF TG_OP = 'UPDATE' AND NEW.mentor_id <> OLD.mentor_id THEN PERFORM bump_mentor_data_version(OLD.mentor_id); END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS mentor_applications_version_trg ON mentor_applications;
--> statement-breakpoint
CREATE TRIGGER mentor_applications_version_trg AFTER INSERT OR UPDATE OR DELETE ON mentor_applications
  FOR EACH ROW EXECUTE FUNCTION mentor_data_changed();
--> statement-breakpoint
DROP TRIGGER IF EXISTS employees_mentor_version_trg ON employees;
--> statement-breakpoint
CREATE TRIGGER employees_mentor_version_trg AFTER UPDATE ON employees
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION mentor_data_changed();
--> statement-breakpoint
DROP TRIGGER IF EXISTS relationships_version_ins_trg ON relationships;
--> statement-breakpoint
CREATE TRIGGER relationships_version_ins_trg AFTER INSERT OR DELETE ON relationships
  FOR EACH ROW EXECUTE FUNCTION mentor_data_changed();
--> statement-breakpoint
DROP TRIGGER IF EXISTS relationships_version_upd_trg ON relationships;
--> statement-breakpoint
CREATE TRIGGER relationships_version_upd_trg AFTER UPDATE OF state, mentor_id ON relationships
  FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.mentor_id IS DISTINCT FROM NEW.mentor_id)
  EXECUTE FUNCTION mentor_data_changed();
