CREATE TABLE "lab_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"digest" text NOT NULL,
	"total" integer NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL,
	"refused" integer DEFAULT 0 NOT NULL,
	"imported_by" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lab_panels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid NOT NULL,
	"visit_code" text,
	"collected_at" timestamp (3) with time zone NOT NULL,
	"source" text NOT NULL,
	"import_id" uuid,
	"ascites" text,
	"encephalopathy" text,
	"dialysis" boolean,
	"recorded_by" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lab_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"panel_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"analyte" text NOT NULL,
	"loinc" text NOT NULL,
	"value" double precision NOT NULL,
	"unit" text NOT NULL,
	"canonical_value" double precision NOT NULL,
	"canonical_unit" text NOT NULL,
	"reference" jsonb,
	"flag" text,
	"collected_at" timestamp (3) with time zone NOT NULL,
	"status" text DEFAULT 'final' NOT NULL,
	"supersedes_id" uuid,
	"superseded_by_id" uuid,
	"correction_reason" text,
	"recorded_by" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "lab_panels" ADD CONSTRAINT "lab_panels_subject_id_study_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."study_subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_panels" ADD CONSTRAINT "lab_panels_import_id_lab_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."lab_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_results" ADD CONSTRAINT "lab_results_panel_id_lab_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."lab_panels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_results" ADD CONSTRAINT "lab_results_subject_id_study_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."study_subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_results" ADD CONSTRAINT "lab_results_supersedes_id_lab_results_id_fk" FOREIGN KEY ("supersedes_id") REFERENCES "public"."lab_results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lab_panels_subject_collected_idx" ON "lab_panels" USING btree ("subject_id","collected_at");--> statement-breakpoint
CREATE INDEX "lab_results_subject_collected_idx" ON "lab_results" USING btree ("subject_id","collected_at");--> statement-breakpoint
CREATE INDEX "lab_results_subject_analyte_collected_idx" ON "lab_results" USING btree ("subject_id","analyte","collected_at");