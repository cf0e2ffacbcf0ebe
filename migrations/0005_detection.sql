CREATE TABLE "emerging_issues" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_key" text NOT NULL,
	"label" text NOT NULL,
	"status" text NOT NULL,
	"severity" text NOT NULL,
	"explanation" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"state" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hourly_rollups" (
	"subject_kind" text NOT NULL,
	"subject_key" text NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"authors" integer NOT NULL,
	"mentions" integer NOT NULL,
	"negative" integer NOT NULL,
	"safety" integer NOT NULL,
	CONSTRAINT "hourly_rollups_subject_kind_subject_key_hour_pk" PRIMARY KEY("subject_kind","subject_key","hour")
);
--> statement-breakpoint
CREATE TABLE "mention_stories" (
	"mention_id" bigint PRIMARY KEY NOT NULL,
	"story_id" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mention_stories" ADD CONSTRAINT "mention_stories_mention_id_mentions_id_fk" FOREIGN KEY ("mention_id") REFERENCES "public"."mentions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "emerging_issues_open_uq" ON "emerging_issues" USING btree ("subject_kind","subject_key") WHERE "emerging_issues"."status" = 'open';--> statement-breakpoint
CREATE INDEX "emerging_issues_status_idx" ON "emerging_issues" USING btree ("status","opened_at");--> statement-breakpoint
CREATE INDEX "hourly_rollups_hour_idx" ON "hourly_rollups" USING btree ("hour");--> statement-breakpoint
CREATE INDEX "mention_stories_story_idx" ON "mention_stories" USING btree ("story_id");