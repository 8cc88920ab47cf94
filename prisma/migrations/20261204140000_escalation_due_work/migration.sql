-- AlterTable
ALTER TABLE "incidents" ADD COLUMN     "escalation_round" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "next_escalation_at" TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP;

-- Backfill: the column's default gave every existing incident "due now". Only open incidents that
-- were never acknowledged stay due (the first escalation pass computes their real next time). Open
-- incidents with an acknowledgement were reopened under the old rules, which never escalated a
-- reopened incident; they stay unarmed rather than page at upgrade time (the next reopen re-arms).
UPDATE "incidents" SET "next_escalation_at" = NULL
WHERE "status" <> 'open' OR "acknowledged_at" IS NOT NULL;

-- CreateIndex
CREATE INDEX "incidents_next_escalation_at_idx" ON "incidents"("next_escalation_at");
