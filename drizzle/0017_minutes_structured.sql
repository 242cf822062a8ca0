CREATE TABLE "minutes_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"member_id" uuid NOT NULL,
	"item_id" uuid,
	"text" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"note" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "network" ADD COLUMN "logo_file_id" uuid;--> statement-breakpoint
ALTER TABLE "minutes_version" ADD COLUMN "content" jsonb;--> statement-breakpoint
ALTER TABLE "minutes_request" ADD CONSTRAINT "minutes_request_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_request" ADD CONSTRAINT "minutes_request_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_request" ADD CONSTRAINT "minutes_request_member_id_committee_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."committee_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_request" ADD CONSTRAINT "minutes_request_item_id_agenda_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_item"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_request" ADD CONSTRAINT "minutes_request_decided_by_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_request" ADD CONSTRAINT "minutes_request_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "minutes_request_meeting_idx" ON "minutes_request" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "minutes_request_network_idx" ON "minutes_request" USING btree ("network_id");