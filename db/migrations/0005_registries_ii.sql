CREATE TABLE "activities" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "activities_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind_id" integer NOT NULL,
	"title" text NOT NULL,
	"search_title" text NOT NULL,
	"unit_id" integer NOT NULL,
	"province_code" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"organisers" text[] DEFAULT '{}'::text[] NOT NULL,
	"organiser_other" text,
	"participants" integer,
	"learners" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"ceremony_held" boolean,
	"festival_held" boolean,
	"pilot" boolean,
	"pilot_chosen_by" text,
	"gifts_count" integer,
	"gifts_value_vnd" bigint,
	"plan_document_id" integer,
	"plan_text" text,
	"notes" text,
	"plausibility_warnings" jsonb,
	"plausibility_reason" text,
	"plausibility_confirmed_by" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_kinds" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "activity_kinds_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"trait" text DEFAULT 'general' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 100 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_populations" (
	"unit_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"population" integer NOT NULL,
	"province_code" text NOT NULL,
	"source" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_populations_unit_id_year_pk" PRIMARY KEY("unit_id","year")
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"public_id" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" integer NOT NULL,
	"unit_id" integer,
	"province_code" text,
	"storage_key" text NOT NULL,
	"original_storage_key" text,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"encrypted" boolean DEFAULT false NOT NULL,
	"scanned_by" text NOT NULL,
	"caption" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "award_forms" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "award_forms_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 100 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "award_issuers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "award_issuers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 100 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "awards" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "awards_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"status" text NOT NULL,
	"recipient_type" text NOT NULL,
	"recipient_class" text NOT NULL,
	"recipient_team_id" integer,
	"recipient_member_id" integer,
	"recipient_name" text NOT NULL,
	"recipient_position" text,
	"recipient_workplace" text,
	"search_text" text NOT NULL,
	"unit_id" integer NOT NULL,
	"province_code" text NOT NULL,
	"form_id" integer NOT NULL,
	"issuer_id" integer NOT NULL,
	"decision_number" text,
	"decision_date" date,
	"reason" text NOT NULL,
	"reason_text" text,
	"period_from" smallint NOT NULL,
	"period_to" smallint,
	"phase" text,
	"proposed_on" date,
	"proposed_by" integer,
	"decided_by" integer,
	"decision_note" text,
	"notes" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_links" (
	"from_id" integer NOT NULL,
	"to_id" integer NOT NULL,
	"relation" text NOT NULL,
	CONSTRAINT "document_links_from_id_to_id_relation_pk" PRIMARY KEY("from_id","to_id","relation")
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "documents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"issuer" text NOT NULL,
	"issued_on" date,
	"issued_year" smallint NOT NULL,
	"effective_from" date,
	"effective_to" date,
	"title" text NOT NULL,
	"search_text" text NOT NULL,
	"unit_id" integer,
	"province_code" text,
	"seed_key" text,
	"notes" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "feedback_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"province_code" text NOT NULL,
	"received_on" date NOT NULL,
	"channel" text NOT NULL,
	"activity_id" integer,
	"topic" text NOT NULL,
	"content" text,
	"search_text" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"answered_by" text,
	"answer" text,
	"answered_on" date,
	"forwarded_to" text,
	"forwarded_on" date,
	"contact_name_encrypted" text,
	"contact_phone_encrypted" text,
	"contact_purpose" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_kind_id_activity_kinds_id_fk" FOREIGN KEY ("kind_id") REFERENCES "public"."activity_kinds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_plan_document_id_documents_id_fk" FOREIGN KEY ("plan_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_populations" ADD CONSTRAINT "unit_populations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_form_id_award_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."award_forms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_issuer_id_award_issuers_id_fk" FOREIGN KEY ("issuer_id") REFERENCES "public"."award_issuers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_links" ADD CONSTRAINT "document_links_from_id_documents_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_links" ADD CONSTRAINT "document_links_to_id_documents_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_unit_idx" ON "activities" USING btree ("unit_id","starts_on");--> statement-breakpoint
CREATE INDEX "activities_province_idx" ON "activities" USING btree ("province_code","starts_on");--> statement-breakpoint
CREATE INDEX "activities_kind_idx" ON "activities" USING btree ("kind_id","starts_on");--> statement-breakpoint
CREATE INDEX "activities_plan_idx" ON "activities" USING btree ("plan_document_id");--> statement-breakpoint
CREATE INDEX "activities_search_trgm_idx" ON "activities" USING gin ("search_title" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "activity_kinds_code_uq" ON "activity_kinds" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "attachments_public_id_uq" ON "attachments" USING btree ("public_id");--> statement-breakpoint
CREATE INDEX "attachments_entity_idx" ON "attachments" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "attachments_province_idx" ON "attachments" USING btree ("province_code");--> statement-breakpoint
CREATE UNIQUE INDEX "award_forms_code_uq" ON "award_forms" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "award_issuers_code_uq" ON "award_issuers" USING btree ("code");--> statement-breakpoint
CREATE INDEX "awards_unit_idx" ON "awards" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "awards_province_idx" ON "awards" USING btree ("province_code","decision_date");--> statement-breakpoint
CREATE INDEX "awards_status_idx" ON "awards" USING btree ("status");--> statement-breakpoint
CREATE INDEX "awards_search_trgm_idx" ON "awards" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "document_links_to_idx" ON "document_links" USING btree ("to_id","relation");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_seed_key_uq" ON "documents" USING btree ("seed_key");--> statement-breakpoint
CREATE INDEX "documents_unit_idx" ON "documents" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "documents_kind_idx" ON "documents" USING btree ("kind","issued_year");--> statement-breakpoint
CREATE INDEX "documents_search_trgm_idx" ON "documents" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "feedback_unit_idx" ON "feedback" USING btree ("unit_id","received_on");--> statement-breakpoint
CREATE INDEX "feedback_province_idx" ON "feedback" USING btree ("province_code","received_on");--> statement-breakpoint
CREATE INDEX "feedback_activity_idx" ON "feedback" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "feedback_search_trgm_idx" ON "feedback" USING gin ("search_text" gin_trgm_ops);