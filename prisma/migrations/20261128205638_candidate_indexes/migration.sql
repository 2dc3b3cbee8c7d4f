-- DropIndex
DROP INDEX "Need_kind_status_idx";

-- DropIndex
DROP INDEX "Offer_kind_status_idx";

-- CreateIndex
CREATE INDEX "Need_kind_status_communeCode_idx" ON "Need"("kind", "status", "communeCode");

-- CreateIndex
CREATE INDEX "Offer_kind_status_communeCode_idx" ON "Offer"("kind", "status", "communeCode");
