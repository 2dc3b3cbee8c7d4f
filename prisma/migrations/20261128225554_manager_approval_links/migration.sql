-- CreateTable
CREATE TABLE "ManagerApprovalLink" (
    "id" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "ManagerApprovalLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ManagerApprovalLink_tokenHash_key" ON "ManagerApprovalLink"("tokenHash");

-- CreateIndex
CREATE INDEX "ManagerApprovalLink_offerId_idx" ON "ManagerApprovalLink"("offerId");

-- AddForeignKey
ALTER TABLE "ManagerApprovalLink" ADD CONSTRAINT "ManagerApprovalLink_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "SkillOffer"("offerId") ON DELETE CASCADE ON UPDATE CASCADE;
