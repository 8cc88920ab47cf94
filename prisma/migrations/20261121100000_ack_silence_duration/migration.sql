-- AlterTable
ALTER TABLE "acknowledgements" ADD COLUMN     "silence_seconds" INTEGER;
