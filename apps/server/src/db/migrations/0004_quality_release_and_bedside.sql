CREATE TABLE "deviation_due_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"severity" text NOT NULL,
	"close_days" integer NOT NULL,
	CONSTRAINT "deviation_due_rules_severity_unique" UNIQUE("severity")
);
--> statement-breakpoint
CREATE TABLE "capa_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"capa_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"owner" text NOT NULL,
	"due_date" date NOT NULL,
	"status" text NOT NULL,
	"completion_note" text,
	"completed_by" text,
	"completed_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "capa_effectiveness_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"capa_id" uuid NOT NULL,
	"result" text NOT NULL,
	"evidence" text NOT NULL,
	"checked_by" text NOT NULL,
	"checked_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "capas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"source" text NOT NULL,
	"deviation_id" uuid,
	"source_reference" text,
	"owner" text NOT NULL,
	"status" text NOT NULL,
	"effectiveness_due_date" date NOT NULL,
	"effectiveness_criteria" text NOT NULL,
	"opened_at" timestamp (3) with time zone NOT NULL,
	"opened_by" text NOT NULL,
	"closed_at" timestamp (3) with time zone,
	CONSTRAINT "capas_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "change_controls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"justification" text NOT NULL,
	"category" text NOT NULL,
	"status" text NOT NULL,
	"requested_by" text NOT NULL,
	"requested_at" timestamp (3) with time zone NOT NULL,
	"impact" jsonb,
	"assessed_by" text,
	"assessed_at" timestamp (3) with time zone,
	"approved_by" text,
	"approved_at" timestamp (3) with time zone,
	"implementation_due_date" date NOT NULL,
	"implementation_note" text,
	"implemented_by" text,
	"implemented_at" timestamp (3) with time zone,
	"effectiveness_due_date" date,
	"effectiveness_note" text,
	"closed_by" text,
	"closed_at" timestamp (3) with time zone,
	CONSTRAINT "change_controls_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "oos_investigations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"result_id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	"test_code" text NOT NULL,
	"status" text NOT NULL,
	"phase1_conclusion" text,
	"phase1_findings" text,
	"phase1_by" text,
	"phase1_at" timestamp (3) with time zone,
	"phase2_root_cause" text,
	"phase2_conclusion" text,
	"phase2_by" text,
	"phase2_at" timestamp (3) with time zone,
	"outcome" text,
	"opened_at" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "oos_investigations_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "qc_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"specification_id" uuid NOT NULL,
	"test_code" text NOT NULL,
	"sample_id" uuid,
	"value" jsonb NOT NULL,
	"conforms" boolean NOT NULL,
	"report_only" boolean NOT NULL,
	"status" text NOT NULL,
	"retest_of" uuid,
	"entered_by_id" uuid NOT NULL,
	"entered_by" text NOT NULL,
	"entered_at" timestamp (3) with time zone NOT NULL,
	"reviewed_by_id" uuid,
	"reviewed_by" text,
	"reviewed_at" timestamp (3) with time zone,
	"invalidated_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qc_samples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sample_number" text NOT NULL,
	"batch_id" uuid NOT NULL,
	"name" text NOT NULL,
	"test_codes" jsonb NOT NULL,
	"step_index" integer,
	"taken_by" text NOT NULL,
	"taken_at" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "qc_samples_sample_number_unique" UNIQUE("sample_number")
);
--> statement-breakpoint
CREATE TABLE "specifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product" text NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"tests" jsonb NOT NULL,
	"effective_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "specifications_product_version" UNIQUE("product","version")
);
--> statement-breakpoint
CREATE TABLE "bedside_verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shipment_id" uuid NOT NULL,
	"subject_code" text NOT NULL,
	"din" text NOT NULL,
	"coi" text NOT NULL,
	"verified_by" text NOT NULL,
	"second_verifier" text NOT NULL,
	"verified_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "infusions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shipment_id" uuid NOT NULL,
	"verification_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"din" text NOT NULL,
	"started_at" timestamp (3) with time zone NOT NULL,
	"ended_at" timestamp (3) with time zone NOT NULL,
	"car_positive_cells" double precision NOT NULL,
	"weight_kg" double precision NOT NULL,
	"cells_per_kg" double precision NOT NULL,
	"volume_ml" double precision,
	"location" text,
	"notes" text,
	"recorded_by" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "infusions_shipment_id_unique" UNIQUE("shipment_id")
);
--> statement-breakpoint
CREATE TABLE "shipment_logger_uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shipment_id" uuid NOT NULL,
	"logger_id" text NOT NULL,
	"readings" jsonb NOT NULL,
	"summary" jsonb NOT NULL,
	"deviation_id" uuid,
	"uploaded_by" text NOT NULL,
	"uploaded_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "shipment_logger_uploads_shipment_id_unique" UNIQUE("shipment_id")
);
--> statement-breakpoint
CREATE TABLE "shipments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"batch_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"din" text NOT NULL,
	"status" text NOT NULL,
	"courier" text NOT NULL,
	"shipper_id" text NOT NULL,
	"from_location" text NOT NULL,
	"to_location" text NOT NULL,
	"departed_at" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"range_min_c" double precision,
	"range_max_c" double precision NOT NULL,
	"range_basis" text NOT NULL,
	"received_at" timestamp (3) with time zone,
	"received_by" text,
	"arrival_temperature_c" double precision,
	"stored_at" timestamp (3) with time zone,
	"storage_location" text,
	"created_by" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shipments_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "batch_releases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"certifier_id" uuid NOT NULL,
	"certifier" text NOT NULL,
	"pending_tests" jsonb NOT NULL,
	"out_of_specification" jsonb NOT NULL,
	"physician_id" uuid,
	"exceptional" jsonb,
	"comment" text,
	"certified_at" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "batch_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"reviewer" text NOT NULL,
	"comment" text,
	"reviewed_at" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "batch_reviews_batch" UNIQUE("batch_id")
);
--> statement-breakpoint
CREATE TABLE "coa_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"reason" text NOT NULL,
	"content" jsonb NOT NULL,
	"issued_by_id" uuid NOT NULL,
	"issued_by" text NOT NULL,
	"issued_at" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coa_versions_batch_version" UNIQUE("batch_id","version")
);
--> statement-breakpoint
CREATE TABLE "release_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"release_id" uuid NOT NULL,
	"result_id" uuid NOT NULL,
	"test_code" text NOT NULL,
	"physician_id" uuid NOT NULL,
	"message" text NOT NULL,
	"status" text NOT NULL,
	"acknowledged_at" timestamp (3) with time zone,
	"acknowledgement" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "release_notifications_result_physician" UNIQUE("result_id","physician_id")
);
--> statement-breakpoint
ALTER TABLE "deviation_batches" ADD COLUMN "impact" text;--> statement-breakpoint
ALTER TABLE "deviation_batches" ADD COLUMN "impact_rationale" text;--> statement-breakpoint
ALTER TABLE "deviation_batches" ADD COLUMN "assessed_by" text;--> statement-breakpoint
ALTER TABLE "deviation_batches" ADD COLUMN "assessed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "deviations" ADD COLUMN "due_date" date;--> statement-breakpoint
ALTER TABLE "deviations" ADD COLUMN "classified_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "deviations" ADD COLUMN "classified_by" text;--> statement-breakpoint
ALTER TABLE "deviations" ADD COLUMN "owner" text;--> statement-breakpoint
ALTER TABLE "deviations" ADD COLUMN "capa_required" boolean;--> statement-breakpoint
ALTER TABLE "deviations" ADD COLUMN "investigation" text;--> statement-breakpoint
ALTER TABLE "deviations" ADD COLUMN "root_cause" text;--> statement-breakpoint
ALTER TABLE "deviations" ADD COLUMN "root_cause_category" text;--> statement-breakpoint
ALTER TABLE "deviations" ADD COLUMN "closed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "deviations" ADD COLUMN "closed_by" text;--> statement-breakpoint
ALTER TABLE "deviations" ADD COLUMN "conclusion" text;--> statement-breakpoint
ALTER TABLE "batches" ADD COLUMN "din" text;--> statement-breakpoint
ALTER TABLE "capa_actions" ADD CONSTRAINT "capa_actions_capa_id_capas_id_fk" FOREIGN KEY ("capa_id") REFERENCES "public"."capas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capa_effectiveness_checks" ADD CONSTRAINT "capa_effectiveness_checks_capa_id_capas_id_fk" FOREIGN KEY ("capa_id") REFERENCES "public"."capas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capas" ADD CONSTRAINT "capas_deviation_id_deviations_id_fk" FOREIGN KEY ("deviation_id") REFERENCES "public"."deviations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oos_investigations" ADD CONSTRAINT "oos_investigations_result_id_qc_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."qc_results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oos_investigations" ADD CONSTRAINT "oos_investigations_batch_id_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qc_results" ADD CONSTRAINT "qc_results_batch_id_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qc_results" ADD CONSTRAINT "qc_results_specification_id_specifications_id_fk" FOREIGN KEY ("specification_id") REFERENCES "public"."specifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qc_results" ADD CONSTRAINT "qc_results_sample_id_qc_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."qc_samples"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qc_samples" ADD CONSTRAINT "qc_samples_batch_id_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bedside_verifications" ADD CONSTRAINT "bedside_verifications_shipment_id_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."shipments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "infusions" ADD CONSTRAINT "infusions_shipment_id_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."shipments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "infusions" ADD CONSTRAINT "infusions_verification_id_bedside_verifications_id_fk" FOREIGN KEY ("verification_id") REFERENCES "public"."bedside_verifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipment_logger_uploads" ADD CONSTRAINT "shipment_logger_uploads_shipment_id_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."shipments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_batch_id_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_releases" ADD CONSTRAINT "batch_releases_batch_id_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_reviews" ADD CONSTRAINT "batch_reviews_batch_id_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coa_versions" ADD CONSTRAINT "coa_versions_batch_id_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_notifications" ADD CONSTRAINT "release_notifications_batch_id_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_notifications" ADD CONSTRAINT "release_notifications_release_id_batch_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."batch_releases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "capa_actions_capa_idx" ON "capa_actions" USING btree ("capa_id");--> statement-breakpoint
CREATE INDEX "capa_actions_owner_idx" ON "capa_actions" USING btree ("owner");--> statement-breakpoint
CREATE INDEX "capa_checks_capa_idx" ON "capa_effectiveness_checks" USING btree ("capa_id");--> statement-breakpoint
CREATE INDEX "capas_status_idx" ON "capas" USING btree ("status");--> statement-breakpoint
CREATE INDEX "capas_deviation_idx" ON "capas" USING btree ("deviation_id");--> statement-breakpoint
CREATE INDEX "change_controls_status_idx" ON "change_controls" USING btree ("status");--> statement-breakpoint
CREATE INDEX "oos_investigations_status_idx" ON "oos_investigations" USING btree ("status");--> statement-breakpoint
CREATE INDEX "oos_investigations_batch_idx" ON "oos_investigations" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "qc_results_batch_idx" ON "qc_results" USING btree ("batch_id","test_code");--> statement-breakpoint
CREATE INDEX "qc_samples_batch_idx" ON "qc_samples" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "bedside_verifications_shipment_idx" ON "bedside_verifications" USING btree ("shipment_id");--> statement-breakpoint
CREATE INDEX "shipments_order_idx" ON "shipments" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "shipments_batch_idx" ON "shipments" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "batch_releases_batch_idx" ON "batch_releases" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "release_notifications_physician_idx" ON "release_notifications" USING btree ("physician_id","status");--> statement-breakpoint
CREATE INDEX "deviations_due_date_idx" ON "deviations" USING btree ("due_date");--> statement-breakpoint
-- Autologous batches started before batches carried a DIN: the product keeps the DIN of the patient's
-- donation, found through the collection → batch genealogy edge. Other older batches keep a null DIN.
UPDATE "batches" AS b SET "din" = c."din" FROM "genealogy_edges" AS g JOIN "collections" AS c ON c."id" = g."from_id" WHERE g."to_id" = b."id" AND g."from_kind" = 'collection' AND g."to_kind" = 'batch' AND b."din" IS NULL;
