CREATE TABLE "personal_link" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"token_hash" text,
	"recipient_id" uuid,
	"vote_id" uuid,
	"member_id" uuid,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "personal_link_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "committee_member" DROP CONSTRAINT "committee_member_calendar_token_unique";--> statement-breakpoint
ALTER TABLE "meeting_recipient" DROP CONSTRAINT "meeting_recipient_reply_token_unique";--> statement-breakpoint
ALTER TABLE "procedure_vote" DROP CONSTRAINT "procedure_vote_token_unique";--> statement-breakpoint
ALTER TABLE "meeting_recipient" ADD COLUMN "reply_channel" text;--> statement-breakpoint
ALTER TABLE "meeting_recipient" ADD COLUMN "reply_recorded_by" text;--> statement-breakpoint
ALTER TABLE "procedure_vote" ADD COLUMN "channel" text;--> statement-breakpoint
ALTER TABLE "procedure_vote" ADD COLUMN "recorded_by" text;--> statement-breakpoint
ALTER TABLE "personal_link" ADD CONSTRAINT "personal_link_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_link" ADD CONSTRAINT "personal_link_recipient_id_meeting_recipient_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."meeting_recipient"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_link" ADD CONSTRAINT "personal_link_vote_id_procedure_vote_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."procedure_vote"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_link" ADD CONSTRAINT "personal_link_member_id_committee_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."committee_member"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "personal_link_recipient_idx" ON "personal_link" USING btree ("recipient_id");--> statement-breakpoint
CREATE INDEX "personal_link_vote_idx" ON "personal_link" USING btree ("vote_id");--> statement-breakpoint
CREATE INDEX "personal_link_member_idx" ON "personal_link" USING btree ("member_id");--> statement-breakpoint
ALTER TABLE "meeting_recipient" ADD CONSTRAINT "meeting_recipient_reply_recorded_by_user_id_fk" FOREIGN KEY ("reply_recorded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_vote" ADD CONSTRAINT "procedure_vote_recorded_by_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Existing links keep working: their tokens move into personal_link as SHA-256 hashes (the same
-- hex digest as lib/tokens.ts), then the plain columns go. Answers given so far came through the link.
INSERT INTO "personal_link" ("network_id", "purpose", "token_hash", "recipient_id")
  SELECT "network_id", 'meeting_reply', encode(sha256(convert_to("reply_token", 'UTF8')), 'hex'), "id" FROM "meeting_recipient";--> statement-breakpoint
INSERT INTO "personal_link" ("network_id", "purpose", "token_hash", "vote_id")
  SELECT "network_id", 'procedure_vote', encode(sha256(convert_to("token", 'UTF8')), 'hex'), "id" FROM "procedure_vote";--> statement-breakpoint
INSERT INTO "personal_link" ("network_id", "purpose", "token_hash", "member_id")
  SELECT "network_id", 'calendar', encode(sha256(convert_to("calendar_token", 'UTF8')), 'hex'), "id" FROM "committee_member";--> statement-breakpoint
UPDATE "meeting_recipient" SET "reply_channel" = 'link' WHERE "reply" IS NOT NULL;--> statement-breakpoint
UPDATE "procedure_vote" SET "channel" = 'link' WHERE "stance" IS NOT NULL;--> statement-breakpoint
-- Mails already written carry the links in plain text: they are cut out of the stored copies (sent or
-- not), and mails with personal links are marked sensitive like the ones written from now on.
UPDATE "outbox_mail" SET
  "text_body" = regexp_replace("text_body", '(/antwort/|/umlauf/|/api/calendar/)[A-Za-z0-9_-]+', '\1[Link entfernt]', 'g'),
  "sensitive" = true
  WHERE "text_body" ~ '(/antwort/|/umlauf/|/api/calendar/)[A-Za-z0-9_-]';--> statement-breakpoint
ALTER TABLE "committee_member" DROP COLUMN "calendar_token";--> statement-breakpoint
ALTER TABLE "meeting_recipient" DROP COLUMN "reply_token";--> statement-breakpoint
ALTER TABLE "procedure_vote" DROP COLUMN "token";