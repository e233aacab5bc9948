CREATE TABLE "change_log" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"txid" bigint NOT NULL,
	"feed" text NOT NULL,
	"entity_id" text NOT NULL,
	"op" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "change_log_feed_position_idx" ON "change_log" USING btree ("feed","txid","seq");