CREATE TABLE "affiliation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"function" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consent" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"given_at" timestamp with time zone NOT NULL,
	"given_via" text NOT NULL,
	"text_version" text NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_via" text,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_import" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "distribution_list" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"filter" jsonb,
	"needs_consent" boolean DEFAULT false NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "distribution_list_member" (
	"list_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"added_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "distribution_list_member_list_id_person_id_pk" PRIMARY KEY("list_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "institution" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"school_number" text,
	"school_type" text,
	"operator_id" uuid,
	"street" text DEFAULT '' NOT NULL,
	"postal_code" text DEFAULT '' NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"municipality_id" uuid,
	"email" text,
	"phone" text,
	"website" text,
	"notes" text DEFAULT '' NOT NULL,
	"source" jsonb DEFAULT '{"kind":"entered"}'::jsonb NOT NULL,
	"example" boolean DEFAULT false NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"salutation" text DEFAULT 'none' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"first_name" text DEFAULT '' NOT NULL,
	"last_name" text NOT NULL,
	"email" text,
	"phone" text,
	"notes" text DEFAULT '' NOT NULL,
	"multiplier" boolean DEFAULT false NOT NULL,
	"multiplier_topics" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"legal_basis" text DEFAULT 'public_task' NOT NULL,
	"source" jsonb DEFAULT '{"kind":"entered"}'::jsonb NOT NULL,
	"user_id" text,
	"example" boolean DEFAULT false NOT NULL,
	"erased_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"merged_into" uuid,
	"last_activity_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_field" (
	"person_id" uuid NOT NULL,
	"field_id" uuid NOT NULL,
	CONSTRAINT "person_field_person_id_field_id_pk" PRIMARY KEY("person_id","field_id")
);
--> statement-breakpoint
ALTER TABLE "personal_link" ADD COLUMN "person_id" uuid;--> statement-breakpoint
ALTER TABLE "personal_link" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "committee_member" ADD COLUMN "person_id" uuid;--> statement-breakpoint
ALTER TABLE "guest" ADD COLUMN "person_id" uuid;--> statement-breakpoint
ALTER TABLE "affiliation" ADD CONSTRAINT "affiliation_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "affiliation" ADD CONSTRAINT "affiliation_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "affiliation" ADD CONSTRAINT "affiliation_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent" ADD CONSTRAINT "consent_recorded_by_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_import" ADD CONSTRAINT "contact_import_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_import" ADD CONSTRAINT "contact_import_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_list" ADD CONSTRAINT "distribution_list_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_list" ADD CONSTRAINT "distribution_list_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_list_member" ADD CONSTRAINT "distribution_list_member_list_id_distribution_list_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."distribution_list"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_list_member" ADD CONSTRAINT "distribution_list_member_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_list_member" ADD CONSTRAINT "distribution_list_member_added_by_user_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution" ADD CONSTRAINT "institution_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution" ADD CONSTRAINT "institution_operator_id_municipality_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution" ADD CONSTRAINT "institution_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution" ADD CONSTRAINT "institution_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_field" ADD CONSTRAINT "person_field_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_field" ADD CONSTRAINT "person_field_field_id_field_of_action_id_fk" FOREIGN KEY ("field_id") REFERENCES "public"."field_of_action"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "affiliation_person_idx" ON "affiliation" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "affiliation_institution_idx" ON "affiliation" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "consent_person_idx" ON "consent" USING btree ("person_id","purpose");--> statement-breakpoint
CREATE INDEX "contact_import_network_idx" ON "contact_import" USING btree ("network_id");--> statement-breakpoint
CREATE UNIQUE INDEX "distribution_list_name_idx" ON "distribution_list" USING btree ("network_id","name");--> statement-breakpoint
CREATE INDEX "distribution_list_member_person_idx" ON "distribution_list_member" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "institution_network_idx" ON "institution" USING btree ("network_id");--> statement-breakpoint
CREATE UNIQUE INDEX "institution_school_number_idx" ON "institution" USING btree ("network_id","school_number") WHERE school_number is not null and archived_at is null;--> statement-breakpoint
CREATE INDEX "institution_search_idx" ON "institution" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "person_network_idx" ON "person" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "person_email_idx" ON "person" USING btree ("network_id","email");--> statement-breakpoint
CREATE INDEX "person_user_idx" ON "person" USING btree ("network_id","user_id");--> statement-breakpoint
CREATE INDEX "person_search_idx" ON "person" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "person_field_field_idx" ON "person_field" USING btree ("field_id");--> statement-breakpoint
ALTER TABLE "personal_link" ADD CONSTRAINT "personal_link_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_member" ADD CONSTRAINT "committee_member_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guest" ADD CONSTRAINT "guest_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "personal_link_person_idx" ON "personal_link" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "committee_member_person_idx" ON "committee_member" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "guest_person_idx" ON "guest" USING btree ("person_id");