CREATE TABLE "system_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_lineage" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "unit_lineage_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"predecessor_id" integer NOT NULL,
	"successor_id" integer NOT NULL,
	"effective_date" date NOT NULL,
	"relation" text NOT NULL,
	"change" text NOT NULL,
	"note" text,
	"legal_basis" text
);
--> statement-breakpoint
CREATE TABLE "unit_versions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "unit_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"name" text NOT NULL,
	"type_name" text NOT NULL,
	"full_name" text NOT NULL,
	"type_code" text,
	"name_en" text,
	"parent_id" integer,
	"path" text NOT NULL,
	"depth" smallint NOT NULL,
	"search_name" text NOT NULL,
	"legal_basis" text
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "units_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"province_code" text NOT NULL,
	"source" text DEFAULT 'official' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "unit_lineage" ADD CONSTRAINT "unit_lineage_predecessor_id_units_id_fk" FOREIGN KEY ("predecessor_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_lineage" ADD CONSTRAINT "unit_lineage_successor_id_units_id_fk" FOREIGN KEY ("successor_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_versions" ADD CONSTRAINT "unit_versions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_versions" ADD CONSTRAINT "unit_versions_parent_id_units_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "unit_lineage_pair_uq" ON "unit_lineage" USING btree ("predecessor_id","successor_id","effective_date");--> statement-breakpoint
CREATE INDEX "unit_lineage_successor_idx" ON "unit_lineage" USING btree ("successor_id");--> statement-breakpoint
CREATE INDEX "unit_versions_unit_idx" ON "unit_versions" USING btree ("unit_id","valid_from");--> statement-breakpoint
CREATE INDEX "unit_versions_parent_idx" ON "unit_versions" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "unit_versions_path_idx" ON "unit_versions" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "unit_versions_search_trgm_idx" ON "unit_versions" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "units_code_kind_from_uq" ON "units" USING btree ("code","kind",coalesce("valid_from", '0001-01-01'));--> statement-breakpoint
CREATE INDEX "units_province_idx" ON "units" USING btree ("province_code");