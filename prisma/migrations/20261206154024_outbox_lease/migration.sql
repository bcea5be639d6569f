-- AlterTable
ALTER TABLE "OutboxJob" ADD COLUMN     "leaseOwner" TEXT,
ADD COLUMN     "leaseUntil" TIMESTAMP(3);
