CREATE TABLE "crime_report_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "crime_report_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"report_id" integer NOT NULL,
	"province_code" text NOT NULL,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"from_unit_id" integer,
	"to_unit_id" integer,
	"actor_user_id" integer,
	"detail_enc" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crime_report_files" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "crime_report_files_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"report_id" integer NOT NULL,
	"province_code" text NOT NULL,
	"storage_key" text NOT NULL,
	"file_name_enc" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"encrypted" boolean NOT NULL,
	"uploaded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crime_report_messages" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "crime_report_messages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"report_id" integer NOT NULL,
	"province_code" text NOT NULL,
	"author" text NOT NULL,
	"author_user_id" integer,
	"body_enc" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crime_report_notes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "crime_report_notes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"report_id" integer NOT NULL,
	"province_code" text NOT NULL,
	"author_user_id" integer,
	"body_enc" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crime_report_submissions" (
	"key_hash" text PRIMARY KEY NOT NULL,
	"body_hash" text NOT NULL,
	"report_id" integer NOT NULL,
	"answer_enc" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crime_reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "crime_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"secret_hash" text NOT NULL,
	"category" text NOT NULL,
	"unit_id" integer NOT NULL,
	"intake_unit_id" integer NOT NULL,
	"province_code" text NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"channel" text DEFAULT 'portal' NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"received_on" date NOT NULL,
	"occurred_at" text,
	"description_enc" text NOT NULL,
	"place_enc" text,
	"location_enc" text,
	"involved_enc" text,
	"contact_enc" text,
	"anonymous" boolean DEFAULT true NOT NULL,
	"consent_contact" boolean DEFAULT false NOT NULL,
	"assignee_id" integer,
	"notice_due_on" date NOT NULL,
	"decision_due_on" date NOT NULL,
	"notice_sent_on" date,
	"first_extension_until" date,
	"first_extension_reason_enc" text,
	"second_extension_until" date,
	"second_extension_reason_enc" text,
	"decided_on" date,
	"status_reason_enc" text,
	"duplicate_of_id" integer,
	"valuable" boolean DEFAULT false NOT NULL,
	"cases_solved" integer DEFAULT 0 NOT NULL,
	"persons_arrested" integer DEFAULT 0 NOT NULL,
	"property_recovered_vnd" bigint DEFAULT 0 NOT NULL,
	"lookup_failures" smallint DEFAULT 0 NOT NULL,
	"lookup_window_start" timestamp with time zone,
	"lookup_locked_until" timestamp with time zone,
	"last_officer_message_at" timestamp with time zone,
	"last_reporter_message_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_holidays" (
	"day" date PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_categories" (
	"code" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"label_en" text NOT NULL,
	"sort_order" smallint DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spent_challenges" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "email_outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_outbox" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notification_outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"unit_id" integer NOT NULL,
	"province_code" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_settings" (
	"user_id" integer PRIMARY KEY NOT NULL,
	"email" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "portal_posts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "portal_posts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"province_code" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"body" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"author_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resident_feedback" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "resident_feedback_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"province_code" text NOT NULL,
	"topic" text NOT NULL,
	"body_enc" text NOT NULL,
	"contact_enc" text,
	"status" text DEFAULT 'new' NOT NULL,
	"response_enc" text,
	"handled_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "crime_report_events" ADD CONSTRAINT "crime_report_events_report_id_crime_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."crime_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crime_report_files" ADD CONSTRAINT "crime_report_files_report_id_crime_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."crime_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crime_report_messages" ADD CONSTRAINT "crime_report_messages_report_id_crime_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."crime_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crime_report_messages" ADD CONSTRAINT "crime_report_messages_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crime_report_notes" ADD CONSTRAINT "crime_report_notes_report_id_crime_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."crime_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crime_report_notes" ADD CONSTRAINT "crime_report_notes_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crime_report_submissions" ADD CONSTRAINT "crime_report_submissions_report_id_crime_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."crime_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crime_reports" ADD CONSTRAINT "crime_reports_category_report_categories_code_fk" FOREIGN KEY ("category") REFERENCES "public"."report_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crime_reports" ADD CONSTRAINT "crime_reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crime_reports" ADD CONSTRAINT "crime_reports_intake_unit_id_units_id_fk" FOREIGN KEY ("intake_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crime_reports" ADD CONSTRAINT "crime_reports_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_settings" ADD CONSTRAINT "notification_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_posts" ADD CONSTRAINT "portal_posts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_posts" ADD CONSTRAINT "portal_posts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_feedback" ADD CONSTRAINT "resident_feedback_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_feedback" ADD CONSTRAINT "resident_feedback_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "crime_report_events_report_idx" ON "crime_report_events" USING btree ("report_id","created_at");--> statement-breakpoint
CREATE INDEX "crime_report_files_report_idx" ON "crime_report_files" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "crime_report_messages_report_idx" ON "crime_report_messages" USING btree ("report_id","created_at");--> statement-breakpoint
CREATE INDEX "crime_report_notes_report_idx" ON "crime_report_notes" USING btree ("report_id","created_at");--> statement-breakpoint
CREATE INDEX "crime_report_submissions_created_idx" ON "crime_report_submissions" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "crime_reports_code_uq" ON "crime_reports" USING btree ("code");--> statement-breakpoint
CREATE INDEX "crime_reports_unit_idx" ON "crime_reports" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "crime_reports_intake_idx" ON "crime_reports" USING btree ("intake_unit_id","received_on");--> statement-breakpoint
CREATE INDEX "crime_reports_province_month_idx" ON "crime_reports" USING btree ("province_code","received_on","category");--> statement-breakpoint
CREATE INDEX "crime_reports_assignee_idx" ON "crime_reports" USING btree ("assignee_id");--> statement-breakpoint
CREATE INDEX "crime_reports_duplicate_idx" ON "crime_reports" USING btree ("duplicate_of_id");--> statement-breakpoint
CREATE INDEX "spent_challenges_expires_idx" ON "spent_challenges" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "email_outbox_pending_idx" ON "email_outbox" USING btree ("next_attempt_at") WHERE sent_at is null;--> statement-breakpoint
CREATE INDEX "notification_outbox_pending_idx" ON "notification_outbox" USING btree ("id") WHERE processed_at is null;--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "portal_posts_published_idx" ON "portal_posts" USING btree ("status","published_at");--> statement-breakpoint
CREATE INDEX "portal_posts_unit_idx" ON "portal_posts" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "resident_feedback_unit_idx" ON "resident_feedback" USING btree ("unit_id","created_at");