CREATE TABLE "employees" (
	"id" text PRIMARY KEY NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"opdiv" text NOT NULL,
	"pay_plan" text NOT NULL,
	"grade" text NOT NULL,
	"grade_rank" double precision NOT NULL,
	"occupation_series" text NOT NULL,
	"occupation_title" text NOT NULL,
	"city" text NOT NULL,
	"state" text NOT NULL,
	"time_zone" text NOT NULL,
	"supervisor_id" text,
	"commissioned_corps" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"in_program" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employees_grade_rank_ck" CHECK ("employees"."grade_rank" between 1 and 16),
	CONSTRAINT "employees_not_own_supervisor_ck" CHECK ("employees"."supervisor_id" is null or "employees"."supervisor_id" <> "employees"."id")
);
--> statement-breakpoint
CREATE TABLE "opdivs" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "role_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"opdiv" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_grants_scope_ck" CHECK (("role_grants"."role" = 'coordinator' and "role_grants"."opdiv" is not null) or ("role_grants"."role" = 'program_manager' and "role_grants"."opdiv" is null))
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employee_id" text NOT NULL,
	"email" text NOT NULL,
	"password_hash" text,
	"oidc_subject" text,
	"email_verified_at" timestamp with time zone,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"session_version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competencies" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"group" text NOT NULL,
	"definition" text NOT NULL,
	"focus" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "program_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"value" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "program_settings_single_row_ck" CHECK ("program_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "mentee_applications" (
	"employee_id" text PRIMARY KEY NOT NULL,
	"bio" text DEFAULT '' NOT NULL,
	"education" text DEFAULT '' NOT NULL,
	"positions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"communication_methods" text[] DEFAULT '{}'::text[] NOT NULL,
	"acknowledged_at" timestamp with time zone NOT NULL,
	"acknowledgement_version" text NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"developmental_needs" text[] NOT NULL,
	"short_term_goals" text DEFAULT '' NOT NULL,
	"long_term_goals" text DEFAULT '' NOT NULL,
	"platform" text NOT NULL,
	"location_preference" text DEFAULT 'no_preference' NOT NULL,
	CONSTRAINT "mentee_needs_ck" CHECK (cardinality("mentee_applications"."developmental_needs") between 1 and 8)
);
--> statement-breakpoint
CREATE TABLE "mentor_applications" (
	"employee_id" text PRIMARY KEY NOT NULL,
	"bio" text DEFAULT '' NOT NULL,
	"education" text DEFAULT '' NOT NULL,
	"positions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"communication_methods" text[] DEFAULT '{}'::text[] NOT NULL,
	"acknowledged_at" timestamp with time zone NOT NULL,
	"acknowledgement_version" text NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"competencies" text[] DEFAULT '{}'::text[] NOT NULL,
	"technical_areas" text DEFAULT '' NOT NULL,
	"platforms" text[] NOT NULL,
	"capacity" integer NOT NULL,
	"accepts_other_opdivs" boolean DEFAULT true NOT NULL,
	"paused" boolean DEFAULT false NOT NULL,
	CONSTRAINT "mentor_capacity_ck" CHECK ("mentor_applications"."capacity" between 1 and 5),
	CONSTRAINT "mentor_platforms_ck" CHECK (cardinality("mentor_applications"."platforms") > 0 and "mentor_applications"."platforms" <@ array['s2j','p2p'])
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" text,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"object_type" text NOT NULL,
	"object_id" text,
	"opdivs" text[] DEFAULT '{}' NOT NULL,
	"ip" text,
	"request_id" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"notification_id" uuid,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"message_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"dedupe_key" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"employee_id" text NOT NULL,
	"attended_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"employee_id" text NOT NULL,
	"rating" integer NOT NULL,
	"comments" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_evaluations_rating_ck" CHECK ("training_evaluations"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "training_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"competency_code" text,
	"opdiv" text,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"location" text,
	"lms_url" text,
	"lms_course_id" text,
	"capacity" integer,
	"cancelled_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_events_capacity_ck" CHECK ("training_events"."capacity" is null or "training_events"."capacity" > 0),
	CONSTRAINT "training_events_dates_ck" CHECK ("training_events"."ends_at" is null or "training_events"."starts_at" is null or "training_events"."ends_at" > "training_events"."starts_at"),
	CONSTRAINT "training_events_lunch_ck" CHECK (("training_events"."kind" = 'lunch_and_learn') = ("training_events"."competency_code" is not null))
);
--> statement-breakpoint
CREATE TABLE "training_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"employee_id" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"client_id" text NOT NULL,
	"key" text NOT NULL,
	"route" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer NOT NULL,
	"body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_client_id_key_pk" PRIMARY KEY("client_id","key")
);
--> statement-breakpoint
CREATE TABLE "system_clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"secret_hash" text NOT NULL,
	"scopes" text[] NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_token_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"job" text NOT NULL,
	"slot" bigint NOT NULL,
	"attempts" integer DEFAULT 1 NOT NULL,
	"locked_until" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"error" text,
	"result" text,
	CONSTRAINT "job_runs_job_slot_pk" PRIMARY KEY("job","slot")
);
--> statement-breakpoint
CREATE TABLE "coordinator_contact_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"relationship_id" uuid NOT NULL,
	"requested_by" text NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" text
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mentee_id" text NOT NULL,
	"mentor_id" text NOT NULL,
	"platform" text NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"state" text NOT NULL,
	"decline_reason" text,
	"decline_note" text,
	"already_agreed" boolean DEFAULT false NOT NULL,
	"relationship_id" uuid,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_not_self_ck" CHECK ("invitations"."mentee_id" <> "invitations"."mentor_id")
);
--> statement-breakpoint
CREATE TABLE "relationship_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"relationship_id" uuid NOT NULL,
	"event" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relationships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mentee_id" text NOT NULL,
	"mentor_id" text NOT NULL,
	"platform" text NOT NULL,
	"state" text NOT NULL,
	"confirmed_at" timestamp with time zone NOT NULL,
	"orientation_at" timestamp with time zone,
	"orientation_waived" boolean DEFAULT false NOT NULL,
	"agreement_completed_at" timestamp with time zone,
	"idp_completed_at" timestamp with time zone,
	"progress_mentor_at" timestamp with time zone,
	"progress_mentee_at" timestamp with time zone,
	"survey_mentor_at" timestamp with time zone,
	"survey_mentee_at" timestamp with time zone,
	"termination_requested_by" text,
	"termination_reason" text,
	"termination_requested_at" timestamp with time zone,
	"termination_from_state" text,
	"guidance_text" text,
	"guidance_by" text,
	"guidance_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"ended_by" text,
	"ended_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "relationships_not_self_ck" CHECK ("relationships"."mentee_id" <> "relationships"."mentor_id")
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"relationship_id" uuid PRIMARY KEY NOT NULL,
	"goals" text DEFAULT '' NOT NULL,
	"meeting_frequency" text DEFAULT '' NOT NULL,
	"meeting_length" text DEFAULT '' NOT NULL,
	"communication_methods" text[] DEFAULT '{}'::text[] NOT NULL,
	"confidentiality" text DEFAULT '' NOT NULL,
	"boundaries" text DEFAULT '' NOT NULL,
	"no_fault_termination" boolean DEFAULT false NOT NULL,
	"mentor_signature" text,
	"mentor_signed_at" timestamp with time zone,
	"mentee_signature" text,
	"mentee_signed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE TABLE "completion_surveys" (
	"relationship_id" uuid NOT NULL,
	"role" text NOT NULL,
	"author_id" text NOT NULL,
	"program_objectives" integer,
	"selection_matching" integer,
	"relationship" integer,
	"training" integer,
	"program_support" integer,
	"comments" text DEFAULT '' NOT NULL,
	"would_recommend" integer,
	"submitted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "completion_surveys_relationship_id_role_pk" PRIMARY KEY("relationship_id","role"),
	CONSTRAINT "survey_recommend_ck" CHECK ("completion_surveys"."would_recommend" is null or "completion_surveys"."would_recommend" between 0 and 10),
	CONSTRAINT "survey_scale_ck" CHECK (coalesce(least("completion_surveys"."program_objectives", "completion_surveys"."selection_matching", "completion_surveys"."relationship", "completion_surveys"."training", "completion_surveys"."program_support"), 1) >= 1
        and coalesce(greatest("completion_surveys"."program_objectives", "completion_surveys"."selection_matching", "completion_surveys"."relationship", "completion_surveys"."training", "completion_surveys"."program_support"), 5) <= 5)
);
--> statement-breakpoint
CREATE TABLE "idps" (
	"relationship_id" uuid PRIMARY KEY NOT NULL,
	"strengths" text DEFAULT '' NOT NULL,
	"developmental_needs" text[] DEFAULT '{}'::text[] NOT NULL,
	"objectives" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"activities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"review_dates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"supervisor_input" text,
	"supervisor_input_by" text,
	"supervisor_input_at" timestamp with time zone,
	"shared_with_supervisor_at" timestamp with time zone,
	"shared_supervisor_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE TABLE "progress_reports" (
	"relationship_id" uuid NOT NULL,
	"role" text NOT NULL,
	"author_id" text NOT NULL,
	"meetings_held" integer DEFAULT 0 NOT NULL,
	"objectives_progress" text DEFAULT '' NOT NULL,
	"relationship_rating" integer,
	"concerns" text DEFAULT '' NOT NULL,
	"wants_coordinator_contact" boolean DEFAULT false NOT NULL,
	"submitted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "progress_reports_relationship_id_role_pk" PRIMARY KEY("relationship_id","role"),
	CONSTRAINT "progress_rating_ck" CHECK ("progress_reports"."relationship_rating" is null or "progress_reports"."relationship_rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "account_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employee_id" text NOT NULL,
	"purpose" text NOT NULL,
	"token_hash" text NOT NULL,
	"password_hash" text,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "content_pages" (
	"slug" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "content_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"page_slug" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"markdown" text NOT NULL,
	"author_id" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "content_versions_version_ck" CHECK ("content_versions"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "cohort_proposal_pairs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"mentee_id" text NOT NULL,
	"mentor_id" text NOT NULL,
	"score" double precision NOT NULL,
	"reasons" text[] NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"refusal_rule" text,
	"refusal_detail" text,
	"invitation_id" uuid,
	"shortlist_id" uuid,
	"decided_by" text,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "cohort_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"opdivs" text[] NOT NULL,
	"created_by" text NOT NULL,
	"top_k" integer NOT NULL,
	"total" double precision NOT NULL,
	"greedy_total" double precision NOT NULL,
	"mentee_count" integer NOT NULL,
	"mentor_count" integer NOT NULL,
	"unmatched" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shortlists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mentee_id" text NOT NULL,
	"case_id" uuid,
	"source" text NOT NULL,
	"mentor_ids" text[] NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"handed_by" text NOT NULL,
	"handed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "third_party_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mentee_id" text NOT NULL,
	"coordinator_id" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "third_party_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"mentor_id" text NOT NULL,
	"contacted_at" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentor_data_versions" (
	"shard" smallint PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_opdiv_opdivs_code_fk" FOREIGN KEY ("opdiv") REFERENCES "public"."opdivs"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_opdiv_opdivs_code_fk" FOREIGN KEY ("opdiv") REFERENCES "public"."opdivs"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentee_applications" ADD CONSTRAINT "mentee_applications_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_applications" ADD CONSTRAINT "mentor_applications_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_id_employees_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_event_id_training_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."training_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_evaluations" ADD CONSTRAINT "training_evaluations_event_id_training_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."training_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_evaluations" ADD CONSTRAINT "training_evaluations_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_events" ADD CONSTRAINT "training_events_competency_code_competencies_code_fk" FOREIGN KEY ("competency_code") REFERENCES "public"."competencies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_events" ADD CONSTRAINT "training_events_opdiv_opdivs_code_fk" FOREIGN KEY ("opdiv") REFERENCES "public"."opdivs"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_registrations" ADD CONSTRAINT "training_registrations_event_id_training_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."training_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_registrations" ADD CONSTRAINT "training_registrations_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordinator_contact_requests" ADD CONSTRAINT "coordinator_contact_requests_relationship_id_relationships_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordinator_contact_requests" ADD CONSTRAINT "coordinator_contact_requests_requested_by_employees_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_mentee_id_employees_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_mentor_id_employees_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_events" ADD CONSTRAINT "relationship_events_relationship_id_relationships_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_mentee_id_employees_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_mentor_id_employees_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_relationship_id_relationships_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "completion_surveys" ADD CONSTRAINT "completion_surveys_relationship_id_relationships_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idps" ADD CONSTRAINT "idps_relationship_id_relationships_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_relationship_id_relationships_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_tokens" ADD CONSTRAINT "account_tokens_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_versions" ADD CONSTRAINT "content_versions_page_slug_content_pages_slug_fk" FOREIGN KEY ("page_slug") REFERENCES "public"."content_pages"("slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_versions" ADD CONSTRAINT "content_versions_author_id_employees_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_proposal_pairs" ADD CONSTRAINT "cohort_proposal_pairs_proposal_id_cohort_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."cohort_proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_proposal_pairs" ADD CONSTRAINT "cohort_proposal_pairs_mentee_id_employees_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_proposal_pairs" ADD CONSTRAINT "cohort_proposal_pairs_mentor_id_employees_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_proposal_pairs" ADD CONSTRAINT "cohort_proposal_pairs_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_proposal_pairs" ADD CONSTRAINT "cohort_proposal_pairs_shortlist_id_shortlists_id_fk" FOREIGN KEY ("shortlist_id") REFERENCES "public"."shortlists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shortlists" ADD CONSTRAINT "shortlists_mentee_id_employees_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shortlists" ADD CONSTRAINT "shortlists_case_id_third_party_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."third_party_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "third_party_cases" ADD CONSTRAINT "third_party_cases_mentee_id_employees_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "third_party_cases" ADD CONSTRAINT "third_party_cases_coordinator_id_employees_id_fk" FOREIGN KEY ("coordinator_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "third_party_contacts" ADD CONSTRAINT "third_party_contacts_case_id_third_party_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."third_party_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "third_party_contacts" ADD CONSTRAINT "third_party_contacts_mentor_id_employees_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "employees_email_lower_uq" ON "employees" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "employees_supervisor_idx" ON "employees" USING btree ("supervisor_id");--> statement-breakpoint
CREATE INDEX "employees_opdiv_idx" ON "employees" USING btree ("opdiv");--> statement-breakpoint
CREATE INDEX "employees_program_opdiv_idx" ON "employees" USING btree ("opdiv","id") WHERE "employees"."in_program";--> statement-breakpoint
CREATE INDEX "employees_last_name_prefix_idx" ON "employees" USING btree (lower("last_name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "employees_first_name_prefix_idx" ON "employees" USING btree (lower("first_name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "employees_name_trgm_idx" ON "employees" USING gin ((lower("first_name" || ' ' || "last_name")) gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "role_grants_uq" ON "role_grants" USING btree ("user_id","role",coalesce("opdiv", ''));--> statement-breakpoint
CREATE INDEX "role_grants_user_idx" ON "role_grants" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_employee_uq" ON "users" USING btree ("employee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_uq" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "users_oidc_subject_uq" ON "users" USING btree ("oidc_subject");--> statement-breakpoint
CREATE INDEX "mentor_competencies_gin" ON "mentor_applications" USING gin ("competencies");--> statement-breakpoint
CREATE INDEX "mentor_expertise_trgm_idx" ON "mentor_applications" USING gin ("technical_areas" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "audit_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_actor_idx" ON "audit_log" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "audit_object_idx" ON "audit_log" USING btree ("object_type","object_id");--> statement-breakpoint
CREATE INDEX "audit_opdivs_gin" ON "audit_log" USING gin ("opdivs");--> statement-breakpoint
CREATE INDEX "email_outbox_due_idx" ON "email_outbox" USING btree ("next_attempt_at") WHERE "email_outbox"."status" in ('pending', 'sending');--> statement-breakpoint
CREATE INDEX "notifications_inbox_idx" ON "notifications" USING btree ("recipient_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("recipient_id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_uq" ON "notifications" USING btree ("recipient_id","dedupe_key");--> statement-breakpoint
CREATE UNIQUE INDEX "training_attendance_uq" ON "training_attendance" USING btree ("event_id","employee_id");--> statement-breakpoint
CREATE INDEX "training_attendance_employee_idx" ON "training_attendance" USING btree ("employee_id","attended_at");--> statement-breakpoint
CREATE UNIQUE INDEX "training_evaluations_uq" ON "training_evaluations" USING btree ("event_id","employee_id");--> statement-breakpoint
CREATE INDEX "training_events_starts_idx" ON "training_events" USING btree ("starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "training_events_lms_course_uq" ON "training_events" USING btree ("lms_course_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_registrations_uq" ON "training_registrations" USING btree ("event_id","employee_id");--> statement-breakpoint
CREATE INDEX "training_registrations_employee_idx" ON "training_registrations" USING btree ("employee_id");--> statement-breakpoint
CREATE INDEX "contact_requests_open_idx" ON "coordinator_contact_requests" USING btree ("relationship_id") WHERE resolved_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_one_open_per_pair_uq" ON "invitations" USING btree ("mentee_id","mentor_id") WHERE state in ('pending', 'accepted');--> statement-breakpoint
CREATE INDEX "invitations_mentee_idx" ON "invitations" USING btree ("mentee_id","state");--> statement-breakpoint
CREATE INDEX "invitations_mentor_idx" ON "invitations" USING btree ("mentor_id","state");--> statement-breakpoint
CREATE INDEX "invitations_expiry_idx" ON "invitations" USING btree ("expires_at") WHERE state = 'pending';--> statement-breakpoint
CREATE INDEX "relationship_events_rel_idx" ON "relationship_events" USING btree ("relationship_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "relationships_one_live_per_mentee_uq" ON "relationships" USING btree ("mentee_id") WHERE state in ('onboarding', 'active', 'termination_requested');--> statement-breakpoint
CREATE INDEX "relationships_mentor_live_idx" ON "relationships" USING btree ("mentor_id") WHERE state in ('onboarding', 'active', 'termination_requested');--> statement-breakpoint
CREATE INDEX "relationships_state_idx" ON "relationships" USING btree ("state");--> statement-breakpoint
CREATE UNIQUE INDEX "account_tokens_hash_uq" ON "account_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "account_tokens_employee_idx" ON "account_tokens" USING btree ("employee_id","purpose");--> statement-breakpoint
CREATE UNIQUE INDEX "content_versions_page_version_uq" ON "content_versions" USING btree ("page_slug","version");--> statement-breakpoint
CREATE INDEX "content_versions_published_idx" ON "content_versions" USING btree ("page_slug","version") WHERE "content_versions"."published_at" is not null;--> statement-breakpoint
CREATE INDEX "cohort_pairs_proposal_idx" ON "cohort_proposal_pairs" USING btree ("proposal_id");--> statement-breakpoint
CREATE INDEX "shortlists_mentee_idx" ON "shortlists" USING btree ("mentee_id","handed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "third_party_cases_one_open_uq" ON "third_party_cases" USING btree ("mentee_id") WHERE status <> 'closed';--> statement-breakpoint
CREATE INDEX "third_party_cases_status_idx" ON "third_party_cases" USING btree ("status");--> statement-breakpoint
CREATE INDEX "third_party_contacts_case_idx" ON "third_party_contacts" USING btree ("case_id","contacted_at");