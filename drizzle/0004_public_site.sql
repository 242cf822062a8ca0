CREATE TABLE "public_page" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"body" text NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "network" ADD COLUMN "slug" text;--> statement-breakpoint
ALTER TABLE "network" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "public_page" ADD CONSTRAINT "public_page_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_page" ADD CONSTRAINT "public_page_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "public_page_kind_idx" ON "public_page" USING btree ("network_id","kind");--> statement-breakpoint
ALTER TABLE "network" ADD CONSTRAINT "network_slug_unique" UNIQUE("slug");