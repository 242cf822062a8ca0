ALTER TABLE "event_mailing" ADD COLUMN "skipped" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "event_mailing" ADD COLUMN "sent_count" integer DEFAULT 0 NOT NULL;