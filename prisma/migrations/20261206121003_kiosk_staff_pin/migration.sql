-- AlterTable
ALTER TABLE "Institution" ADD COLUMN     "kioskStaffPinHash" TEXT;
