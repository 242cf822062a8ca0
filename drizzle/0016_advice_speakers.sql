ALTER TABLE "advice" ALTER COLUMN "guest_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "advice" ADD COLUMN "round_id" uuid;--> statement-breakpoint
ALTER TABLE "advice" ADD COLUMN "kind" text DEFAULT 'guest' NOT NULL;--> statement-breakpoint
ALTER TABLE "advice" ADD COLUMN "member_id" uuid;--> statement-breakpoint
ALTER TABLE "advice" ADD COLUMN "user_id" text;--> statement-breakpoint
ALTER TABLE "advice" ADD COLUMN "speaker_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "advice" ADD CONSTRAINT "advice_round_id_decision_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."decision_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice" ADD CONSTRAINT "advice_member_id_committee_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."committee_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice" ADD CONSTRAINT "advice_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Advice so far came from guests only and was written in the same transaction as its round.
UPDATE "advice" SET "speaker_name" = g."name" FROM "guest" g WHERE g."id" = "advice"."guest_id";--> statement-breakpoint
UPDATE "advice" SET "round_id" = r."id" FROM "decision_round" r WHERE r."item_id" = "advice"."item_id" AND r."created_at" = "advice"."created_at";
