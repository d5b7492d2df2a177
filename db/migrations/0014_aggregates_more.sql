-- Triggers of the change log (fact_dirty) for the source tables the new interval definitions read, as
-- factTriggerSql() gives them (0013_aggregates has the function fact_touch and the other tables' triggers).
CREATE TRIGGER "classification_records_facts_insert" AFTER INSERT ON "classification_records" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('classification_records', 'id');
--> statement-breakpoint
CREATE TRIGGER "classification_records_facts_update" AFTER UPDATE ON "classification_records" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('classification_records', 'id');
--> statement-breakpoint
CREATE TRIGGER "classification_records_facts_delete" AFTER DELETE ON "classification_records" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('classification_records', 'id');
--> statement-breakpoint
CREATE TRIGGER "crime_reports_facts_insert" AFTER INSERT ON "crime_reports" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('crime_reports', 'id');
--> statement-breakpoint
CREATE TRIGGER "crime_reports_facts_update" AFTER UPDATE ON "crime_reports" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('crime_reports', 'id');
--> statement-breakpoint
CREATE TRIGGER "crime_reports_facts_delete" AFTER DELETE ON "crime_reports" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('crime_reports', 'id');
--> statement-breakpoint
CREATE TRIGGER "recognition_records_facts_insert" AFTER INSERT ON "recognition_records" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('recognition_records', 'id');
--> statement-breakpoint
CREATE TRIGGER "recognition_records_facts_update" AFTER UPDATE ON "recognition_records" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('recognition_records', 'id');
--> statement-breakpoint
CREATE TRIGGER "recognition_records_facts_delete" AFTER DELETE ON "recognition_records" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch('recognition_records', 'id');
