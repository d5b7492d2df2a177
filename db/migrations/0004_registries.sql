CREATE TABLE "jobs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "jobs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"params" jsonb NOT NULL,
	"input" "bytea",
	"phase" text,
	"progress_done" integer DEFAULT 0 NOT NULL,
	"progress_total" integer DEFAULT 0 NOT NULL,
	"percent" integer DEFAULT 0 NOT NULL,
	"result" jsonb,
	"error" jsonb,
	"created_by" integer,
	"unit_id" integer,
	"province_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "model_kinds" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "model_kinds_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"is_camera" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 100 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "model_ratings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "model_ratings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"model_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"province_code" text NOT NULL,
	"year" smallint NOT NULL,
	"rating" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "model_status_changes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "model_status_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"model_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"province_code" text NOT NULL,
	"status" text NOT NULL,
	"effective_on" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "model_units" (
	"model_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"lead" boolean DEFAULT false NOT NULL,
	"province_code" text NOT NULL,
	CONSTRAINT "model_units_model_id_unit_id_pk" PRIMARY KEY("model_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "models" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "models_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"search_name" text NOT NULL,
	"kind_id" integer NOT NULL,
	"lead_unit_id" integer NOT NULL,
	"province_code" text NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"exemplary" boolean DEFAULT false NOT NULL,
	"exemplary_year" smallint,
	"exemplary_decision" text,
	"camera_points" integer,
	"cameras" integer,
	"replicated_from_id" integer,
	"notes" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_member_ratings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "team_member_ratings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"member_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"province_code" text NOT NULL,
	"year" smallint NOT NULL,
	"rating" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_member_trainings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "team_member_trainings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"member_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"province_code" text NOT NULL,
	"course" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"result" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_members" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "team_members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"team_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"province_code" text NOT NULL,
	"full_name" text NOT NULL,
	"search_name" text NOT NULL,
	"birth_year" smallint NOT NULL,
	"gender" text,
	"phone" text,
	"role" text NOT NULL,
	"joined_on" date NOT NULL,
	"left_on" date,
	"leave_reason" text,
	"residence_since" date,
	"eligibility_exception" text,
	"recognition_decision_number" text,
	"recognition_decision_date" date,
	"certificate_number" text,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "teams_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"search_name" text NOT NULL,
	"unit_id" integer NOT NULL,
	"province_code" text NOT NULL,
	"established_on" date NOT NULL,
	"decision_number" text,
	"decision_date" date,
	"decision_signer" text,
	"dissolved_on" date,
	"dissolution_note" text,
	"notes" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "model_ratings" ADD CONSTRAINT "model_ratings_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_status_changes" ADD CONSTRAINT "model_status_changes_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_units" ADD CONSTRAINT "model_units_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_units" ADD CONSTRAINT "model_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "models" ADD CONSTRAINT "models_kind_id_model_kinds_id_fk" FOREIGN KEY ("kind_id") REFERENCES "public"."model_kinds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "models" ADD CONSTRAINT "models_lead_unit_id_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "models" ADD CONSTRAINT "models_replicated_from_id_models_id_fk" FOREIGN KEY ("replicated_from_id") REFERENCES "public"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_member_ratings" ADD CONSTRAINT "team_member_ratings_member_id_team_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."team_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_member_ratings" ADD CONSTRAINT "team_member_ratings_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_member_trainings" ADD CONSTRAINT "team_member_trainings_member_id_team_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."team_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "jobs_status_idx" ON "jobs" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "jobs_created_by_idx" ON "jobs" USING btree ("created_by","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "model_kinds_code_uq" ON "model_kinds" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "model_ratings_model_year_uq" ON "model_ratings" USING btree ("model_id","year");--> statement-breakpoint
CREATE INDEX "model_status_changes_model_idx" ON "model_status_changes" USING btree ("model_id","effective_on");--> statement-breakpoint
CREATE INDEX "model_units_unit_idx" ON "model_units" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "models_lead_unit_idx" ON "models" USING btree ("lead_unit_id");--> statement-breakpoint
CREATE INDEX "models_province_idx" ON "models" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "models_kind_idx" ON "models" USING btree ("kind_id","started_on");--> statement-breakpoint
CREATE INDEX "models_replicated_from_idx" ON "models" USING btree ("replicated_from_id");--> statement-breakpoint
CREATE INDEX "models_search_trgm_idx" ON "models" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "team_member_ratings_member_year_uq" ON "team_member_ratings" USING btree ("member_id","year");--> statement-breakpoint
CREATE INDEX "team_member_ratings_team_year_idx" ON "team_member_ratings" USING btree ("team_id","year");--> statement-breakpoint
CREATE INDEX "team_member_trainings_member_idx" ON "team_member_trainings" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "team_members_team_idx" ON "team_members" USING btree ("team_id","joined_on");--> statement-breakpoint
CREATE INDEX "team_members_unit_idx" ON "team_members" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "team_members_province_idx" ON "team_members" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "team_members_search_trgm_idx" ON "team_members" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "teams_unit_idx" ON "teams" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "teams_province_idx" ON "teams" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "teams_kind_idx" ON "teams" USING btree ("kind","established_on");--> statement-breakpoint
CREATE INDEX "teams_search_trgm_idx" ON "teams" USING gin ("search_name" gin_trgm_ops);