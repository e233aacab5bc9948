-- R-ADMIN-1 / R-ADMIN-2 (docs/decisions/0500): indexes the coordinator dashboard and reports read through, on
-- tables other areas own. Kept here so those schema files stay theirs; drizzle-kit does not manage them.
CREATE INDEX IF NOT EXISTS "coord_relationships_mentee_idx" ON "relationships" ("mentee_id", "confirmed_at");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "coord_invitations_open_mentee_idx" ON "invitations" ("mentee_id") WHERE state IN ('pending', 'accepted');
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "coord_invitations_open_mentor_idx" ON "invitations" ("mentor_id") WHERE state IN ('pending', 'accepted');
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "coord_mentee_apps_active_cover_idx" ON "mentee_applications" ("employee_id") INCLUDE ("platform", "created_at") WHERE withdrawn_at IS NULL;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "coord_mentor_apps_active_cover_idx" ON "mentor_applications" ("employee_id") INCLUDE ("platforms") WHERE withdrawn_at IS NULL;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "coord_relationships_awaiting_guidance_idx" ON "relationships" ("termination_requested_at") WHERE state = 'termination_requested' AND guidance_at IS NULL;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "coord_employees_opdiv_id_idx" ON "employees" ("opdiv", "id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "coord_employees_inactive_idx" ON "employees" ("id") WHERE NOT active;
