-- AlterTable
ALTER TABLE "ConsultationNote" ADD COLUMN     "diagnoses" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "Prescription" ADD COLUMN     "diagnoses" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "reviewAcknowledged" JSONB;
