-- CreateEnum
CREATE TYPE "MdtMeetingStatus" AS ENUM ('scheduled', 'running', 'ended');

-- CreateEnum
CREATE TYPE "MdtCaseStatus" AS ENUM ('queued', 'current', 'done');

-- CreateTable
CREATE TABLE "MdtBoard" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "departmentId" TEXT,
    "weekday" INTEGER NOT NULL,
    "startTime" TEXT NOT NULL,
    "caseMinutes" INTEGER NOT NULL,
    "chairId" TEXT NOT NULL,
    "memberIds" TEXT[],
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MdtBoard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MdtMeeting" (
    "id" TEXT NOT NULL,
    "boardId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "status" "MdtMeetingStatus" NOT NULL DEFAULT 'scheduled',
    "startedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "revision" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MdtMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MdtCase" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "hisPatientId" TEXT NOT NULL,
    "patientLabel" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "minutes" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "status" "MdtCaseStatus" NOT NULL DEFAULT 'queued',
    "consultationId" TEXT NOT NULL,
    "addedById" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3),
    "doneAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MdtCase_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MdtBoard_institutionId_idx" ON "MdtBoard"("institutionId");

-- CreateIndex
CREATE UNIQUE INDEX "MdtMeeting_boardId_date_key" ON "MdtMeeting"("boardId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "MdtCase_consultationId_key" ON "MdtCase"("consultationId");

-- CreateIndex
CREATE INDEX "MdtCase_meetingId_position_idx" ON "MdtCase"("meetingId", "position");

-- CreateIndex
CREATE INDEX "MdtCase_institutionId_idx" ON "MdtCase"("institutionId");

-- AddForeignKey
ALTER TABLE "MdtMeeting" ADD CONSTRAINT "MdtMeeting_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "MdtBoard"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MdtCase" ADD CONSTRAINT "MdtCase_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "MdtMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MdtCase" ADD CONSTRAINT "MdtCase_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
