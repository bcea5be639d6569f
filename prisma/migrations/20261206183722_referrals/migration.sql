-- CreateEnum
CREATE TYPE "ReferralKind" AS ENUM ('outpatient', 'admission', 'exam');

-- CreateEnum
CREATE TYPE "ExamType" AS ENUM ('ct', 'mri', 'pet_ct', 'endoscopy');

-- CreateEnum
CREATE TYPE "ReferralStatus" AS ENUM ('requested', 'booked', 'declined', 'completed', 'cancelled');

-- CreateEnum
CREATE TYPE "FollowUpKind" AS ENUM ('medication', 'check', 'rehab');

-- CreateTable
CREATE TABLE "Referral" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "hisPatientId" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "kind" "ReferralKind" NOT NULL,
    "examType" "ExamType",
    "reason" TEXT NOT NULL,
    "urgency" "RequestUrgency" NOT NULL,
    "summary" TEXT NOT NULL,
    "status" "ReferralStatus" NOT NULL DEFAULT 'requested',
    "declineReason" TEXT,
    "slotAt" TIMESTAMP(3),
    "place" TEXT,
    "preparation" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUpPlan" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "hisPatientId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "acknowledgedById" TEXT,
    "acknowledgedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FollowUpPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUpItem" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "FollowUpKind" NOT NULL,
    "text" TEXT NOT NULL,
    "dueDate" TEXT NOT NULL,
    "doneAt" TIMESTAMP(3),
    "doneById" TEXT,

    CONSTRAINT "FollowUpItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Referral_status_createdAt_idx" ON "Referral"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Referral_institutionId_createdAt_idx" ON "Referral"("institutionId", "createdAt");

-- CreateIndex
CREATE INDEX "Referral_consultationId_idx" ON "Referral"("consultationId");

-- CreateIndex
CREATE INDEX "FollowUpPlan_consultationId_idx" ON "FollowUpPlan"("consultationId");

-- CreateIndex
CREATE UNIQUE INDEX "FollowUpItem_planId_position_key" ON "FollowUpItem"("planId", "position");

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpPlan" ADD CONSTRAINT "FollowUpPlan_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpItem" ADD CONSTRAINT "FollowUpItem_planId_fkey" FOREIGN KEY ("planId") REFERENCES "FollowUpPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;
