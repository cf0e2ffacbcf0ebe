CREATE TABLE "mentions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source_id" bigint NOT NULL,
	"external_id" text NOT NULL,
	"url" text,
	"author" text,
	"title" text,
	"text" text NOT NULL,
	"html" text,
	"published_at" timestamp with time zone,
	"published_raw" text,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"content_hash" text NOT NULL,
	"sentiment_score" real NOT NULL,
	"sentiment_label" text NOT NULL,
	"sentiment_confidence" real NOT NULL,
	"explanation" jsonb NOT NULL,
	"flags" jsonb NOT NULL,
	"flag_evidence" jsonb NOT NULL,
	"topics" text[] NOT NULL,
	"redacted_text" text NOT NULL,
	"scorer_version" text NOT NULL,
	"parent_external_id" text,
	"root_external_id" text
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"is_query_feed" boolean DEFAULT false NOT NULL,
	"poll_interval_seconds" integer DEFAULT 300 NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"last_success_at" timestamp with time zone,
	"last_attempt_at" timestamp with time zone,
	"last_error" text,
	"last_error_code" text,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"etag" text,
	"last_modified" text,
	"content_hash" text,
	"next_poll_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trust_profile" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"aliases" text[] DEFAULT '{}' NOT NULL,
	"handles" text[] DEFAULT '{}' NOT NULL,
	"hashtags" text[] DEFAULT '{}' NOT NULL,
	"sites" text[] DEFAULT '{}' NOT NULL,
	"taxonomy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text DEFAULT 'officer' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
ALTER TABLE "mentions" ADD CONSTRAINT "mentions_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mentions_source_external_uq" ON "mentions" USING btree ("source_id","external_id");--> statement-breakpoint
CREATE INDEX "mentions_source_id_idx" ON "mentions" USING btree ("source_id","id");--> statement-breakpoint
CREATE INDEX "mentions_label_id_idx" ON "mentions" USING btree ("sentiment_label","id");--> statement-breakpoint
CREATE INDEX "mentions_topics_idx" ON "mentions" USING gin ("topics");--> statement-breakpoint
CREATE INDEX "mentions_scorer_version_idx" ON "mentions" USING btree ("scorer_version","id");--> statement-breakpoint
CREATE INDEX "mentions_fetched_at_idx" ON "mentions" USING btree ("source_id","fetched_at");--> statement-breakpoint
CREATE INDEX "sources_due_idx" ON "sources" USING btree ("next_poll_at") WHERE "sources"."enabled" and "sources"."status" <> 'gone';