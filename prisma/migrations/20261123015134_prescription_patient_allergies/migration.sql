-- AlterTable
ALTER TABLE "Prescription" ADD COLUMN     "patientAllergies" JSONB;
