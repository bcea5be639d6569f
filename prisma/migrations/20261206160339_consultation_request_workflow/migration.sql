-- CreateEnum
CREATE TYPE "RequestUrgency" AS ENUM ('urgent', 'routine');

-- AlterEnum: pending → submitted, accepted → scheduled (existing rows keep their meaning)
BEGIN;
CREATE TYPE "ConsultationRequestStatus_new" AS ENUM ('submitted', 'time_proposed', 'scheduled', 'declined', 'cancelled');
ALTER TABLE "ConsultationRequest" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "ConsultationRequest" ALTER COLUMN "status" TYPE "ConsultationRequestStatus_new" USING (
  CASE "status"::text WHEN 'pending' THEN 'submitted' WHEN 'accepted' THEN 'scheduled' ELSE "status"::text END
)::"ConsultationRequestStatus_new";
ALTER TYPE "ConsultationRequestStatus" RENAME TO "ConsultationRequestStatus_old";
ALTER TYPE "ConsultationRequestStatus_new" RENAME TO "ConsultationRequestStatus";
DROP TYPE "ConsultationRequestStatus_old";
ALTER TABLE "ConsultationRequest" ALTER COLUMN "status" SET DEFAULT 'submitted';
COMMIT;

-- DropIndex
DROP INDEX "ConsultationRequest_expertId_status_idx";

-- AlterTable: the new fields, the old reason becomes the summary, the named expert the wanted list
ALTER TABLE "ConsultationRequest" RENAME COLUMN "reason" TO "summary";
ALTER TABLE "ConsultationRequest" RENAME COLUMN "decidedAt" TO "respondedAt";
ALTER TABLE "ConsultationRequest" ADD COLUMN     "decidedById" TEXT,
ADD COLUMN     "declineReason" TEXT,
ADD COLUMN     "departmentId" TEXT,
ADD COLUMN     "preferredTimes" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "proposedAt" TIMESTAMP(3),
ADD COLUMN     "proposedExpertIds" TEXT[],
ADD COLUMN     "question" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "reportIds" TEXT[],
ADD COLUMN     "scheduledAt" TIMESTAMP(3),
ADD COLUMN     "studyUids" TEXT[],
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "urgency" "RequestUrgency" NOT NULL DEFAULT 'routine',
ADD COLUMN     "wantedExpertIds" TEXT[];
UPDATE "ConsultationRequest" SET "wantedExpertIds" = ARRAY["expertId"];
ALTER TABLE "ConsultationRequest" DROP COLUMN "expertId";
ALTER TABLE "ConsultationRequest" ALTER COLUMN "question" DROP DEFAULT;
ALTER TABLE "ConsultationRequest" ALTER COLUMN "updatedAt" DROP DEFAULT;

-- CreateIndex
CREATE INDEX "ConsultationRequest_status_urgency_idx" ON "ConsultationRequest"("status", "urgency");

-- CreateIndex
CREATE INDEX "ConsultationRequest_institutionId_createdAt_idx" ON "ConsultationRequest"("institutionId", "createdAt");

-- AddForeignKey
ALTER TABLE "ConsultationRequest" ADD CONSTRAINT "ConsultationRequest_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationRequest" ADD CONSTRAINT "ConsultationRequest_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
