CREATE TABLE "contract" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"title" text NOT NULL,
	"land_party_name" text NOT NULL,
	"municipality_party_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contract_attachment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contract_consent" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"party" text NOT NULL,
	"signed_by" text NOT NULL,
	"signed_on" date NOT NULL,
	"recorded_by" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contract_section" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"heading" text NOT NULL,
	"body" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contract_signatory" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"party" text NOT NULL,
	"name" text NOT NULL,
	"function" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contract_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"effective_from" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"in_force_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "field_of_action" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"goals" text DEFAULT '' NOT NULL,
	"previous_owner" text NOT NULL,
	"previous_owner_name" text,
	"introduced_by" uuid NOT NULL,
	"ended_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "field_of_action_end_differs" CHECK ("field_of_action"."ended_by" IS NULL OR "field_of_action"."ended_by" <> "field_of_action"."introduced_by")
);
--> statement-breakpoint
CREATE TABLE "responsibility" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"matter" text NOT NULL,
	"category" text NOT NULL,
	"owner" text NOT NULL,
	"owner_name" text,
	"field_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contract" ADD CONSTRAINT "contract_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_attachment" ADD CONSTRAINT "contract_attachment_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_attachment" ADD CONSTRAINT "contract_attachment_version_id_contract_version_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."contract_version"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_attachment" ADD CONSTRAINT "contract_attachment_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_consent" ADD CONSTRAINT "contract_consent_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_consent" ADD CONSTRAINT "contract_consent_version_id_contract_version_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."contract_version"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_consent" ADD CONSTRAINT "contract_consent_recorded_by_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_section" ADD CONSTRAINT "contract_section_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_section" ADD CONSTRAINT "contract_section_version_id_contract_version_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."contract_version"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_signatory" ADD CONSTRAINT "contract_signatory_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_signatory" ADD CONSTRAINT "contract_signatory_contract_id_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contract"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_version" ADD CONSTRAINT "contract_version_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_version" ADD CONSTRAINT "contract_version_contract_id_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contract"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_version" ADD CONSTRAINT "contract_version_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_of_action" ADD CONSTRAINT "field_of_action_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_of_action" ADD CONSTRAINT "field_of_action_introduced_by_contract_version_id_fk" FOREIGN KEY ("introduced_by") REFERENCES "public"."contract_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_of_action" ADD CONSTRAINT "field_of_action_ended_by_contract_version_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."contract_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility" ADD CONSTRAINT "responsibility_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility" ADD CONSTRAINT "responsibility_field_id_field_of_action_id_fk" FOREIGN KEY ("field_id") REFERENCES "public"."field_of_action"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contract_network_idx" ON "contract" USING btree ("network_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contract_attachment_file_idx" ON "contract_attachment" USING btree ("version_id","file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contract_consent_party_idx" ON "contract_consent" USING btree ("version_id","party");--> statement-breakpoint
CREATE UNIQUE INDEX "contract_section_position_idx" ON "contract_section" USING btree ("version_id","position");--> statement-breakpoint
CREATE INDEX "contract_signatory_contract_idx" ON "contract_signatory" USING btree ("contract_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contract_version_number_idx" ON "contract_version" USING btree ("contract_id","number");--> statement-breakpoint
CREATE INDEX "field_of_action_network_idx" ON "field_of_action" USING btree ("network_id");--> statement-breakpoint
CREATE UNIQUE INDEX "responsibility_matter_idx" ON "responsibility" USING btree ("network_id",lower("matter"));