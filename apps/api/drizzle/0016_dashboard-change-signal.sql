-- R-ADMIN-1 (decision 0645): a coordinator's help request is counted on the dashboard, so its changes are logged
-- with the writing transaction's id like the other tables the dashboard reads (employees, applications, invitations,
-- relationships; migration 0011). The dashboard's result cache asks the change log whether any transaction its
-- snapshot did not see has changed one of them since. The 'help-requests' feed is internal: the change-feed API
-- serves only its documented feeds and the webhook fan-out only its four.
CREATE OR REPLACE FUNCTION record_help_request_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM log_change('help-requests', COALESCE(NEW.id, OLD.id)::text, lower(TG_OP));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER coordinator_contact_requests_change_log_trg AFTER INSERT OR UPDATE OR DELETE ON coordinator_contact_requests
  FOR EACH ROW EXECUTE FUNCTION record_help_request_change();
