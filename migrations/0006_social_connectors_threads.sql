CREATE TABLE "quota_usage" (
	"source_id" bigint NOT NULL,
	"day" date NOT NULL,
	"units" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "quota_usage_source_id_day_pk" PRIMARY KEY("source_id","day")
);
--> statement-breakpoint
CREATE TABLE "source_credentials" (
	"source_id" bigint PRIMARY KEY NOT NULL,
	"sealed" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stream_cursors" (
	"source_id" bigint PRIMARY KEY NOT NULL,
	"cursor" text,
	"status" text,
	"last_error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "threads" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "threads_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"source_id" bigint NOT NULL,
	"platform" text NOT NULL,
	"root_external_id" text NOT NULL,
	"posts" integer NOT NULL,
	"participants" integer NOT NULL,
	"positive" integer NOT NULL,
	"neutral" integer NOT NULL,
	"negative" integer NOT NULL,
	"negative_share" real NOT NULL,
	"trust_replied" boolean DEFAULT false NOT NULL,
	"first_activity" timestamp with time zone,
	"last_activity" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "author_id" text;--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "query" text;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "poll_cursor" text;--> statement-breakpoint
ALTER TABLE "quota_usage" ADD CONSTRAINT "quota_usage_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_credentials" ADD CONSTRAINT "source_credentials_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stream_cursors" ADD CONSTRAINT "stream_cursors_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threads" ADD CONSTRAINT "threads_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "threads_source_root_uq" ON "threads" USING btree ("source_id","root_external_id");--> statement-breakpoint
CREATE INDEX "threads_last_activity_idx" ON "threads" USING btree ("last_activity");--> statement-breakpoint
CREATE INDEX "mentions_thread_idx" ON "mentions" USING btree ("source_id","root_external_id");--> statement-breakpoint
CREATE INDEX "mentions_parent_idx" ON "mentions" USING btree ("source_id","parent_external_id");