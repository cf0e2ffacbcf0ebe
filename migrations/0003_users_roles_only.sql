-- Carry each person's single role into the roles list before the old column goes.
UPDATE "users" SET "roles" = ARRAY["role"] WHERE "role" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "role";