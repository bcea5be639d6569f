-- CreateEnum
CREATE TYPE "ConsultationRequestStatus" AS ENUM ('pending', 'accepted', 'declined');

-- AlterEnum
ALTER TYPE "AppointmentStatus" ADD VALUE 'consent_declined';

-- AlterTable
ALTER TABLE "Appointment" ADD COLUMN     "hisNumber" TEXT,
ADD COLUMN     "hisVerifiedAt" TIMESTAMP(3),
ADD COLUMN     "patientBirthDate" TEXT,
ADD COLUMN     "patientSex" TEXT,
ADD COLUMN     "telemedicineConsentAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Consultation" ADD COLUMN     "breakGlassReason" TEXT,
ADD COLUMN     "requestId" TEXT;

-- CreateTable
CREATE TABLE "ConsultationRequest" (
    "id" TEXT NOT NULL,
    "hisPatientId" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "expertId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "ConsultationRequestStatus" NOT NULL DEFAULT 'pending',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "ConsultationRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConsultationRequest_expertId_status_idx" ON "ConsultationRequest"("expertId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Consultation_requestId_key" ON "Consultation"("requestId");

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ConsultationRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Backfill: an appointment whose latest telemedicine consent was granted keeps it standing.
UPDATE "Appointment" AS a SET "telemedicineConsentAt" = c."recordedAt"
FROM (
  SELECT DISTINCT ON ("appointmentId") "appointmentId", "granted", "recordedAt"
  FROM "Consent" WHERE "kind" = 'telemedicine'
  ORDER BY "appointmentId", "recordedAt" DESC
) AS c
WHERE c."appointmentId" = a."id" AND c."granted";
