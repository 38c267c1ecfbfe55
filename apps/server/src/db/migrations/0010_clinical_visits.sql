CREATE TABLE "subject_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid NOT NULL,
	"code" text NOT NULL,
	"definition_id" uuid NOT NULL,
	"status" text NOT NULL,
	"occurred_at" timestamp (3) with time zone,
	"out_of_window" boolean DEFAULT false NOT NULL,
	"notes" text,
	"missed_reason" text,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subject_visits_subject_code_uq" UNIQUE("subject_id","code")
);
--> statement-breakpoint
CREATE TABLE "visit_definitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"protocol_version_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_en" text NOT NULL,
	"name_zh" text NOT NULL,
	"phase" text NOT NULL,
	"anchor" text NOT NULL,
	"day_offset" integer NOT NULL,
	"window_before" integer NOT NULL,
	"window_after" integer NOT NULL,
	"assessments" jsonb NOT NULL,
	"repeat" jsonb,
	"position" integer NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "visit_schedule_settings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"protocol_version_id" uuid NOT NULL,
	"ltfu_years" integer,
	"ltfu_basis" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visit_schedule_settings_protocol_version_id_unique" UNIQUE("protocol_version_id")
);
--> statement-breakpoint
ALTER TABLE "subject_visits" ADD CONSTRAINT "subject_visits_subject_id_study_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."study_subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_visits" ADD CONSTRAINT "subject_visits_definition_id_visit_definitions_id_fk" FOREIGN KEY ("definition_id") REFERENCES "public"."visit_definitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_definitions" ADD CONSTRAINT "visit_definitions_protocol_version_id_protocol_versions_id_fk" FOREIGN KEY ("protocol_version_id") REFERENCES "public"."protocol_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_schedule_settings" ADD CONSTRAINT "visit_schedule_settings_protocol_version_id_protocol_versions_id_fk" FOREIGN KEY ("protocol_version_id") REFERENCES "public"."protocol_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "visit_definitions_version_idx" ON "visit_definitions" USING btree ("protocol_version_id","retired_at");