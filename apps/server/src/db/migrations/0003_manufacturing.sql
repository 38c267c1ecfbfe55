CREATE TABLE "deviation_batches" (
	"deviation_id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	CONSTRAINT "deviation_batches_deviation_id_batch_id_pk" PRIMARY KEY("deviation_id","batch_id")
);
--> statement-breakpoint
CREATE TABLE "deviations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"severity" text NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"room_id" uuid,
	"batch_id" uuid,
	"opened_at" timestamp (3) with time zone NOT NULL,
	"opened_by" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deviations_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "genealogy_edges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"from_kind" text NOT NULL,
	"from_id" uuid NOT NULL,
	"to_kind" text NOT NULL,
	"to_id" uuid NOT NULL,
	"quantity" double precision,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "material_lots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"material_id" uuid NOT NULL,
	"lot_number" text NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"quantity_received" double precision NOT NULL,
	"quantity_on_hand" double precision NOT NULL,
	"status" text NOT NULL,
	"received_at" timestamp (3) with time zone NOT NULL,
	"produced_by_batch_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "material_lots_material_lot" UNIQUE("material_id","lot_number")
);
--> statement-breakpoint
CREATE TABLE "materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"storage_condition" text NOT NULL,
	"supplier" text NOT NULL,
	"unit" text NOT NULL,
	"retired_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "materials_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "equipment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"location" text NOT NULL,
	"calibration_due_at" timestamp (3) with time zone NOT NULL,
	"maintenance_due_at" timestamp (3) with time zone,
	"maintenance_since" timestamp (3) with time zone,
	"in_use_by_batch_id" uuid,
	"retired_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "equipment_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "equipment_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"equipment_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"performed_at" timestamp (3) with time zone NOT NULL,
	"result" text,
	"next_due_at" timestamp (3) with time zone,
	"notes" text,
	"performed_by" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "em_limits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"grade" text NOT NULL,
	"parameter" text NOT NULL,
	"occupancy" text NOT NULL,
	"alert_limit" double precision,
	"action_limit" double precision NOT NULL,
	"unit" text NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "em_limits_grade_parameter_occupancy" UNIQUE("grade","parameter","occupancy")
);
--> statement-breakpoint
CREATE TABLE "em_samples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"room_id" uuid NOT NULL,
	"parameter" text NOT NULL,
	"occupancy" text NOT NULL,
	"location" text,
	"value" double precision NOT NULL,
	"sampled_at" timestamp (3) with time zone NOT NULL,
	"result" text NOT NULL,
	"deviation_id" uuid,
	"recorded_by" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rooms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"grade" text NOT NULL,
	"status" text NOT NULL,
	"current_batch_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rooms_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "processes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"product" text NOT NULL,
	"product_type" text NOT NULL,
	"status" text NOT NULL,
	"steps" jsonb NOT NULL,
	"effective_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processes_code_version" UNIQUE("code","version")
);
--> statement-breakpoint
CREATE TABLE "batch_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"index" integer NOT NULL,
	"status" text NOT NULL,
	"values" jsonb,
	"out_of_range" jsonb,
	"material_lots" jsonb,
	"equipment_ids" jsonb,
	"performed_by" text,
	"performed_at" timestamp (3) with time zone,
	"witnessed_by" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "batch_steps_batch_index" UNIQUE("batch_id","index")
);
--> statement-breakpoint
CREATE TABLE "batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_number" text NOT NULL,
	"process_id" uuid NOT NULL,
	"order_id" uuid,
	"room_id" uuid NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp (3) with time zone NOT NULL,
	"completed_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "batches_batch_number_unique" UNIQUE("batch_number")
);
--> statement-breakpoint
ALTER TABLE "deviation_batches" ADD CONSTRAINT "deviation_batches_deviation_id_deviations_id_fk" FOREIGN KEY ("deviation_id") REFERENCES "public"."deviations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_lots" ADD CONSTRAINT "material_lots_material_id_materials_id_fk" FOREIGN KEY ("material_id") REFERENCES "public"."materials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_events" ADD CONSTRAINT "equipment_events_equipment_id_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "public"."equipment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "em_samples" ADD CONSTRAINT "em_samples_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_steps" ADD CONSTRAINT "batch_steps_batch_id_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batches" ADD CONSTRAINT "batches_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deviations_status_idx" ON "deviations" USING btree ("status");--> statement-breakpoint
CREATE INDEX "genealogy_edges_from_idx" ON "genealogy_edges" USING btree ("from_id");--> statement-breakpoint
CREATE INDEX "genealogy_edges_to_idx" ON "genealogy_edges" USING btree ("to_id");--> statement-breakpoint
CREATE INDEX "equipment_events_equipment_idx" ON "equipment_events" USING btree ("equipment_id");--> statement-breakpoint
CREATE INDEX "em_samples_room_time_idx" ON "em_samples" USING btree ("room_id","sampled_at");--> statement-breakpoint
CREATE INDEX "batches_order_idx" ON "batches" USING btree ("order_id");