CREATE INDEX "audit_network_seq_idx" ON "audit_event" USING btree ("network_id","seq");--> statement-breakpoint
CREATE INDEX "audit_network_type_idx" ON "audit_event" USING btree ("network_id","entity_type");--> statement-breakpoint
CREATE INDEX "guest_network_idx" ON "guest" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "paper_network_item_idx" ON "paper" USING btree ("network_id","item_id");--> statement-breakpoint
CREATE INDEX "written_procedure_network_idx" ON "written_procedure" USING btree ("network_id","created_at");