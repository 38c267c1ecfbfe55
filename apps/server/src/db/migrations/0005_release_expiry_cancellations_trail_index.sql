ALTER TABLE "custody_exceptions" ADD COLUMN "code" text;--> statement-breakpoint
ALTER TABLE "custody_exceptions" ADD COLUMN "params" jsonb;--> statement-breakpoint
ALTER TABLE "deviations" ADD COLUMN "cancelled_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "deviations" ADD COLUMN "cancelled_by" text;--> statement-breakpoint
ALTER TABLE "deviations" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "change_controls" ADD COLUMN "withdrawn_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "change_controls" ADD COLUMN "withdrawn_by" text;--> statement-breakpoint
ALTER TABLE "change_controls" ADD COLUMN "withdraw_reason" text;--> statement-breakpoint
ALTER TABLE "specifications" ADD COLUMN "shelf_life_days" integer;--> statement-breakpoint
ALTER TABLE "batch_releases" ADD COLUMN "product_expires_at" timestamp (3) with time zone;--> statement-breakpoint
CREATE INDEX "audit_events_entity_id_idx" ON "audit_events" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "audit_events_after_links_idx" ON "audit_events" USING gin ("after" jsonb_path_ops);