-- Personal notification rules (issue 16.2): "after N minutes, use method M", per urgency, per person.
-- A rule names one of the person's contact methods, or `builtin` push (their browsers) or email (their
-- account's address).
CREATE TABLE "notification_rules" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "urgency" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "delay_seconds" INTEGER NOT NULL,
    "contact_method_id" TEXT,
    "builtin" TEXT,
    CONSTRAINT "notification_rules_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "notification_rules_urgency_check" CHECK ("urgency" IN ('high', 'low')),
    CONSTRAINT "notification_rules_target_check" CHECK (
      ("contact_method_id" IS NOT NULL AND "builtin" IS NULL)
      OR ("contact_method_id" IS NULL AND "builtin" IN ('push', 'email'))),
    CONSTRAINT "notification_rules_delay_check" CHECK ("delay_seconds" >= 0)
);
CREATE UNIQUE INDEX "notification_rules_user_id_urgency_position_key" ON "notification_rules"("user_id", "urgency", "position");
ALTER TABLE "notification_rules" ADD CONSTRAINT "notification_rules_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "notification_rules" ADD CONSTRAINT "notification_rules_contact_method_id_fkey" FOREIGN KEY ("contact_method_id") REFERENCES "contact_methods"("id") ON DELETE CASCADE ON UPDATE CASCADE;
