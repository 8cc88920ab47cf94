-- CreateTable
CREATE TABLE "pipeline_checks" (
    "key" TEXT NOT NULL,
    "first_watched_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_ok_at" TIMESTAMP(3),
    "incident_id" TEXT,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "pipeline_checks_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "pipeline_checks_incident_id_key" ON "pipeline_checks"("incident_id");

-- AddForeignKey
ALTER TABLE "pipeline_checks" ADD CONSTRAINT "pipeline_checks_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE SET NULL ON UPDATE CASCADE;
