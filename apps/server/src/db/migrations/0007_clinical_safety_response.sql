CREATE TABLE "adverse_event_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"adverse_event_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"reason" text,
	"changed_by" text NOT NULL,
	"changed_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "adverse_event_versions_uq" UNIQUE("adverse_event_id","version")
);
--> statement-breakpoint
CREATE TABLE "adverse_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid NOT NULL,
	"number" text NOT NULL,
	"status" text NOT NULL,
	"verbatim_term" text NOT NULL,
	"ctcae_term" text NOT NULL,
	"ctcae_version" text NOT NULL,
	"grade" integer NOT NULL,
	"onset_at" timestamp (3) with time zone NOT NULL,
	"resolved_at" timestamp (3) with time zone,
	"aware_at" timestamp (3) with time zone NOT NULL,
	"description" text,
	"action_taken" text NOT NULL,
	"outcome" text NOT NULL,
	"product_din" text,
	"seriousness" jsonb,
	"relatedness" jsonb,
	"expectedness" text,
	"rsi_reference" text,
	"assessed_by" text,
	"assessed_at" timestamp (3) with time zone,
	"source" text NOT NULL,
	"version" integer NOT NULL,
	"recorded_by" text NOT NULL,
	"void_reason" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "adverse_events_subject_number_uq" UNIQUE("subject_id","number")
);
--> statement-breakpoint
CREATE TABLE "crs_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid NOT NULL,
	"infusion_id" uuid NOT NULL,
	"assessed_at" timestamp (3) with time zone NOT NULL,
	"temperature_c" double precision NOT NULL,
	"hypotension" text NOT NULL,
	"hypoxia" text NOT NULL,
	"after_antipyretics" boolean,
	"treatments" jsonb NOT NULL,
	"grade" integer NOT NULL,
	"notes" text,
	"adverse_event_id" uuid,
	"recorded_by" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "icans_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid NOT NULL,
	"infusion_id" uuid NOT NULL,
	"assessed_at" timestamp (3) with time zone NOT NULL,
	"ice" jsonb,
	"ice_score" integer NOT NULL,
	"consciousness" text NOT NULL,
	"seizure" text,
	"motor_weakness" boolean,
	"cerebral_edema" text,
	"treatments" jsonb NOT NULL,
	"grade" integer NOT NULL,
	"notes" text,
	"recorded_by" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sae_clocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"adverse_event_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"recipient" text NOT NULL,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"due_at" timestamp (3) with time zone NOT NULL,
	"basis" text NOT NULL,
	"rules_version" text NOT NULL,
	"met_at" timestamp (3) with time zone,
	"cancelled_at" timestamp (3) with time zone,
	"cancel_reason" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sae_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clock_id" uuid NOT NULL,
	"reported_at" timestamp (3) with time zone NOT NULL,
	"recipient" text NOT NULL,
	"reference" text,
	"follow_up" boolean NOT NULL,
	"reported_by" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tumour_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid NOT NULL,
	"assessed_at" timestamp (3) with time zone NOT NULL,
	"modality" text NOT NULL,
	"target_lesions" jsonb NOT NULL,
	"non_target_lesions" jsonb NOT NULL,
	"new_lesions" boolean NOT NULL,
	"target_sum_mm" double precision NOT NULL,
	"is_baseline" boolean NOT NULL,
	"notes" text,
	"recorded_by" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "adverse_event_versions" ADD CONSTRAINT "adverse_event_versions_adverse_event_id_adverse_events_id_fk" FOREIGN KEY ("adverse_event_id") REFERENCES "public"."adverse_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adverse_events" ADD CONSTRAINT "adverse_events_subject_id_study_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."study_subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crs_assessments" ADD CONSTRAINT "crs_assessments_subject_id_study_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."study_subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "icans_assessments" ADD CONSTRAINT "icans_assessments_subject_id_study_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."study_subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sae_clocks" ADD CONSTRAINT "sae_clocks_adverse_event_id_adverse_events_id_fk" FOREIGN KEY ("adverse_event_id") REFERENCES "public"."adverse_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sae_reports" ADD CONSTRAINT "sae_reports_clock_id_sae_clocks_id_fk" FOREIGN KEY ("clock_id") REFERENCES "public"."sae_clocks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tumour_assessments" ADD CONSTRAINT "tumour_assessments_subject_id_study_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."study_subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "adverse_events_subject_idx" ON "adverse_events" USING btree ("subject_id","onset_at");--> statement-breakpoint
CREATE INDEX "crs_assessments_subject_idx" ON "crs_assessments" USING btree ("subject_id","assessed_at");--> statement-breakpoint
CREATE INDEX "icans_assessments_subject_idx" ON "icans_assessments" USING btree ("subject_id","assessed_at");--> statement-breakpoint
CREATE INDEX "sae_clocks_ae_idx" ON "sae_clocks" USING btree ("adverse_event_id");--> statement-breakpoint
CREATE INDEX "sae_clocks_subject_idx" ON "sae_clocks" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "sae_clocks_due_idx" ON "sae_clocks" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "sae_reports_clock_idx" ON "sae_reports" USING btree ("clock_id");--> statement-breakpoint
CREATE INDEX "tumour_assessments_subject_idx" ON "tumour_assessments" USING btree ("subject_id","assessed_at");