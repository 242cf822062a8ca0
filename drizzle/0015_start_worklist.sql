ALTER TABLE "membership" ADD COLUMN "last_opened_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "outbox_network_status_idx" ON "outbox_mail" USING btree ("network_id","status");--> statement-breakpoint
CREATE INDEX "committee_member_user_idx" ON "committee_member" USING btree ("network_id","user_id");--> statement-breakpoint
CREATE INDEX "meeting_recipient_member_idx" ON "meeting_recipient" USING btree ("network_id","member_id");--> statement-breakpoint
CREATE INDEX "procedure_vote_network_member_idx" ON "procedure_vote" USING btree ("network_id","member_id");--> statement-breakpoint
CREATE INDEX "written_procedure_network_open_idx" ON "written_procedure" USING btree ("network_id","status","deadline");