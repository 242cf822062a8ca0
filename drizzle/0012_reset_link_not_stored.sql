ALTER TABLE "outbox_mail" ADD COLUMN "link_not_stored" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Reset mails written before carry their link in plain text: it is cut out of the stored copies.
UPDATE "outbox_mail" SET
  "text_body" = regexp_replace("text_body", '/reset-password/[A-Za-z0-9_-]+', '/reset-password/[Link entfernt]', 'g'),
  "sensitive" = true,
  "link_not_stored" = true
  WHERE "text_body" ~ '/reset-password/[A-Za-z0-9_-]';
