CREATE TABLE "calendar_feeds" (
	"employee_id" text PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "early_completion_agreements" (
	"relationship_id" uuid NOT NULL,
	"party" text NOT NULL,
	"agreed_by" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"agreed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "early_completion_agreements_relationship_id_party_pk" PRIMARY KEY("relationship_id","party")
);
--> statement-breakpoint
CREATE TABLE "meeting_records" (
	"meeting_id" uuid NOT NULL,
	"author_id" text NOT NULL,
	"role" text NOT NULL,
	"private_note" text DEFAULT '' NOT NULL,
	"shared_note" text DEFAULT '' NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_records_meeting_id_role_pk" PRIMARY KEY("meeting_id","role")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"relationship_id" uuid NOT NULL,
	"state" text NOT NULL,
	"proposed_by" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"mode" text NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"agenda" text DEFAULT '' NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_duration_ck" CHECK ("meetings"."duration_minutes" between 15 and 240)
);
--> statement-breakpoint
CREATE TABLE "mentor_waitlist" (
	"mentor_id" text NOT NULL,
	"mentee_id" text NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"notified_at" timestamp with time zone,
	CONSTRAINT "mentor_waitlist_mentor_id_mentee_id_pk" PRIMARY KEY("mentor_id","mentee_id")
);
--> statement-breakpoint
CREATE TABLE "message_reads" (
	"thread" text NOT NULL,
	"employee_id" text NOT NULL,
	"last_read_id" integer DEFAULT 0 NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_reads_thread_employee_id_pk" PRIMARY KEY("thread","employee_id")
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"relationship_id" uuid,
	"invitation_id" uuid,
	"author_id" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "messages_one_thread_ck" CHECK (("messages"."relationship_id" is null) <> ("messages"."invitation_id" is null)),
	CONSTRAINT "messages_body_ck" CHECK (char_length("messages"."body") between 1 and 2000)
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"employee_id" text PRIMARY KEY NOT NULL,
	"nudges_off" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "ical_event" jsonb;--> statement-breakpoint
ALTER TABLE "relationships" ADD COLUMN "completed_early" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "cadence" text;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "usual_mode" text;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_completion_agreements" ADD CONSTRAINT "early_completion_agreements_relationship_id_relationships_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_records" ADD CONSTRAINT "meeting_records_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_records" ADD CONSTRAINT "meeting_records_author_id_employees_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_relationship_id_relationships_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_waitlist" ADD CONSTRAINT "mentor_waitlist_mentor_id_employees_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_waitlist" ADD CONSTRAINT "mentor_waitlist_mentee_id_employees_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_reads" ADD CONSTRAINT "message_reads_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_relationship_id_relationships_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_author_id_employees_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meetings_relationship_idx" ON "meetings" USING btree ("relationship_id","starts_at");--> statement-breakpoint
CREATE INDEX "mentor_waitlist_order_idx" ON "mentor_waitlist" USING btree ("mentor_id","joined_at");--> statement-breakpoint
CREATE INDEX "messages_relationship_idx" ON "messages" USING btree ("relationship_id","id");--> statement-breakpoint
CREATE INDEX "messages_invitation_idx" ON "messages" USING btree ("invitation_id","id");