-- AlterTable
ALTER TABLE "AgentProfile" ADD COLUMN     "grade" TEXT;

-- AlterTable
ALTER TABLE "Commune" ADD COLUMN     "frrClassification" TEXT;

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "lat" DOUBLE PRECISION,
ADD COLUMN     "lon" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "PropertyOffer" ADD COLUMN     "lat" DOUBLE PRECISION,
ADD COLUMN     "lon" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "Pupil" ALTER COLUMN "birthDate" DROP NOT NULL;

-- AlterTable
ALTER TABLE "SpaceNeed" ADD COLUMN     "tiersLieu" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "QpvArea" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "communes" TEXT NOT NULL,
    "geometry" JSONB NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QpvArea_pkey" PRIMARY KEY ("code")
);
