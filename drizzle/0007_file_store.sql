CREATE SCHEMA "file_store";
--> statement-breakpoint
CREATE TABLE "file_store"."file_chunk" (
	"storage_key" text NOT NULL,
	"idx" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "file_chunk_storage_key_idx_pk" PRIMARY KEY("storage_key","idx")
);
