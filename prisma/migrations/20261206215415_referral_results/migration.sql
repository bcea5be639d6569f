-- CreateEnum
CREATE TYPE "ReferralResultKind" AS ENUM ('study', 'report');

-- CreateTable
CREATE TABLE "ReferralResult" (
    "id" TEXT NOT NULL,
    "referralId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "ReferralResultKind" NOT NULL,
    "ref" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "resultDate" TEXT,
    "validUntil" TEXT,

    CONSTRAINT "ReferralResult_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReferralResult_referralId_position_key" ON "ReferralResult"("referralId", "position");

-- AddForeignKey
ALTER TABLE "ReferralResult" ADD CONSTRAINT "ReferralResult_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE CASCADE ON UPDATE CASCADE;
