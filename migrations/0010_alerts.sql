CREATE TABLE "alert_ack_tokens" (
	"nonce" text PRIMARY KEY NOT NULL,
	"alert_id" bigint NOT NULL,
	"delivery_id" bigint,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "alert_deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"alert_id" bigint NOT NULL,
	"idempotency_key" text NOT NULL,
	"page" integer NOT NULL,
	"step" integer NOT NULL,
	"repeat" integer NOT NULL,
	"channel" text NOT NULL,
	"target" text NOT NULL,
	"user_id" bigint,
	"label" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"claimed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "alert_deliveries_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "alert_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"alert_id" bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"detail" text NOT NULL,
	"actor" text
);
--> statement-breakpoint
CREATE TABLE "alert_rules" (
	"key" text PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alert_signals" (
	"rule_key" text NOT NULL,
	"signal_key" text NOT NULL,
	"alert_id" bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_signals_rule_key_signal_key_pk" PRIMARY KEY("rule_key","signal_key")
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"rule_key" text NOT NULL,
	"severity" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"group_key" text NOT NULL,
	"title" text NOT NULL,
	"why" text NOT NULL,
	"excerpt" text,
	"subject" jsonb NOT NULL,
	"channels" text[] NOT NULL,
	"policy" jsonb NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_signal_at" timestamp with time zone DEFAULT now() NOT NULL,
	"notify_from" timestamp with time zone NOT NULL,
	"pages_sent" integer DEFAULT 0 NOT NULL,
	"next_page_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" bigint,
	"acknowledged_by_name" text,
	"resolved_at" timestamp with time zone,
	"resolved_by" bigint,
	"resolved_by_name" text,
	"resolution_note" text
);
--> statement-breakpoint
CREATE TABLE "escalation_steps" (
	"position" integer PRIMARY KEY NOT NULL,
	"notify" text[] NOT NULL,
	"escalate_after_seconds" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oncall_overrides" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"role" text NOT NULL,
	"user_id" bigint NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oncall_rotations" (
	"role" text PRIMARY KEY NOT NULL,
	"members" bigint[] NOT NULL,
	"handover_weekday" integer NOT NULL,
	"handover_time" text NOT NULL,
	"starts_on" text NOT NULL,
	"period_weeks" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alert_ack_tokens" ADD CONSTRAINT "alert_ack_tokens_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_ack_tokens" ADD CONSTRAINT "alert_ack_tokens_delivery_id_alert_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."alert_deliveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_events" ADD CONSTRAINT "alert_events_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_signals" ADD CONSTRAINT "alert_signals_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oncall_overrides" ADD CONSTRAINT "oncall_overrides_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_deliveries_pending_idx" ON "alert_deliveries" USING btree ("created_at") WHERE "alert_deliveries"."status" in ('pending', 'sending');--> statement-breakpoint
CREATE INDEX "alert_events_alert_idx" ON "alert_events" USING btree ("alert_id","id");--> statement-breakpoint
CREATE INDEX "alerts_group_idx" ON "alerts" USING btree ("rule_key","group_key","last_signal_at") WHERE "alerts"."status" <> 'resolved';--> statement-breakpoint
CREATE INDEX "alerts_timers_idx" ON "alerts" USING btree ("next_page_at") WHERE "alerts"."next_page_at" is not null;--> statement-breakpoint
CREATE INDEX "alerts_status_idx" ON "alerts" USING btree ("status","id");