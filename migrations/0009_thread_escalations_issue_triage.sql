CREATE TABLE "thread_escalations" (
	"source_id" bigint NOT NULL,
	"root_external_id" text NOT NULL,
	"level" text,
	"score" real NOT NULL,
	"explanation" text NOT NULL,
	"state" jsonb NOT NULL,
	"assessed_at" timestamp with time zone NOT NULL,
	"escalated_at" timestamp with time zone,
	CONSTRAINT "thread_escalations_source_id_root_external_id_pk" PRIMARY KEY("source_id","root_external_id")
);
--> statement-breakpoint
ALTER TABLE "emerging_issues" ADD COLUMN "triage" text;--> statement-breakpoint
ALTER TABLE "emerging_issues" ADD COLUMN "triaged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "emerging_issues" ADD COLUMN "known_until" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "thread_escalations_level_idx" ON "thread_escalations" USING btree ("level") WHERE "thread_escalations"."level" is not null;