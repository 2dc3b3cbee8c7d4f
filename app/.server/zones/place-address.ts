import { qpvOf, type QpvArea, type ZoneGeometry } from '../../../matching/zones';
import type { Prisma } from '../db/generated/client';

/**
 * Whether a point lies in one of the quartiers imported from the ANCT file; null when no coordinates were given
 * (the declared value then stands). The geometries were checked when imported.
 */
export async function inQpvAt(db: Prisma.TransactionClient, point: { lat: number | null; lon: number | null }): Promise<boolean | null> {
  if (point.lat === null || point.lon === null) return null;
  const rows = await db.qpvArea.findMany({ select: { code: true, name: true, communes: true, geometry: true } });
  const areas: QpvArea[] = rows.map((row) => ({ ...row, geometry: row.geometry as unknown as ZoneGeometry }));
  return qpvOf({ lat: point.lat, lon: point.lon }, areas) !== null;
}
