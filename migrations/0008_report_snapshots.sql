CREATE TABLE "report_snapshots" (
	"week" text PRIMARY KEY NOT NULL,
	"from" timestamp with time zone NOT NULL,
	"to" timestamp with time zone NOT NULL,
	"report" jsonb NOT NULL,
	"mention_ids" bigint[] NOT NULL,
	"built_at" timestamp with time zone DEFAULT now() NOT NULL,
	"built_by" bigint,
	"emailed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "source_outages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source_id" bigint NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "source_outages" ADD CONSTRAINT "source_outages_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "source_outages_source_idx" ON "source_outages" USING btree ("source_id","started_at");--> statement-breakpoint
CREATE INDEX "mentions_said_at_idx" ON "mentions" USING btree (coalesce("published_at", "fetched_at"));--> statement-breakpoint
-- Sources already failing when this runs have been down since their last good poll.
INSERT INTO "source_outages" ("source_id", "started_at")
SELECT "id", coalesce("last_success_at", "created_at") FROM "sources"
WHERE "status" IN ('failing', 'paused', 'gone');
