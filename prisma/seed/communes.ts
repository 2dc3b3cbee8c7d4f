import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AppError } from '../../app/.server/errors';
import { Prisma } from '../../app/.server/db/generated/client';
import type { Db } from './builders';

export const COMMUNES_FILE = fileURLToPath(new URL('../data/communes-gard.json', import.meta.url));

const gardCode = z.string().regex(/^30\d{3}$/);

const communeSchema = z.object({
  code: gardCode,
  name: z.string().trim().min(1),
  postcodes: z.array(gardCode).min(1),
  population: z.number().int().nonnegative(),
  lat: z.number().min(43.4).max(44.5),
  lon: z.number().min(3.2).max(4.9),
  arrondissement: z
    .string()
    .regex(/^30\d$/)
    .nullable(),
  epciCode: z
    .string()
    .regex(/^\d{9}$/)
    .nullable(),
  epciName: z.string().min(1).nullable(),
});

const communesSchema = z
  .array(communeSchema)
  .min(1)
  .refine((communes) => new Set(communes.map((commune) => commune.code)).size === communes.length, 'codes INSEE en double');

export type CommuneRecord = z.infer<typeof communeSchema>;

export function parseCommunes(json: string): CommuneRecord[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new AppError('VALIDATION', "Le fichier des communes n'est pas un JSON valide.", { cause: error });
  }
  const result = communesSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
    throw new AppError('VALIDATION', `Le fichier des communes est invalide${where} : ${issue?.message ?? 'format inattendu'}.`, {
      cause: result.error,
    });
  }
  return result.data;
}

/**
 * Inserts or refreshes the Gard communes in one statement (atomic, and fast on PGlite).
 * `frr` is left alone: it comes from another source than the commune file.
 */
export async function loadCommunes(db: Db, options: { file?: string } = {}): Promise<number> {
  const communes = parseCommunes(fs.readFileSync(options.file ?? COMMUNES_FILE, 'utf8'));
  await db.$executeRaw(Prisma.sql`
    INSERT INTO "Commune" ("code", "name", "postcodes", "population", "lat", "lon", "arrondissement", "epciCode", "epciName")
    SELECT "code", "name", "postcodes", "population", "lat", "lon", "arrondissement", "epciCode", "epciName"
    FROM jsonb_to_recordset(${JSON.stringify(communes)}::jsonb) AS c(
      "code" text, "name" text, "postcodes" text[], "population" integer, "lat" double precision, "lon" double precision,
      "arrondissement" text, "epciCode" text, "epciName" text
    )
    ON CONFLICT ("code") DO UPDATE SET
      "name" = EXCLUDED."name",
      "postcodes" = EXCLUDED."postcodes",
      "population" = EXCLUDED."population",
      "lat" = EXCLUDED."lat",
      "lon" = EXCLUDED."lon",
      "arrondissement" = EXCLUDED."arrondissement",
      "epciCode" = EXCLUDED."epciCode",
      "epciName" = EXCLUDED."epciName"`);
  return communes.length;
}
