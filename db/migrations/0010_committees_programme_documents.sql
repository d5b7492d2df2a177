ALTER TABLE "committee_meetings" ADD COLUMN "cancelled_on" date;--> statement-breakpoint
ALTER TABLE "committee_meetings" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "team_members" ADD COLUMN "position" text;--> statement-breakpoint
ALTER TABLE "team_members" ADD COLUMN "organisation" text;--> statement-breakpoint
-- A reference to a document that is not in the registry stays as its free-text name only.
UPDATE "programme_documents" SET "document_id" = NULL WHERE "document_id" IS NOT NULL AND "document_id" NOT IN (SELECT "id" FROM "documents");--> statement-breakpoint
ALTER TABLE "programme_documents" ADD CONSTRAINT "programme_documents_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;