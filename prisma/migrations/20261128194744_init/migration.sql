-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "vector";

-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('STRUCTURE', 'COLLEGE', 'COUNCIL_SERVICE');

-- CreateEnum
CREATE TYPE "LegalForm" AS ENUM ('ASSOCIATION', 'SCIC', 'SCOP', 'COOPERATIVE', 'FONDATION', 'MUTUELLE', 'ENTREPRISE_ESUS');

-- CreateEnum
CREATE TYPE "SkillsEligibility" AS ENUM ('NONE', 'INTERET_GENERAL', 'ARUP', 'FONDATION');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('STRUCTURE_MEMBER', 'COUNCIL_AGENT', 'LINE_MANAGER', 'COLLEGE_STAFF', 'PROPERTY_MANAGER', 'MISSION_ESS_ADMIN');

-- CreateEnum
CREATE TYPE "AgentStatus" AS ENUM ('FONCTIONNAIRE', 'CONTRACTUEL');

-- CreateEnum
CREATE TYPE "MatchKind" AS ENUM ('COMPETENCE', 'LIEU', 'STAGE');

-- CreateEnum
CREATE TYPE "PublicationStatus" AS ENUM ('DRAFT', 'PENDING_APPROVAL', 'PUBLISHED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "ApprovalStatus" AS ENUM ('PENDING', 'APPROVED', 'REFUSED');

-- CreateEnum
CREATE TYPE "PropertyType" AS ENUM ('BUILDING', 'LAND', 'ROOFTOP');

-- CreateEnum
CREATE TYPE "PublicDomain" AS ENUM ('PUBLIC', 'PRIVATE');

-- CreateEnum
CREATE TYPE "PlacementMode" AS ENUM ('GROUP', 'INDIVIDUAL');

-- CreateEnum
CREATE TYPE "MatchStatus" AS ENUM ('SUGGESTED', 'ACCEPTED_BY_NEED', 'ACCEPTED_BY_OFFER', 'ACCEPTED', 'DECLINED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "Commune" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "postcodes" TEXT[],
    "population" INTEGER NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "lon" DOUBLE PRECISION NOT NULL,
    "frr" BOOLEAN NOT NULL DEFAULT false,
    "arrondissement" TEXT,
    "epciCode" TEXT,
    "epciName" TEXT,

    CONSTRAINT "Commune_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "kind" "OrganisationKind" NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT,
    "communeCode" TEXT,
    "inQpv" BOOLEAN NOT NULL DEFAULT false,
    "legalForm" "LegalForm",
    "siret" TEXT,
    "skillsEligibility" "SkillsEligibility" NOT NULL DEFAULT 'NONE',
    "eligibilityVerifiedAt" TIMESTAMP(3),
    "eligibilityVerifiedBy" TEXT,
    "uai" TEXT,
    "rep" BOOLEAN NOT NULL DEFAULT false,
    "repPlus" BOOLEAN NOT NULL DEFAULT false,
    "qpv" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "firstName" TEXT,
    "lastName" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastLoginAt" TIMESTAMP(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoleGrant" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "organisationId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoleGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgentProfile" (
    "userId" TEXT NOT NULL,
    "serviceId" TEXT,
    "jobTitle" TEXT,
    "status" "AgentStatus" NOT NULL,
    "lineManagerId" TEXT,
    "lineManagerEmail" TEXT,

    CONSTRAINT "AgentProfile_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginToken" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "redirectTo" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "LoginToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Offer" (
    "id" TEXT NOT NULL,
    "kind" "MatchKind" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "status" "PublicationStatus" NOT NULL DEFAULT 'DRAFT',
    "organisationId" TEXT,
    "ownerId" TEXT NOT NULL,
    "communeCode" TEXT NOT NULL,
    "availableFrom" DATE,
    "availableUntil" DATE,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "embedding" vector,
    "embeddingModel" TEXT,
    "embeddedAt" TIMESTAMP(3),

    CONSTRAINT "Offer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SkillOffer" (
    "offerId" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "skills" TEXT[],
    "hoursPerMonth" INTEGER NOT NULL,
    "radiusKm" INTEGER NOT NULL,
    "remote" BOOLEAN NOT NULL DEFAULT false,
    "managerApproval" "ApprovalStatus" NOT NULL DEFAULT 'PENDING',
    "managerDecisionAt" TIMESTAMP(3),
    "managerRefusal" TEXT,

    CONSTRAINT "SkillOffer_pkey" PRIMARY KEY ("offerId")
);

-- CreateTable
CREATE TABLE "PropertyOffer" (
    "offerId" TEXT NOT NULL,
    "propertyType" "PropertyType" NOT NULL,
    "address" TEXT NOT NULL,
    "communeCode" TEXT NOT NULL,
    "inQpv" BOOLEAN NOT NULL DEFAULT false,
    "surfaceM2" INTEGER NOT NULL,
    "floor" INTEGER,
    "stepFreeAccess" BOOLEAN NOT NULL,
    "domain" "PublicDomain" NOT NULL DEFAULT 'PRIVATE',
    "free" BOOLEAN NOT NULL,
    "yearlyFeeCents" INTEGER,
    "counterparts" TEXT,
    "callDeadline" TIMESTAMP(3),

    CONSTRAINT "PropertyOffer_pkey" PRIMARY KEY ("offerId")
);

-- CreateTable
CREATE TABLE "PropertyPhoto" (
    "id" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "alt" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PropertyPhoto_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InternshipOffer" (
    "offerId" TEXT NOT NULL,
    "activities" TEXT[],
    "weeks" DATE[],
    "capacityPerWeek" INTEGER NOT NULL,
    "maxGroupSize" INTEGER NOT NULL,
    "tutorName" TEXT NOT NULL,
    "tutorRole" TEXT,
    "wheelchairAccessible" BOOLEAN NOT NULL DEFAULT false,
    "accessibilityNotes" TEXT,

    CONSTRAINT "InternshipOffer_pkey" PRIMARY KEY ("offerId")
);

-- CreateTable
CREATE TABLE "Need" (
    "id" TEXT NOT NULL,
    "kind" "MatchKind" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "status" "PublicationStatus" NOT NULL DEFAULT 'DRAFT',
    "organisationId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "communeCode" TEXT NOT NULL,
    "maxDistanceKm" INTEGER NOT NULL,
    "availableFrom" DATE,
    "availableUntil" DATE,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "embedding" vector,
    "embeddingModel" TEXT,
    "embeddedAt" TIMESTAMP(3),

    CONSTRAINT "Need_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SkillNeed" (
    "needId" TEXT NOT NULL,
    "skills" TEXT[],
    "hoursPerMonth" INTEGER,
    "remoteOk" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "SkillNeed_pkey" PRIMARY KEY ("needId")
);

-- CreateTable
CREATE TABLE "SpaceNeed" (
    "needId" TEXT NOT NULL,
    "propertyTypes" "PropertyType"[],
    "minSurfaceM2" INTEGER NOT NULL,
    "stepFreeRequired" BOOLEAN NOT NULL DEFAULT false,
    "intendedUse" TEXT,

    CONSTRAINT "SpaceNeed_pkey" PRIMARY KEY ("needId")
);

-- CreateTable
CREATE TABLE "SpaceNeedMember" (
    "needId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,

    CONSTRAINT "SpaceNeedMember_pkey" PRIMARY KEY ("needId","organisationId")
);

-- CreateTable
CREATE TABLE "InternshipNeed" (
    "needId" TEXT NOT NULL,
    "week" DATE NOT NULL,
    "pupilCount" INTEGER NOT NULL,
    "mode" "PlacementMode" NOT NULL,
    "interests" TEXT[],

    CONSTRAINT "InternshipNeed_pkey" PRIMARY KEY ("needId")
);

-- CreateTable
CREATE TABLE "Match" (
    "id" TEXT NOT NULL,
    "kind" "MatchKind" NOT NULL,
    "needId" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "explanation" TEXT[],
    "status" "MatchStatus" NOT NULL DEFAULT 'SUGGESTED',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Match_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MatchStatusChange" (
    "id" TEXT NOT NULL,
    "matchId" TEXT NOT NULL,
    "from" "MatchStatus",
    "to" "MatchStatus" NOT NULL,
    "actorId" TEXT,
    "reason" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MatchStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT,
    "details" JSONB,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "providerMessageId" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxEmail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_siret_key" ON "Organisation"("siret");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_uai_key" ON "Organisation"("uai");

-- CreateIndex
CREATE INDEX "Organisation_kind_idx" ON "Organisation"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "RoleGrant_organisationId_idx" ON "RoleGrant"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "RoleGrant_userId_role_organisationId_key" ON "RoleGrant"("userId", "role", "organisationId");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "LoginToken_tokenHash_key" ON "LoginToken"("tokenHash");

-- CreateIndex
CREATE INDEX "LoginToken_email_idx" ON "LoginToken"("email");

-- CreateIndex
CREATE INDEX "Offer_kind_status_idx" ON "Offer"("kind", "status");

-- CreateIndex
CREATE INDEX "Offer_communeCode_idx" ON "Offer"("communeCode");

-- CreateIndex
CREATE INDEX "Offer_embeddingModel_idx" ON "Offer"("embeddingModel");

-- CreateIndex
CREATE UNIQUE INDEX "PropertyPhoto_storageKey_key" ON "PropertyPhoto"("storageKey");

-- CreateIndex
CREATE INDEX "PropertyPhoto_offerId_idx" ON "PropertyPhoto"("offerId");

-- CreateIndex
CREATE INDEX "Need_kind_status_idx" ON "Need"("kind", "status");

-- CreateIndex
CREATE INDEX "Need_organisationId_idx" ON "Need"("organisationId");

-- CreateIndex
CREATE INDEX "Need_embeddingModel_idx" ON "Need"("embeddingModel");

-- CreateIndex
CREATE INDEX "Match_offerId_idx" ON "Match"("offerId");

-- CreateIndex
CREATE INDEX "Match_status_idx" ON "Match"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Match_needId_offerId_key" ON "Match"("needId", "offerId");

-- CreateIndex
CREATE INDEX "MatchStatusChange_matchId_idx" ON "MatchStatusChange"("matchId");

-- CreateIndex
CREATE INDEX "AuditLog_targetType_targetId_idx" ON "AuditLog"("targetType", "targetId");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEmail_dedupeKey_key" ON "OutboxEmail"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxEmail_status_nextAttemptAt_idx" ON "OutboxEmail"("status", "nextAttemptAt");

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_communeCode_fkey" FOREIGN KEY ("communeCode") REFERENCES "Commune"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleGrant" ADD CONSTRAINT "RoleGrant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleGrant" ADD CONSTRAINT "RoleGrant_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgentProfile" ADD CONSTRAINT "AgentProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgentProfile" ADD CONSTRAINT "AgentProfile_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgentProfile" ADD CONSTRAINT "AgentProfile_lineManagerId_fkey" FOREIGN KEY ("lineManagerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_communeCode_fkey" FOREIGN KEY ("communeCode") REFERENCES "Commune"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SkillOffer" ADD CONSTRAINT "SkillOffer_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SkillOffer" ADD CONSTRAINT "SkillOffer_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PropertyOffer" ADD CONSTRAINT "PropertyOffer_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PropertyOffer" ADD CONSTRAINT "PropertyOffer_communeCode_fkey" FOREIGN KEY ("communeCode") REFERENCES "Commune"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PropertyPhoto" ADD CONSTRAINT "PropertyPhoto_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "PropertyOffer"("offerId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InternshipOffer" ADD CONSTRAINT "InternshipOffer_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Need" ADD CONSTRAINT "Need_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Need" ADD CONSTRAINT "Need_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Need" ADD CONSTRAINT "Need_communeCode_fkey" FOREIGN KEY ("communeCode") REFERENCES "Commune"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SkillNeed" ADD CONSTRAINT "SkillNeed_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpaceNeed" ADD CONSTRAINT "SpaceNeed_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpaceNeedMember" ADD CONSTRAINT "SpaceNeedMember_needId_fkey" FOREIGN KEY ("needId") REFERENCES "SpaceNeed"("needId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpaceNeedMember" ADD CONSTRAINT "SpaceNeedMember_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InternshipNeed" ADD CONSTRAINT "InternshipNeed_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Match" ADD CONSTRAINT "Match_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Match" ADD CONSTRAINT "Match_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MatchStatusChange" ADD CONSTRAINT "MatchStatusChange_matchId_fkey" FOREIGN KEY ("matchId") REFERENCES "Match"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
