CREATE TABLE "classification_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "classification_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"sheet_id" integer NOT NULL,
	"position" smallint NOT NULL,
	"code" text NOT NULL,
	"text" text NOT NULL,
	"max_points" numeric NOT NULL
);
--> statement-breakpoint
CREATE TABLE "classification_levels" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "classification_levels_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"province_code" text DEFAULT '' NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"min_points" numeric NOT NULL,
	"enabled" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "classification_records" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "classification_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"province_code" text NOT NULL,
	"year" smallint NOT NULL,
	"target" text NOT NULL,
	"sheet_id" integer NOT NULL,
	"status" text NOT NULL,
	"total_points" numeric DEFAULT 0 NOT NULL,
	"proposed_level" text,
	"approved_level" text,
	"review_comment" text,
	"submitted_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"approved_by" integer,
	"source" text DEFAULT 'user' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "classification_scores" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "classification_scores_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"record_id" integer NOT NULL,
	"item_id" integer NOT NULL,
	"points" numeric NOT NULL,
	"evidence" text,
	"team_id" integer,
	"model_id" integer,
	"attachment_id" integer
);
--> statement-breakpoint
CREATE TABLE "classification_sheets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "classification_sheets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"version" smallint NOT NULL,
	"target" text NOT NULL,
	"legal_basis" text NOT NULL,
	"title" text NOT NULL,
	"province_code" text,
	"from_year" smallint NOT NULL,
	"to_year" smallint,
	"status" text NOT NULL,
	"frozen" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "criteria" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "criteria_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"set_id" integer NOT NULL,
	"position" smallint NOT NULL,
	"code" text NOT NULL,
	"text" text NOT NULL,
	"kind" text NOT NULL,
	"threshold" jsonb,
	"events" jsonb,
	"computed_rule" text,
	"evidence_required" boolean DEFAULT false NOT NULL,
	"added_by_province" text
);
--> statement-breakpoint
CREATE TABLE "criteria_sets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "criteria_sets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"version" smallint NOT NULL,
	"target" text NOT NULL,
	"legal_basis" text NOT NULL,
	"title" text NOT NULL,
	"province_code" text,
	"base_set_id" integer,
	"from_year" smallint NOT NULL,
	"to_year" smallint,
	"status" text NOT NULL,
	"frozen" boolean DEFAULT false NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recognition_answers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "recognition_answers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"record_id" integer NOT NULL,
	"criterion_id" integer NOT NULL,
	"met" boolean,
	"value" numeric,
	"occurred_events" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"reviewer_comment" text,
	"returned" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recognition_cycles" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "recognition_cycles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"province_code" text NOT NULL,
	"year" smallint NOT NULL,
	"target" text NOT NULL,
	"window_from" date NOT NULL,
	"window_to" date NOT NULL,
	"registration_deadline" date NOT NULL,
	"decision_deadline" date NOT NULL,
	"classification_deadline" date NOT NULL,
	"approving_level" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recognition_evidence" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "recognition_evidence_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"record_id" integer NOT NULL,
	"criterion_id" integer,
	"kind" text NOT NULL,
	"team_id" integer,
	"model_id" integer,
	"attachment_id" integer,
	"description" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recognition_records" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "recognition_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"province_code" text NOT NULL,
	"year" smallint NOT NULL,
	"target" text NOT NULL,
	"set_id" integer NOT NULL,
	"status" text NOT NULL,
	"registered_on" date NOT NULL,
	"resolution_ref" text,
	"plan_ref" text,
	"registration_form_ref" text,
	"households_total" integer,
	"households_registered" integer,
	"meeting_date" date,
	"meeting_chair" text,
	"meeting_attendees" integer,
	"meeting_minutes" text,
	"submitted_at" timestamp with time zone,
	"review_comment" text,
	"decided_at" timestamp with time zone,
	"decided_by" integer,
	"decision_number" text,
	"decision_date" date,
	"decision_signer" text,
	"decision_signer_title" text,
	"issuing_body" text,
	"reopen_reason" text,
	"source" text DEFAULT 'user' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "classification_items" ADD CONSTRAINT "classification_items_sheet_id_classification_sheets_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."classification_sheets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification_records" ADD CONSTRAINT "classification_records_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification_records" ADD CONSTRAINT "classification_records_sheet_id_classification_sheets_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."classification_sheets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification_scores" ADD CONSTRAINT "classification_scores_record_id_classification_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."classification_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification_scores" ADD CONSTRAINT "classification_scores_item_id_classification_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."classification_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criteria" ADD CONSTRAINT "criteria_set_id_criteria_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."criteria_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_answers" ADD CONSTRAINT "recognition_answers_record_id_recognition_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."recognition_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_answers" ADD CONSTRAINT "recognition_answers_criterion_id_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."criteria"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_evidence" ADD CONSTRAINT "recognition_evidence_record_id_recognition_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."recognition_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_evidence" ADD CONSTRAINT "recognition_evidence_criterion_id_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."criteria"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_records" ADD CONSTRAINT "recognition_records_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_records" ADD CONSTRAINT "recognition_records_set_id_criteria_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."criteria_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "classification_items_sheet_idx" ON "classification_items" USING btree ("sheet_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "classification_levels_uq" ON "classification_levels" USING btree ("province_code","code");--> statement-breakpoint
CREATE UNIQUE INDEX "classification_records_unit_year_uq" ON "classification_records" USING btree ("unit_id","year");--> statement-breakpoint
CREATE INDEX "classification_records_province_year_idx" ON "classification_records" USING btree ("province_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "classification_scores_uq" ON "classification_scores" USING btree ("record_id","item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "classification_sheets_code_version_uq" ON "classification_sheets" USING btree ("code","version");--> statement-breakpoint
CREATE INDEX "criteria_set_idx" ON "criteria" USING btree ("set_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "criteria_sets_code_version_uq" ON "criteria_sets" USING btree ("code","version");--> statement-breakpoint
CREATE INDEX "criteria_sets_target_idx" ON "criteria_sets" USING btree ("target","status");--> statement-breakpoint
CREATE UNIQUE INDEX "recognition_answers_uq" ON "recognition_answers" USING btree ("record_id","criterion_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recognition_cycles_uq" ON "recognition_cycles" USING btree ("province_code","year","target");--> statement-breakpoint
CREATE INDEX "recognition_evidence_record_idx" ON "recognition_evidence" USING btree ("record_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recognition_records_unit_year_uq" ON "recognition_records" USING btree ("unit_id","year");--> statement-breakpoint
CREATE INDEX "recognition_records_province_year_idx" ON "recognition_records" USING btree ("province_code","year","status");