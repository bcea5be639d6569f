-- AlterTable
ALTER TABLE "Prescription" ADD COLUMN     "dispenseSameAsReviewer" BOOLEAN NOT NULL DEFAULT false;
