-- CreateTable
CREATE TABLE "maintenance_windows" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "matchers" TEXT NOT NULL,
    "first_start" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL,
    "duration_seconds" INTEGER NOT NULL,
    "rrule" TEXT NOT NULL DEFAULT '',
    "clusters" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "comment" TEXT NOT NULL,
    "lead_seconds" INTEGER NOT NULL DEFAULT 3600,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "paused_at" TIMESTAMP(3),

    CONSTRAINT "maintenance_windows_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "maintenance_occurrences" (
    "id" TEXT NOT NULL,
    "window_id" TEXT NOT NULL,
    "cluster" TEXT NOT NULL,
    "starts_at" TIMESTAMP(3) NOT NULL,
    "ends_at" TIMESTAMP(3) NOT NULL,
    "silence_id" TEXT,
    "locked_until" TIMESTAMP(3),
    "last_error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "maintenance_occurrences_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "maintenance_windows_name_key" ON "maintenance_windows"("name");

-- CreateIndex
CREATE INDEX "maintenance_occurrences_silence_id_idx" ON "maintenance_occurrences"("silence_id");

-- CreateIndex
CREATE UNIQUE INDEX "maintenance_occurrences_window_id_cluster_starts_at_key" ON "maintenance_occurrences"("window_id", "cluster", "starts_at");

-- AddForeignKey
ALTER TABLE "maintenance_windows" ADD CONSTRAINT "maintenance_windows_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "maintenance_occurrences" ADD CONSTRAINT "maintenance_occurrences_window_id_fkey" FOREIGN KEY ("window_id") REFERENCES "maintenance_windows"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand: an occurrence covers a non-empty interval.
ALTER TABLE "maintenance_occurrences" ADD CONSTRAINT "maintenance_occurrences_interval" CHECK ("ends_at" > "starts_at");
