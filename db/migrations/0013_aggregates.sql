CREATE TABLE "aggregate_definitions" (
	"indicator" text PRIMARY KEY NOT NULL,
	"fingerprint" text NOT NULL,
	"built_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fact_dirty" (
	"table_name" text NOT NULL,
	"record_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_daily" (
	"indicator" text NOT NULL,
	"unit_id" integer NOT NULL,
	"dimension_value" text,
	"day" date NOT NULL,
	"delta_sum" numeric NOT NULL,
	"delta_count" integer NOT NULL,
	CONSTRAINT "indicator_daily_key" UNIQUE NULLS NOT DISTINCT("indicator","unit_id","dimension_value","day")
);
--> statement-breakpoint
CREATE TABLE "indicator_monthly" (
	"indicator" text NOT NULL,
	"unit_id" integer NOT NULL,
	"dimension_value" text,
	"month" date NOT NULL,
	"delta_sum" numeric NOT NULL,
	"delta_count" integer NOT NULL,
	CONSTRAINT "indicator_monthly_key" UNIQUE NULLS NOT DISTINCT("indicator","unit_id","dimension_value","month")
);
--> statement-breakpoint
CREATE TABLE "record_facts" (
	"indicator" text NOT NULL,
	"record_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"dimension_value" text,
	"measure" numeric NOT NULL,
	"start_day" date NOT NULL,
	"end_day" date
);
--> statement-breakpoint
CREATE INDEX "indicator_daily_day_idx" ON "indicator_daily" USING btree ("indicator","day");--> statement-breakpoint
CREATE INDEX "indicator_monthly_month_idx" ON "indicator_monthly" USING btree ("indicator","month");--> statement-breakpoint
CREATE INDEX "record_facts_record_idx" ON "record_facts" USING btree ("indicator","record_id");--> statement-breakpoint
-- The change log of the aggregate tables (src/server/reporting/aggregates.ts): after every statement on a source
-- table, the ids it touched (old and new rows) are appended to fact_dirty. Arguments: pairs of (record table,
-- column holding that record's id) — a child row (a case's support) names its record in a column.
CREATE FUNCTION fact_touch() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  i integer := 0;
  rel text;
BEGIN
  WHILE i < TG_NARGS LOOP
    FOREACH rel IN ARRAY CASE TG_OP WHEN 'INSERT' THEN ARRAY['new_rows'] WHEN 'DELETE' THEN ARRAY['old_rows']
        ELSE ARRAY['old_rows', 'new_rows'] END LOOP
      EXECUTE format('INSERT INTO fact_dirty (table_name, record_id) SELECT DISTINCT %L, %I FROM %I WHERE %I IS NOT NULL',
        TG_ARGV[i], TG_ARGV[i + 1], rel, TG_ARGV[i + 1]);
    END LOOP;
    i := i + 2;
  END LOOP;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "activities_facts_insert" AFTER INSERT ON "activities" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('activities', 'id');
--> statement-breakpoint
CREATE TRIGGER "activities_facts_update" AFTER UPDATE ON "activities" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('activities', 'id');
--> statement-breakpoint
CREATE TRIGGER "activities_facts_delete" AFTER DELETE ON "activities" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('activities', 'id');
--> statement-breakpoint
CREATE TRIGGER "activity_kinds_facts_insert" AFTER INSERT ON "activity_kinds" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('activity_kinds', 'id');
--> statement-breakpoint
CREATE TRIGGER "activity_kinds_facts_update" AFTER UPDATE ON "activity_kinds" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('activity_kinds', 'id');
--> statement-breakpoint
CREATE TRIGGER "activity_kinds_facts_delete" AFTER DELETE ON "activity_kinds" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('activity_kinds', 'id');
--> statement-breakpoint
CREATE TRIGGER "award_forms_facts_insert" AFTER INSERT ON "award_forms" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('award_forms', 'id');
--> statement-breakpoint
CREATE TRIGGER "award_forms_facts_update" AFTER UPDATE ON "award_forms" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('award_forms', 'id');
--> statement-breakpoint
CREATE TRIGGER "award_forms_facts_delete" AFTER DELETE ON "award_forms" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('award_forms', 'id');
--> statement-breakpoint
CREATE TRIGGER "award_issuers_facts_insert" AFTER INSERT ON "award_issuers" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('award_issuers', 'id');
--> statement-breakpoint
CREATE TRIGGER "award_issuers_facts_update" AFTER UPDATE ON "award_issuers" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('award_issuers', 'id');
--> statement-breakpoint
CREATE TRIGGER "award_issuers_facts_delete" AFTER DELETE ON "award_issuers" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('award_issuers', 'id');
--> statement-breakpoint
CREATE TRIGGER "awards_facts_insert" AFTER INSERT ON "awards" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('awards', 'id');
--> statement-breakpoint
CREATE TRIGGER "awards_facts_update" AFTER UPDATE ON "awards" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('awards', 'id');
--> statement-breakpoint
CREATE TRIGGER "awards_facts_delete" AFTER DELETE ON "awards" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('awards', 'id');
--> statement-breakpoint
CREATE TRIGGER "committee_meetings_facts_insert" AFTER INSERT ON "committee_meetings" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('committee_meetings', 'id');
--> statement-breakpoint
CREATE TRIGGER "committee_meetings_facts_update" AFTER UPDATE ON "committee_meetings" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('committee_meetings', 'id');
--> statement-breakpoint
CREATE TRIGGER "committee_meetings_facts_delete" AFTER DELETE ON "committee_meetings" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('committee_meetings', 'id');
--> statement-breakpoint
CREATE TRIGGER "coordination_tasks_facts_insert" AFTER INSERT ON "coordination_tasks" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('coordination_tasks', 'id');
--> statement-breakpoint
CREATE TRIGGER "coordination_tasks_facts_update" AFTER UPDATE ON "coordination_tasks" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('coordination_tasks', 'id');
--> statement-breakpoint
CREATE TRIGGER "coordination_tasks_facts_delete" AFTER DELETE ON "coordination_tasks" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('coordination_tasks', 'id');
--> statement-breakpoint
CREATE TRIGGER "feedback_facts_insert" AFTER INSERT ON "feedback" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('feedback', 'id');
--> statement-breakpoint
CREATE TRIGGER "feedback_facts_update" AFTER UPDATE ON "feedback" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('feedback', 'id');
--> statement-breakpoint
CREATE TRIGGER "feedback_facts_delete" AFTER DELETE ON "feedback" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('feedback', 'id');
--> statement-breakpoint
CREATE TRIGGER "model_kinds_facts_insert" AFTER INSERT ON "model_kinds" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('model_kinds', 'id');
--> statement-breakpoint
CREATE TRIGGER "model_kinds_facts_update" AFTER UPDATE ON "model_kinds" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('model_kinds', 'id');
--> statement-breakpoint
CREATE TRIGGER "model_kinds_facts_delete" AFTER DELETE ON "model_kinds" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('model_kinds', 'id');
--> statement-breakpoint
CREATE TRIGGER "model_status_changes_facts_insert" AFTER INSERT ON "model_status_changes" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('models', 'model_id');
--> statement-breakpoint
CREATE TRIGGER "model_status_changes_facts_update" AFTER UPDATE ON "model_status_changes" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('models', 'model_id');
--> statement-breakpoint
CREATE TRIGGER "model_status_changes_facts_delete" AFTER DELETE ON "model_status_changes" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('models', 'model_id');
--> statement-breakpoint
CREATE TRIGGER "models_facts_insert" AFTER INSERT ON "models" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('models', 'id');
--> statement-breakpoint
CREATE TRIGGER "models_facts_update" AFTER UPDATE ON "models" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('models', 'id');
--> statement-breakpoint
CREATE TRIGGER "models_facts_delete" AFTER DELETE ON "models" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('models', 'id');
--> statement-breakpoint
CREATE TRIGGER "reintegration_cases_facts_insert" AFTER INSERT ON "reintegration_cases" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('reintegration_cases', 'id');
--> statement-breakpoint
CREATE TRIGGER "reintegration_cases_facts_update" AFTER UPDATE ON "reintegration_cases" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('reintegration_cases', 'id');
--> statement-breakpoint
CREATE TRIGGER "reintegration_cases_facts_delete" AFTER DELETE ON "reintegration_cases" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('reintegration_cases', 'id');
--> statement-breakpoint
CREATE TRIGGER "reintegration_supports_facts_insert" AFTER INSERT ON "reintegration_supports" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('reintegration_cases', 'case_id');
--> statement-breakpoint
CREATE TRIGGER "reintegration_supports_facts_update" AFTER UPDATE ON "reintegration_supports" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('reintegration_cases', 'case_id');
--> statement-breakpoint
CREATE TRIGGER "reintegration_supports_facts_delete" AFTER DELETE ON "reintegration_supports" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('reintegration_cases', 'case_id');
--> statement-breakpoint
CREATE TRIGGER "team_members_facts_insert" AFTER INSERT ON "team_members" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('team_members', 'id');
--> statement-breakpoint
CREATE TRIGGER "team_members_facts_update" AFTER UPDATE ON "team_members" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('team_members', 'id');
--> statement-breakpoint
CREATE TRIGGER "team_members_facts_delete" AFTER DELETE ON "team_members" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('team_members', 'id');
--> statement-breakpoint
CREATE TRIGGER "teams_facts_insert" AFTER INSERT ON "teams" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('teams', 'id');
--> statement-breakpoint
CREATE TRIGGER "teams_facts_update" AFTER UPDATE ON "teams" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('teams', 'id');
--> statement-breakpoint
CREATE TRIGGER "teams_facts_delete" AFTER DELETE ON "teams" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('teams', 'id');
