-- CreateEnum
CREATE TYPE "JobKind" AS ENUM ('COHORT_ALLOCATION', 'REEMBEDDING');

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "AllocationStatus" AS ENUM ('PROPOSED', 'VALIDATED', 'DISCARDED');

-- CreateEnum
CREATE TYPE "ContentKind" AS ENUM ('CONVENTION_TEMPLATE', 'THESAURUS');

-- AlterTable
ALTER TABLE "PropertyOffer" ADD COLUMN     "callClosedAt" TIMESTAMP(3),
ADD COLUMN     "callOpenedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Pupil" ADD COLUMN     "interests" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "priority" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "OccupationDecision" (
    "id" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "matchId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "decidedOn" DATE NOT NULL,
    "reference" TEXT NOT NULL,
    "notes" TEXT,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OccupationDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL,
    "kind" "JobKind" NOT NULL,
    "status" "JobStatus" NOT NULL DEFAULT 'QUEUED',
    "organisationId" TEXT,
    "createdById" TEXT,
    "params" JSONB NOT NULL,
    "step" TEXT,
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "result" JSONB,
    "error" TEXT,
    "heartbeatAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Allocation" (
    "id" TEXT NOT NULL,
    "collegeId" TEXT NOT NULL,
    "needId" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "status" "AllocationStatus" NOT NULL DEFAULT 'PROPOSED',
    "stats" JSONB,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "validatedAt" TIMESTAMP(3),

    CONSTRAINT "Allocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AllocationLine" (
    "allocationId" TEXT NOT NULL,
    "pupilId" TEXT NOT NULL,
    "offerId" TEXT,
    "reasons" TEXT[],
    "adjusted" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "AllocationLine_pkey" PRIMARY KEY ("allocationId","pupilId")
);

-- CreateTable
CREATE TABLE "PublishedContent" (
    "id" TEXT NOT NULL,
    "kind" "ContentKind" NOT NULL,
    "key" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "publishedById" TEXT,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PublishedContent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OccupationDecision_matchId_key" ON "OccupationDecision"("matchId");

-- CreateIndex
CREATE INDEX "OccupationDecision_offerId_idx" ON "OccupationDecision"("offerId");

-- CreateIndex
CREATE INDEX "Job_status_idx" ON "Job"("status");

-- CreateIndex
CREATE INDEX "Job_organisationId_kind_idx" ON "Job"("organisationId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "Allocation_jobId_key" ON "Allocation"("jobId");

-- CreateIndex
CREATE INDEX "Allocation_collegeId_idx" ON "Allocation"("collegeId");

-- CreateIndex
CREATE INDEX "Allocation_needId_idx" ON "Allocation"("needId");

-- CreateIndex
CREATE INDEX "AllocationLine_offerId_idx" ON "AllocationLine"("offerId");

-- CreateIndex
CREATE UNIQUE INDEX "PublishedContent_kind_key_version_key" ON "PublishedContent"("kind", "key", "version");

-- AddForeignKey
ALTER TABLE "OccupationDecision" ADD CONSTRAINT "OccupationDecision_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "PropertyOffer"("offerId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OccupationDecision" ADD CONSTRAINT "OccupationDecision_matchId_fkey" FOREIGN KEY ("matchId") REFERENCES "Match"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_collegeId_fkey" FOREIGN KEY ("collegeId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationLine" ADD CONSTRAINT "AllocationLine_allocationId_fkey" FOREIGN KEY ("allocationId") REFERENCES "Allocation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationLine" ADD CONSTRAINT "AllocationLine_pupilId_fkey" FOREIGN KEY ("pupilId") REFERENCES "Pupil"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationLine" ADD CONSTRAINT "AllocationLine_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE SET NULL ON UPDATE CASCADE;
