-- IF NOT EXISTS: a restore of a backup from before this migration creates the table early (the
-- database file storage needs it while the older schema is loaded), and this step then finds it.
CREATE SCHEMA IF NOT EXISTS "file_store";
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "file_store"."file_chunk" (
	"storage_key" text NOT NULL,
	"idx" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "file_chunk_storage_key_idx_pk" PRIMARY KEY("storage_key","idx")
);
