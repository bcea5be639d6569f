-- CreateEnum
CREATE TYPE "AttachmentKind" AS ENUM ('annotated_snapshot');

-- CreateTable
CREATE TABLE "FieldInvitation" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedById" TEXT,
    "acceptedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "FieldInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsultationAttachment" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "kind" "AttachmentKind" NOT NULL,
    "mime" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsultationAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VitalsReading" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "readingId" TEXT NOT NULL,
    "takenAt" TIMESTAMP(3) NOT NULL,
    "heartRate" DOUBLE PRECISION,
    "spo2" DOUBLE PRECISION,
    "systolic" DOUBLE PRECISION,
    "diastolic" DOUBLE PRECISION,
    "respiratoryRate" DOUBLE PRECISION,
    "temperature" DOUBLE PRECISION,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VitalsReading_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FieldInvitation_consultationId_idx" ON "FieldInvitation"("consultationId");

-- CreateIndex
CREATE INDEX "ConsultationAttachment_consultationId_createdAt_idx" ON "ConsultationAttachment"("consultationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "VitalsReading_readingId_key" ON "VitalsReading"("readingId");

-- CreateIndex
CREATE INDEX "VitalsReading_consultationId_takenAt_idx" ON "VitalsReading"("consultationId", "takenAt");

-- AddForeignKey
ALTER TABLE "FieldInvitation" ADD CONSTRAINT "FieldInvitation_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationAttachment" ADD CONSTRAINT "ConsultationAttachment_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VitalsReading" ADD CONSTRAINT "VitalsReading_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
