-- A page to a person names the contact method it goes to (lib/escalation/record.ts); a method deleted
-- later leaves the page's history, without its method.
ALTER TABLE "notifications" ADD COLUMN "contact_method_id" TEXT;
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_contact_method_id_fkey" FOREIGN KEY ("contact_method_id") REFERENCES "contact_methods"("id") ON DELETE SET NULL ON UPDATE CASCADE;
