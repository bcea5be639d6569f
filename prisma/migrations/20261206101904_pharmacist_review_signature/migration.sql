-- AlterTable
ALTER TABLE "Prescription" ADD COLUMN     "reviewJws" TEXT,
ADD COLUMN     "reviewKid" TEXT;
