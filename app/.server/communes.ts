import { haversineKm } from '../../matching/geo';
import type { PrismaClient } from './db/generated/client';

/**
 * Codes of the communes whose centroid lies within `km` of a point. Distances in Passerelles are between commune
 * centroids, so this is an exact filter on the indexed commune code, computed with the engine's own formula.
 */
export async function communesWithin(prisma: PrismaClient, origin: { lat: number; lon: number }, km: number): Promise<string[]> {
  const communes = await prisma.commune.findMany({ select: { code: true, lat: true, lon: true } });
  return communes.filter((commune) => haversineKm(origin, commune) <= km).map((commune) => commune.code);
}
