-- CreateEnum
CREATE TYPE "JointOpinionStatus" AS ENUM ('draft', 'signing', 'final', 'superseded');

-- CreateTable
CREATE TABLE "ExpertOpinion" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "diagnoses" JSONB NOT NULL DEFAULT '[]',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExpertOpinion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JointOpinion" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "JointOpinionStatus" NOT NULL DEFAULT 'draft',
    "chairId" TEXT NOT NULL,
    "findings" TEXT NOT NULL DEFAULT '',
    "diagnoses" JSONB NOT NULL DEFAULT '[]',
    "treatment" TEXT NOT NULL DEFAULT '',
    "dissent" JSONB NOT NULL DEFAULT '[]',
    "revision" INTEGER NOT NULL DEFAULT 0,
    "canonical" TEXT,
    "payloadHash" TEXT,
    "requiredSigners" JSONB NOT NULL DEFAULT '[]',
    "submittedAt" TIMESTAMP(3),
    "finalAt" TIMESTAMP(3),
    "supersededAt" TIMESTAMP(3),
    "acknowledgedById" TEXT,
    "acknowledgedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JointOpinion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OpinionSignature" (
    "id" TEXT NOT NULL,
    "opinionId" TEXT NOT NULL,
    "signerId" TEXT NOT NULL,
    "kid" TEXT NOT NULL,
    "jws" TEXT NOT NULL,
    "signedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OpinionSignature_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ExpertOpinion_consultationId_authorId_key" ON "ExpertOpinion"("consultationId", "authorId");

-- CreateIndex
CREATE UNIQUE INDEX "JointOpinion_consultationId_version_key" ON "JointOpinion"("consultationId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "OpinionSignature_opinionId_signerId_key" ON "OpinionSignature"("opinionId", "signerId");

-- AddForeignKey
ALTER TABLE "ExpertOpinion" ADD CONSTRAINT "ExpertOpinion_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JointOpinion" ADD CONSTRAINT "JointOpinion_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpinionSignature" ADD CONSTRAINT "OpinionSignature_opinionId_fkey" FOREIGN KEY ("opinionId") REFERENCES "JointOpinion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
