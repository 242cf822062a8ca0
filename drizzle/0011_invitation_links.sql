ALTER TABLE "invitation" DROP CONSTRAINT "invitation_token_hash_unique";--> statement-breakpoint
ALTER TABLE "personal_link" ADD COLUMN "invitation_id" uuid;--> statement-breakpoint
ALTER TABLE "personal_link" ADD CONSTRAINT "personal_link_invitation_id_invitation_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "personal_link_invitation_idx" ON "personal_link" USING btree ("invitation_id");--> statement-breakpoint
-- Open invitations keep working: their hashes (already SHA-256) move into personal_link.
INSERT INTO "personal_link" ("network_id", "purpose", "token_hash", "invitation_id")
  SELECT "network_id", 'account_invitation', "token_hash", "id" FROM "invitation" WHERE "status" = 'pending';--> statement-breakpoint
-- Mails already written carry the invitation link in plain text: it is cut out of the stored copies.
UPDATE "outbox_mail" SET
  "text_body" = regexp_replace("text_body", '/einladung/[A-Za-z0-9_-]+', '/einladung/[Link entfernt]', 'g'),
  "sensitive" = true
  WHERE "text_body" ~ '/einladung/[A-Za-z0-9_-]';--> statement-breakpoint
ALTER TABLE "invitation" DROP COLUMN "token_hash";
