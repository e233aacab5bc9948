-- R-ROLE-2 / R-ADMIN-1 (docs/decisions/0504): employees.in_program marks everyone who has applied (as mentor or
-- mentee), been invited or been in a relationship, so a coordinator's scope is read from a small partial index of
-- program people instead of every employee of their OPDIVs. Statement-level triggers with transition tables: one
-- UPDATE per statement (bulk seeds and imports included); rows already marked are not touched, so the usual
-- insert (people who applied first) locks no employee row.
CREATE OR REPLACE FUNCTION mark_program_people() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME IN ('mentee_applications', 'mentor_applications') THEN
    UPDATE employees SET in_program = true WHERE NOT in_program AND id IN (SELECT employee_id FROM new_rows);
  ELSE
    UPDATE employees SET in_program = true WHERE NOT in_program
      AND id IN (SELECT mentee_id FROM new_rows UNION SELECT mentor_id FROM new_rows);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['mentee_applications', 'mentor_applications', 'invitations', 'relationships'] LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_program_trg', t);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT '
      'EXECUTE FUNCTION mark_program_people()', t || '_program_trg', t);
  END LOOP;
END $$;
