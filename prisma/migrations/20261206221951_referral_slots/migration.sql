-- AlterTable
ALTER TABLE "Referral" ADD COLUMN     "slotId" TEXT;

-- CreateTable
CREATE TABLE "ReferralSlot" (
    "id" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "kind" "ReferralKind" NOT NULL,
    "examType" "ExamType",
    "startsAt" TIMESTAMP(3) NOT NULL,
    "place" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "booked" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReferralSlot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReferralSlot_departmentId_kind_startsAt_idx" ON "ReferralSlot"("departmentId", "kind", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReferralSlot_departmentId_kind_startsAt_place_key" ON "ReferralSlot"("departmentId", "kind", "startsAt", "place");

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "ReferralSlot"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A slot is never overbooked, whatever the code does.
ALTER TABLE "ReferralSlot" ADD CONSTRAINT "ReferralSlot_booked_within_capacity" CHECK ("booked" >= 0 AND "booked" <= "capacity");
