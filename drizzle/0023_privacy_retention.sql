CREATE TABLE "retention_case" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"offered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"exported_at" timestamp with time zone,
	"declined_at" timestamp with time zone,
	"decided_by" text,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "retention_rule" (
	"network_id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"months" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retention_rule_network_id_record_type_pk" PRIMARY KEY("network_id","record_type")
);
--> statement-breakpoint
ALTER TABLE "retention_case" ADD CONSTRAINT "retention_case_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_case" ADD CONSTRAINT "retention_case_decided_by_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_rule" ADD CONSTRAINT "retention_rule_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "retention_case_open_idx" ON "retention_case" USING btree ("network_id","record_type","record_id") WHERE closed_at is null;--> statement-breakpoint
CREATE INDEX "retention_case_network_idx" ON "retention_case" USING btree ("network_id");