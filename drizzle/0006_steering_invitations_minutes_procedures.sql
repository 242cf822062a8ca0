CREATE TABLE "meeting_recipient" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"member_id" uuid,
	"guest_id" uuid,
	"name" text NOT NULL,
	"email" text,
	"reply_token" text NOT NULL,
	"sent_sequence" integer,
	"reply" text,
	"replied_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_recipient_reply_token_unique" UNIQUE("reply_token")
);
--> statement-breakpoint
CREATE TABLE "minutes_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"body" text NOT NULL,
	"reason" text,
	"approved_by_decision_id" uuid,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procedure_vote" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"procedure_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"token" text NOT NULL,
	"stance" text,
	"reason" text,
	"answered_at" timestamp with time zone,
	CONSTRAINT "procedure_vote_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "written_procedure" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"title" text NOT NULL,
	"proposal" text NOT NULL,
	"decision_type" text NOT NULL,
	"field_id" uuid,
	"deadline" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome_reason" text,
	"decision_id" uuid,
	"reminder_sent_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agenda_item" ADD COLUMN "approves_minutes_of" uuid;--> statement-breakpoint
ALTER TABLE "meeting_recipient" ADD CONSTRAINT "meeting_recipient_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_recipient" ADD CONSTRAINT "meeting_recipient_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_recipient" ADD CONSTRAINT "meeting_recipient_member_id_committee_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."committee_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_recipient" ADD CONSTRAINT "meeting_recipient_guest_id_guest_id_fk" FOREIGN KEY ("guest_id") REFERENCES "public"."guest"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_version" ADD CONSTRAINT "minutes_version_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_version" ADD CONSTRAINT "minutes_version_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_version" ADD CONSTRAINT "minutes_version_approved_by_decision_id_decision_id_fk" FOREIGN KEY ("approved_by_decision_id") REFERENCES "public"."decision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_version" ADD CONSTRAINT "minutes_version_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_vote" ADD CONSTRAINT "procedure_vote_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_vote" ADD CONSTRAINT "procedure_vote_procedure_id_written_procedure_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."written_procedure"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_vote" ADD CONSTRAINT "procedure_vote_member_id_committee_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."committee_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "written_procedure" ADD CONSTRAINT "written_procedure_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "written_procedure" ADD CONSTRAINT "written_procedure_field_id_field_of_action_id_fk" FOREIGN KEY ("field_id") REFERENCES "public"."field_of_action"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "written_procedure" ADD CONSTRAINT "written_procedure_decision_id_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "written_procedure" ADD CONSTRAINT "written_procedure_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_recipient_meeting_idx" ON "meeting_recipient" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "minutes_version_idx" ON "minutes_version" USING btree ("meeting_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "procedure_vote_member_idx" ON "procedure_vote" USING btree ("procedure_id","member_id");--> statement-breakpoint
CREATE INDEX "written_procedure_open_idx" ON "written_procedure" USING btree ("status","deadline");