-- AlterTable
ALTER TABLE "silence_records" ADD COLUMN     "reminded_for_ends_at" TIMESTAMP(3);
