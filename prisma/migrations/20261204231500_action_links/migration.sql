-- Slack interactivity requests already handled (replays are refused); pruned by age.
CREATE TABLE "chat_request_receipts" (
    "signature_hash" TEXT NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "chat_request_receipts_pkey" PRIMARY KEY ("signature_hash")
);

CREATE INDEX "chat_request_receipts_received_at_idx" ON "chat_request_receipts"("received_at");
