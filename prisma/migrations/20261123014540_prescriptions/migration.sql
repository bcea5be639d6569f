-- CreateEnum
CREATE TYPE "AntibioticGrade" AS ENUM ('unrestricted', 'restricted', 'special');

-- CreateEnum
CREATE TYPE "PrescriptionStatus" AS ENUM ('draft', 'signed', 'under_review', 'approved', 'rejected', 'dispensed', 'expired');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "antibioticPrivilege" "AntibioticGrade";

-- CreateTable
CREATE TABLE "Prescription" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "prescriberId" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "hisPatientId" TEXT NOT NULL,
    "patientName" TEXT NOT NULL,
    "patientSex" TEXT NOT NULL,
    "patientBirthDate" TEXT,
    "status" "PrescriptionStatus" NOT NULL DEFAULT 'draft',
    "revision" INTEGER NOT NULL DEFAULT 0,
    "diagnosis" TEXT NOT NULL DEFAULT '',
    "validityDays" INTEGER NOT NULL DEFAULT 1,
    "patientStatus" JSONB NOT NULL,
    "overrides" JSONB NOT NULL,
    "findings" JSONB NOT NULL,
    "checkedAt" TIMESTAMP(3),
    "checkError" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "signedAt" TIMESTAMP(3),
    "validUntil" TIMESTAMP(3),
    "submittedAt" TIMESTAMP(3),
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "reviewNote" TEXT,
    "rejectionReason" TEXT,
    "dispensedById" TEXT,
    "dispensedAt" TIMESTAMP(3),
    "expiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Prescription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PrescriptionItem" (
    "id" TEXT NOT NULL,
    "prescriptionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "medicationId" TEXT NOT NULL,
    "medicationCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "strength" TEXT NOT NULL,
    "doseValue" DOUBLE PRECISION NOT NULL,
    "doseUnit" TEXT NOT NULL,
    "frequency" TEXT NOT NULL,
    "route" TEXT NOT NULL,
    "days" INTEGER NOT NULL,
    "instructions" TEXT NOT NULL DEFAULT '',
    "unitsPerDose" DOUBLE PRECISION NOT NULL,
    "formUnit" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "quantityUnit" TEXT NOT NULL,
    "dispensedQuantity" INTEGER,
    "lot" TEXT,

    CONSTRAINT "PrescriptionItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PrescriptionVersion" (
    "id" TEXT NOT NULL,
    "prescriptionId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "canonical" TEXT NOT NULL,
    "jws" TEXT NOT NULL,
    "payloadHash" TEXT NOT NULL,
    "kid" TEXT NOT NULL,
    "signerId" TEXT NOT NULL,
    "signedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PrescriptionVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SigningKey" (
    "kid" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "publicJwk" JSONB NOT NULL,
    "ciphertext" TEXT NOT NULL,
    "iv" TEXT NOT NULL,
    "authTag" TEXT NOT NULL,
    "salt" TEXT NOT NULL,
    "kdf" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "SigningKey_pkey" PRIMARY KEY ("kid")
);

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "prescriptionId" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Prescription_number_key" ON "Prescription"("number");

-- CreateIndex
CREATE INDEX "Prescription_consultationId_idx" ON "Prescription"("consultationId");

-- CreateIndex
CREATE INDEX "Prescription_institutionId_status_idx" ON "Prescription"("institutionId", "status");

-- CreateIndex
CREATE INDEX "Prescription_status_validUntil_idx" ON "Prescription"("status", "validUntil");

-- CreateIndex
CREATE UNIQUE INDEX "PrescriptionItem_prescriptionId_position_key" ON "PrescriptionItem"("prescriptionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "PrescriptionVersion_prescriptionId_version_key" ON "PrescriptionVersion"("prescriptionId", "version");

-- CreateIndex
CREATE INDEX "SigningKey_userId_idx" ON "SigningKey"("userId");

-- CreateIndex
CREATE INDEX "IdempotencyRecord_createdAt_idx" ON "IdempotencyRecord"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "IdempotencyRecord_userId_key_key" ON "IdempotencyRecord"("userId", "key");

-- AddForeignKey
ALTER TABLE "PrescriptionItem" ADD CONSTRAINT "PrescriptionItem_prescriptionId_fkey" FOREIGN KEY ("prescriptionId") REFERENCES "Prescription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrescriptionVersion" ADD CONSTRAINT "PrescriptionVersion_prescriptionId_fkey" FOREIGN KEY ("prescriptionId") REFERENCES "Prescription"("id") ON DELETE CASCADE ON UPDATE CASCADE;
