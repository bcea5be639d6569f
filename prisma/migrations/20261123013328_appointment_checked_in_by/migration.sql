-- AlterTable
ALTER TABLE "Appointment" ADD COLUMN     "checkedInById" TEXT;
