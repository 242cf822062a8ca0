CREATE TABLE "item_note" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"recipient_id" uuid NOT NULL,
	"text" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "item_question" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"recipient_id" uuid,
	"asked_by_name" text NOT NULL,
	"text" text NOT NULL,
	"asked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answer" text,
	"answered_by" text,
	"answered_by_name" text,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "item_note" ADD CONSTRAINT "item_note_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_note" ADD CONSTRAINT "item_note_item_id_agenda_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_note" ADD CONSTRAINT "item_note_recipient_id_meeting_recipient_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."meeting_recipient"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_question" ADD CONSTRAINT "item_question_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_question" ADD CONSTRAINT "item_question_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_question" ADD CONSTRAINT "item_question_item_id_agenda_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_question" ADD CONSTRAINT "item_question_recipient_id_meeting_recipient_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."meeting_recipient"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_question" ADD CONSTRAINT "item_question_answered_by_user_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "item_note_recipient_item_idx" ON "item_note" USING btree ("recipient_id","item_id");--> statement-breakpoint
CREATE INDEX "item_question_meeting_idx" ON "item_question" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "item_question_open_idx" ON "item_question" USING btree ("network_id","answered_at");