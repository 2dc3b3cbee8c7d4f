import { z } from 'zod';
import type { Need, Offer, Place, Pupil } from './types';
import { isIsoWeek } from './weeks';

/**
 * The JSON exchange format: bulk import of offers and needs, and the command-line ranking and allocation.
 * Fields are optional unless a hard constraint needs them.
 */
const id = z.string().trim().min(1).max(100);
const text = z.string().trim().max(5_000);
const commune = z.string().regex(/^\d[\dAB]\d{3}$/, { error: 'code INSEE attendu (ex. 30189)' });
const isoDate = z.iso.date({ error: 'date attendue au format AAAA-MM-JJ' });
const isoWeek = z.string().refine(isIsoWeek, { error: 'semaine ISO attendue (ex. 2027-W07 ; W53 seulement les années qui en ont une)' });
const distance = z.number().min(0).max(1_000);
const propertyKind = z.enum(['batiment', 'terrain', 'toiture']);
const words = z.array(z.string().trim().min(1).max(200)).max(50);

const offerBase = { id, title: text.min(1), description: text.default(''), commune, availableFrom: isoDate.optional(), availableTo: isoDate.optional() };
const needBase = { id, title: text.min(1), description: text.default(''), commune, maxDistanceKm: distance, from: isoDate.optional(), to: isoDate.optional() };

export const exchangeOfferSchema = z.discriminatedUnion('kind', [
  z.object({ ...offerBase, kind: z.literal('competence'), skills: words.optional(), radiusKm: distance.optional(), remote: z.boolean().default(false) }),
  z.object({
    ...offerBase,
    kind: z.literal('lieu'),
    propertyType: propertyKind,
    surfaceM2: z.number().positive().max(10_000_000),
    accessiblePMR: z.boolean().default(false),
  }),
  z.object({
    ...offerBase,
    kind: z.literal('stage'),
    activities: words.optional(),
    weeks: z.array(isoWeek).min(1).max(60),
    capacity: z.number().int().min(0).max(100),
    groupMax: z.number().int().min(1).max(100).optional(),
  }),
]);

export const exchangeNeedSchema = z.discriminatedUnion('kind', [
  z.object({ ...needBase, kind: z.literal('competence'), requesterEligibleMecenat: z.boolean(), skills: words.optional() }),
  z.object({
    ...needBase,
    kind: z.literal('lieu'),
    propertyTypes: z.array(propertyKind).min(1),
    minSurfaceM2: z.number().min(0).max(10_000_000).default(0),
    needsPMR: z.boolean().default(false),
  }),
  z.object({
    ...needBase,
    kind: z.literal('stage'),
    week: isoWeek,
    pupils: z.number().int().min(1).max(100).default(1),
    group: z.boolean().default(false),
    interests: words.optional(),
    priority: z.boolean().default(false),
  }),
]);

export const exchangePupilSchema = z.object({
  id,
  commune,
  week: isoWeek,
  maxDistanceKm: distance,
  interests: z.string().trim().max(1_000).default(''),
  wishes: z.array(id).max(20).optional(),
  priority: z.boolean().default(false),
});

function uniqueIds(items: { id: string }[], ctx: z.RefinementCtx, path: string) {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [path, index, 'id'], message: `identifiant en double : ${item.id}` });
    seen.add(item.id);
  });
}

export const exchangeFileSchema = z
  .object({
    offers: z.array(exchangeOfferSchema).max(200_000).default([]),
    needs: z.array(exchangeNeedSchema).max(200_000).default([]),
    pupils: z.array(exchangePupilSchema).max(200_000).default([]),
  })
  .superRefine((file, ctx) => {
    uniqueIds(file.offers, ctx, 'offers');
    uniqueIds(file.needs, ctx, 'needs');
    uniqueIds(file.pupils, ctx, 'pupils');
  });

export type ExchangeFile = z.output<typeof exchangeFileSchema>;
export type ExchangeOffer = z.output<typeof exchangeOfferSchema>;
export type ExchangeNeed = z.output<typeof exchangeNeedSchema>;

/** `offers[1].surfaceM2 : …` — every problem, each naming its field. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.reduce<string>(
      (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
      '',
    );
    return `${where || '(fichier)'} : ${issue.message}`;
  });
}

export class ExchangeFormatError extends Error {
  constructor(readonly problems: string[]) {
    super(`Fichier d’échange invalide :\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ExchangeFormatError';
  }
}

/** Validates an already-parsed JSON value; throws ExchangeFormatError listing every problem. */
export function parseExchangeFile(value: unknown): ExchangeFile {
  const result = exchangeFileSchema.safeParse(value);
  if (!result.success) throw new ExchangeFormatError(describeIssues(result.error));
  return result.data;
}

/** Turns commune codes into places; an unknown commune is an error naming the field. */
export function toEngine(file: ExchangeFile, communes: ReadonlyMap<string, Place>): { offers: Offer[]; needs: Need[]; pupils: Pupil[] } {
  const problems: string[] = [];
  const place = (code: string, where: string): Place => {
    const found = communes.get(code);
    if (!found) problems.push(`${where}.commune : commune inconnue dans le Gard (${code})`);
    return found ?? { code, name: code, lat: 0, lon: 0 };
  };
  const offers: Offer[] = file.offers.map((offer, index) => {
    const { commune: code, ...rest } = offer;
    return { ...rest, place: place(code, `offers[${index}]`) };
  });
  const needs: Need[] = file.needs.map((need, index) => {
    const { commune: code, ...rest } = need;
    return { ...rest, place: place(code, `needs[${index}]`) };
  });
  const pupils: Pupil[] = file.pupils.map((pupil, index) => {
    const { commune: code, ...rest } = pupil;
    return { ...rest, place: place(code, `pupils[${index}]`) };
  });
  if (problems.length) throw new ExchangeFormatError(problems);
  return { offers, needs, pupils };
}
