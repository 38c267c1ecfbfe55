CREATE TABLE "eligibility_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"protocol_version_id" uuid NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"rule" jsonb NOT NULL,
	"position" integer NOT NULL,
	"retired_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ethics_approvals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"study_id" uuid NOT NULL,
	"committee" text NOT NULL,
	"approval_number" text NOT NULL,
	"approved_on" date NOT NULL,
	"expires_on" date NOT NULL,
	"protocol_version_id" uuid NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "protocol_arms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"protocol_version_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"ratio" integer NOT NULL,
	"position" integer NOT NULL,
	"retired_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regulatory_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"study_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"filed_on" date,
	"status" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "protocol_deviations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"criterion_id" uuid,
	"reason" text NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "randomization_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"protocol_version_id" uuid NOT NULL,
	"stratum" text NOT NULL,
	"sequence" integer NOT NULL,
	"block_number" integer NOT NULL,
	"position" integer NOT NULL,
	"arm_code" text NOT NULL,
	"subject_id" uuid,
	"assigned_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "randomization_slots_stratum_seq_uq" UNIQUE("protocol_version_id","stratum","sequence")
);
--> statement-breakpoint
CREATE TABLE "screening_data" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid NOT NULL,
	"data" jsonb NOT NULL,
	"derived" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "screening_data_subject_id_unique" UNIQUE("subject_id")
);
--> statement-breakpoint
ALTER TABLE "protocol_versions" ADD COLUMN "summary" text;--> statement-breakpoint
ALTER TABLE "protocol_versions" ADD COLUMN "randomization" jsonb;--> statement-breakpoint
ALTER TABLE "protocol_versions" ADD COLUMN "randomization_seed" text;--> statement-breakpoint
ALTER TABLE "protocol_versions" ADD COLUMN "approved_by" uuid;--> statement-breakpoint
ALTER TABLE "protocol_versions" ADD COLUMN "superseded_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "protocol_versions" ADD COLUMN "amended_from_id" uuid;--> statement-breakpoint
ALTER TABLE "study_subjects" ADD COLUMN "screen_failure_reason" text;--> statement-breakpoint
ALTER TABLE "study_subjects" ADD COLUMN "screen_failed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "study_subjects" ADD COLUMN "arm_code" text;--> statement-breakpoint
ALTER TABLE "eligibility_criteria" ADD CONSTRAINT "eligibility_criteria_protocol_version_id_protocol_versions_id_fk" FOREIGN KEY ("protocol_version_id") REFERENCES "public"."protocol_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ethics_approvals" ADD CONSTRAINT "ethics_approvals_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ethics_approvals" ADD CONSTRAINT "ethics_approvals_protocol_version_id_protocol_versions_id_fk" FOREIGN KEY ("protocol_version_id") REFERENCES "public"."protocol_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_arms" ADD CONSTRAINT "protocol_arms_protocol_version_id_protocol_versions_id_fk" FOREIGN KEY ("protocol_version_id") REFERENCES "public"."protocol_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regulatory_registrations" ADD CONSTRAINT "regulatory_registrations_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_deviations" ADD CONSTRAINT "protocol_deviations_subject_id_study_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."study_subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_deviations" ADD CONSTRAINT "protocol_deviations_criterion_id_eligibility_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."eligibility_criteria"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "randomization_slots" ADD CONSTRAINT "randomization_slots_protocol_version_id_protocol_versions_id_fk" FOREIGN KEY ("protocol_version_id") REFERENCES "public"."protocol_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "randomization_slots" ADD CONSTRAINT "randomization_slots_subject_id_study_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."study_subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_data" ADD CONSTRAINT "screening_data_subject_id_study_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."study_subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "eligibility_criteria_version_idx" ON "eligibility_criteria" USING btree ("protocol_version_id");--> statement-breakpoint
CREATE INDEX "ethics_approvals_study_idx" ON "ethics_approvals" USING btree ("study_id");--> statement-breakpoint
CREATE INDEX "protocol_arms_version_idx" ON "protocol_arms" USING btree ("protocol_version_id");--> statement-breakpoint
CREATE INDEX "regulatory_registrations_study_idx" ON "regulatory_registrations" USING btree ("study_id");--> statement-breakpoint
CREATE INDEX "protocol_deviations_subject_idx" ON "protocol_deviations" USING btree ("subject_id");