CREATE TABLE "mentor_arrivals" (
	"mentor_id" text PRIMARY KEY NOT NULL,
	"arrived_at" timestamp with time zone DEFAULT now() NOT NULL,
	"announced_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "mentor_arrivals" ADD CONSTRAINT "mentor_arrivals_mentor_id_employees_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mentor_arrivals_due_idx" ON "mentor_arrivals" USING btree ("arrived_at") WHERE "mentor_arrivals"."announced_at" is null;