CREATE TABLE "committee_meetings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "committee_meetings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"team_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"province_code" text NOT NULL,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"agenda" text NOT NULL,
	"chaired_by" text,
	"minutes" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coordination_task_notes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "coordination_task_notes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"task_id" integer NOT NULL,
	"noted_on" date NOT NULL,
	"note" text NOT NULL,
	"recorded_by" integer,
	"recorded_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coordination_tasks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "coordination_tasks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer,
	"meeting_id" integer,
	"unit_id" integer NOT NULL,
	"province_code" text NOT NULL,
	"title" text NOT NULL,
	"owner_organisation" text NOT NULL,
	"due_on" date,
	"status" text NOT NULL,
	"started_on" date,
	"done_on" date,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_documents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "programme_documents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"programme_id" integer NOT NULL,
	"document_id" integer,
	"reference" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_phases" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "programme_phases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"programme_id" integer NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"note" text,
	"sort_order" smallint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_plans" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "programme_plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"programme_id" integer NOT NULL,
	"phase_id" integer,
	"unit_id" integer NOT NULL,
	"province_code" text NOT NULL,
	"number" text,
	"title" text NOT NULL,
	"issued_on" date NOT NULL,
	"notes" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "programmes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"number" text NOT NULL,
	"title" text NOT NULL,
	"search_text" text NOT NULL,
	"parties" text[] NOT NULL,
	"level" text NOT NULL,
	"unit_id" integer,
	"province_code" text,
	"signed_on" date,
	"notes" text,
	"reference_key" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reintegration_cases" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reintegration_cases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"province_code" text NOT NULL,
	"origin" text NOT NULL,
	"transferred_from_id" integer,
	"transferred_to_unit_id" integer,
	"full_name" text,
	"search_name" text,
	"birth_year" smallint,
	"residence_unit_id" integer,
	"residence_address" text,
	"id_number_encrypted" text,
	"sentence_summary_encrypted" text,
	"released_on" date NOT NULL,
	"releasing_facility" text,
	"opened_on" date NOT NULL,
	"reintegrated_on" date,
	"ended_on" date,
	"end_reason" text,
	"end_note" text,
	"notes" text,
	"personal_data_removed_on" date,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reintegration_check_ins" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reintegration_check_ins_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"province_code" text NOT NULL,
	"checked_on" date NOT NULL,
	"note" text,
	"recorded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reintegration_helpers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reintegration_helpers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"province_code" text NOT NULL,
	"organisation" text,
	"person_name" text,
	"helper_user_id" integer,
	"decision_number" text,
	"decision_date" date,
	"assigned_on" date NOT NULL,
	"ended_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reintegration_supports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reintegration_supports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"province_code" text NOT NULL,
	"kind" text NOT NULL,
	"given_on" date NOT NULL,
	"outcome" text NOT NULL,
	"outcome_on" date,
	"note" text,
	"recorded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "committee_meetings" ADD CONSTRAINT "committee_meetings_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_task_notes" ADD CONSTRAINT "coordination_task_notes_task_id_coordination_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."coordination_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_tasks" ADD CONSTRAINT "coordination_tasks_plan_id_programme_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."programme_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_tasks" ADD CONSTRAINT "coordination_tasks_meeting_id_committee_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."committee_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_documents" ADD CONSTRAINT "programme_documents_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_phases" ADD CONSTRAINT "programme_phases_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_plans" ADD CONSTRAINT "programme_plans_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_plans" ADD CONSTRAINT "programme_plans_phase_id_programme_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."programme_phases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_plans" ADD CONSTRAINT "programme_plans_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reintegration_cases" ADD CONSTRAINT "reintegration_cases_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reintegration_cases" ADD CONSTRAINT "reintegration_cases_transferred_from_id_reintegration_cases_id_fk" FOREIGN KEY ("transferred_from_id") REFERENCES "public"."reintegration_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reintegration_cases" ADD CONSTRAINT "reintegration_cases_transferred_to_unit_id_units_id_fk" FOREIGN KEY ("transferred_to_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reintegration_cases" ADD CONSTRAINT "reintegration_cases_residence_unit_id_units_id_fk" FOREIGN KEY ("residence_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reintegration_check_ins" ADD CONSTRAINT "reintegration_check_ins_case_id_reintegration_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."reintegration_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reintegration_helpers" ADD CONSTRAINT "reintegration_helpers_case_id_reintegration_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."reintegration_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reintegration_helpers" ADD CONSTRAINT "reintegration_helpers_helper_user_id_users_id_fk" FOREIGN KEY ("helper_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reintegration_supports" ADD CONSTRAINT "reintegration_supports_case_id_reintegration_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."reintegration_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "committee_meetings_team_idx" ON "committee_meetings" USING btree ("team_id","held_on");--> statement-breakpoint
CREATE INDEX "committee_meetings_unit_idx" ON "committee_meetings" USING btree ("unit_id","held_on");--> statement-breakpoint
CREATE INDEX "coordination_task_notes_task_idx" ON "coordination_task_notes" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "coordination_tasks_plan_idx" ON "coordination_tasks" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "coordination_tasks_meeting_idx" ON "coordination_tasks" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "coordination_tasks_unit_idx" ON "coordination_tasks" USING btree ("unit_id","due_on");--> statement-breakpoint
CREATE INDEX "programme_documents_programme_idx" ON "programme_documents" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "programme_phases_programme_idx" ON "programme_phases" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "programme_plans_programme_idx" ON "programme_plans" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "programme_plans_unit_idx" ON "programme_plans" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "programmes_reference_key_uq" ON "programmes" USING btree ("reference_key");--> statement-breakpoint
CREATE INDEX "programmes_unit_idx" ON "programmes" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "reintegration_cases_unit_idx" ON "reintegration_cases" USING btree ("unit_id","opened_on");--> statement-breakpoint
CREATE INDEX "reintegration_cases_province_idx" ON "reintegration_cases" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "reintegration_cases_ended_idx" ON "reintegration_cases" USING btree ("ended_on");--> statement-breakpoint
CREATE INDEX "reintegration_cases_from_idx" ON "reintegration_cases" USING btree ("transferred_from_id");--> statement-breakpoint
CREATE INDEX "reintegration_cases_search_trgm_idx" ON "reintegration_cases" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "reintegration_check_ins_case_idx" ON "reintegration_check_ins" USING btree ("case_id","checked_on");--> statement-breakpoint
CREATE INDEX "reintegration_helpers_case_idx" ON "reintegration_helpers" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "reintegration_helpers_user_idx" ON "reintegration_helpers" USING btree ("helper_user_id");--> statement-breakpoint
CREATE INDEX "reintegration_supports_case_idx" ON "reintegration_supports" USING btree ("case_id","given_on");--> statement-breakpoint
CREATE INDEX "reintegration_supports_kind_idx" ON "reintegration_supports" USING btree ("kind","outcome");