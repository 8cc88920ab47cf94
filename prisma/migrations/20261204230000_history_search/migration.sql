-- History search across alerts (lib/history): indexes for time ranges and label equality, and the set of
-- firings without a stored resolution, kept by a trigger.

-- CreateIndex
CREATE INDEX "alert_events_starts_at_idx" ON "alert_events"("starts_at");

-- CreateIndex
CREATE INDEX "alert_events_ends_at_idx" ON "alert_events"("ends_at");

-- CreateIndex
CREATE INDEX "alert_events_labels_idx" ON "alert_events" USING GIN ("labels" jsonb_path_ops);

-- CreateTable
CREATE TABLE "alert_open_firings" (
    "event_id" BIGINT NOT NULL,
    "starts_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "alert_open_firings_pkey" PRIMARY KEY ("event_id")
);

-- CreateIndex
CREATE INDEX "alert_open_firings_starts_at_idx" ON "alert_open_firings"("starts_at");

-- AddForeignKey
ALTER TABLE "alert_open_firings" ADD CONSTRAINT "alert_open_firings_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "alert_events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A firing enters the set when no resolution of it (same fingerprint and starts_at) is stored, and leaves
-- it when one is. One statement per INSERT (a transition table, not a row trigger), so the ingest's
-- batches of 10,000 events pay one join, not 10,000 look-ups. Under READ COMMITTED a firing and its
-- resolution inserted by concurrent transactions can leave the firing in the set: readers check.
CREATE FUNCTION "alert_open_firings_track"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "alert_open_firings" ("event_id", "starts_at")
  SELECT n."id", n."starts_at" FROM inserted n
  WHERE n."status" = 'firing'
    AND NOT EXISTS (
      SELECT 1 FROM "alert_events" r
      WHERE r."fingerprint" = n."fingerprint" AND r."starts_at" = n."starts_at" AND r."status" = 'resolved')
  ON CONFLICT DO NOTHING;
  DELETE FROM "alert_open_firings" o
  USING "alert_events" f, inserted n
  WHERE n."status" = 'resolved'
    AND f."fingerprint" = n."fingerprint" AND f."starts_at" = n."starts_at" AND f."status" = 'firing'
    AND o."event_id" = f."id";
  RETURN NULL;
END $$;

CREATE TRIGGER "alert_events_open_firings"
  AFTER INSERT ON "alert_events"
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION "alert_open_firings_track"();

-- The firings already stored without a resolution.
INSERT INTO "alert_open_firings" ("event_id", "starts_at")
SELECT f."id", f."starts_at" FROM "alert_events" f
WHERE f."status" = 'firing'
  AND NOT EXISTS (
    SELECT 1 FROM "alert_events" r
    WHERE r."fingerprint" = f."fingerprint" AND r."starts_at" = f."starts_at" AND r."status" = 'resolved');
