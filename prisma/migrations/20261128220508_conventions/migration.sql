-- CreateEnum
CREATE TYPE "ConventionStatus" AS ENUM ('DRAFT', 'READY_TO_SIGN', 'PARTIALLY_SIGNED', 'SIGNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED', 'REJECTED');

-- CreateEnum
CREATE TYPE "SignatoryRole" AS ENUM ('DEPARTEMENT', 'HOST', 'AGENT', 'OCCUPANT', 'COLLEGE', 'PUPIL', 'LEGAL_REPRESENTATIVE', 'TUTOR', 'REFERENT_TEACHER');

-- CreateEnum
CREATE TYPE "SignatureMethod" AS ENUM ('ONLINE', 'PAPER');

-- CreateEnum
CREATE TYPE "LinkPurpose" AS ENUM ('SIGN', 'SURVEY', 'DOWNLOAD');

-- CreateTable
CREATE TABLE "Pupil" (
    "id" TEXT NOT NULL,
    "collegeId" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "className" TEXT NOT NULL,
    "birthDate" DATE NOT NULL,
    "legalRepEmail" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "lastActivityAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "anonymisedAt" TIMESTAMP(3),

    CONSTRAINT "Pupil_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Convention" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "verificationCode" TEXT NOT NULL,
    "kind" "MatchKind" NOT NULL,
    "matchId" TEXT NOT NULL,
    "pupilId" TEXT,
    "status" "ConventionStatus" NOT NULL DEFAULT 'DRAFT',
    "templateId" TEXT NOT NULL,
    "templateVersion" TEXT NOT NULL,
    "templateSha256" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "terms" JSONB NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "amendsId" TEXT,
    "amendmentNumber" INTEGER,
    "amendmentSummary" TEXT,
    "finalPdfKey" TEXT,
    "finalPdfSha256" TEXT,
    "signedAt" TIMESTAMP(3),
    "statusReason" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Convention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConventionVersion" (
    "id" TEXT NOT NULL,
    "conventionId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "pdfKey" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "voidedAt" TIMESTAMP(3),
    "voidReason" TEXT,

    CONSTRAINT "ConventionVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Signatory" (
    "id" TEXT NOT NULL,
    "conventionId" TEXT NOT NULL,
    "role" "SignatoryRole" NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "capacity" TEXT,
    "organisationId" TEXT,
    "userId" TEXT,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Signatory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Signature" (
    "id" TEXT NOT NULL,
    "signatoryId" TEXT NOT NULL,
    "versionNumber" INTEGER NOT NULL,
    "method" "SignatureMethod" NOT NULL,
    "typedName" TEXT,
    "signedAt" TIMESTAMP(3) NOT NULL,
    "documentSha256" TEXT NOT NULL,
    "ipHash" TEXT,
    "userAgent" TEXT,
    "scanKey" TEXT,
    "scanContentType" TEXT,
    "recordedById" TEXT,
    "voidedAt" TIMESTAMP(3),
    "voidReason" TEXT,

    CONSTRAINT "Signature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConventionLink" (
    "id" TEXT NOT NULL,
    "signatoryId" TEXT NOT NULL,
    "purpose" "LinkPurpose" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "versionNumber" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "ConventionLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL,
    "conventionId" TEXT NOT NULL,
    "signatoryId" TEXT NOT NULL,
    "role" "SignatoryRole" NOT NULL,
    "score" INTEGER NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SurveyResponse_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Pupil_collegeId_idx" ON "Pupil"("collegeId");

-- CreateIndex
CREATE UNIQUE INDEX "Convention_reference_key" ON "Convention"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "Convention_verificationCode_key" ON "Convention"("verificationCode");

-- CreateIndex
CREATE UNIQUE INDEX "Convention_finalPdfSha256_key" ON "Convention"("finalPdfSha256");

-- CreateIndex
CREATE INDEX "Convention_matchId_idx" ON "Convention"("matchId");

-- CreateIndex
CREATE INDEX "Convention_status_idx" ON "Convention"("status");

-- CreateIndex
CREATE INDEX "Convention_pupilId_idx" ON "Convention"("pupilId");

-- CreateIndex
CREATE INDEX "ConventionVersion_sha256_idx" ON "ConventionVersion"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "ConventionVersion_conventionId_number_key" ON "ConventionVersion"("conventionId", "number");

-- CreateIndex
CREATE INDEX "Signatory_conventionId_idx" ON "Signatory"("conventionId");

-- CreateIndex
CREATE INDEX "Signatory_email_idx" ON "Signatory"("email");

-- CreateIndex
CREATE INDEX "Signature_signatoryId_idx" ON "Signature"("signatoryId");

-- CreateIndex
CREATE UNIQUE INDEX "ConventionLink_tokenHash_key" ON "ConventionLink"("tokenHash");

-- CreateIndex
CREATE INDEX "ConventionLink_signatoryId_purpose_idx" ON "ConventionLink"("signatoryId", "purpose");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyResponse_signatoryId_key" ON "SurveyResponse"("signatoryId");

-- CreateIndex
CREATE INDEX "SurveyResponse_conventionId_idx" ON "SurveyResponse"("conventionId");

-- AddForeignKey
ALTER TABLE "Pupil" ADD CONSTRAINT "Pupil_collegeId_fkey" FOREIGN KEY ("collegeId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Convention" ADD CONSTRAINT "Convention_matchId_fkey" FOREIGN KEY ("matchId") REFERENCES "Match"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Convention" ADD CONSTRAINT "Convention_pupilId_fkey" FOREIGN KEY ("pupilId") REFERENCES "Pupil"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Convention" ADD CONSTRAINT "Convention_amendsId_fkey" FOREIGN KEY ("amendsId") REFERENCES "Convention"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConventionVersion" ADD CONSTRAINT "ConventionVersion_conventionId_fkey" FOREIGN KEY ("conventionId") REFERENCES "Convention"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signatory" ADD CONSTRAINT "Signatory_conventionId_fkey" FOREIGN KEY ("conventionId") REFERENCES "Convention"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signature" ADD CONSTRAINT "Signature_signatoryId_fkey" FOREIGN KEY ("signatoryId") REFERENCES "Signatory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConventionLink" ADD CONSTRAINT "ConventionLink_signatoryId_fkey" FOREIGN KEY ("signatoryId") REFERENCES "Signatory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_conventionId_fkey" FOREIGN KEY ("conventionId") REFERENCES "Convention"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_signatoryId_fkey" FOREIGN KEY ("signatoryId") REFERENCES "Signatory"("id") ON DELETE CASCADE ON UPDATE CASCADE;
