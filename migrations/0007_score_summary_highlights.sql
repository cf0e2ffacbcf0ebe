ALTER TABLE "mentions" ADD COLUMN "score_summary" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "highlights" jsonb DEFAULT '[]'::jsonb NOT NULL;