import { z } from 'zod';
import type { Prisma } from './db/generated/client';
import type { Services } from './services';
import { KINDS } from '../lib/labels';
import { communesWithin } from './communes';
import { AppError } from './errors';

export const PAGE_SIZE = 12;

const filterSchemas = {
  type: z.enum(['competence', 'lieu', 'stage'], { error: 'Le type d’offre demandé n’existe pas' }),
  commune: z.string().regex(/^30\d{3}$/, { error: 'La commune doit être un code INSEE du Gard (30xxx)' }),
  rayon: z.coerce.number({ error: 'Le rayon doit être un nombre de kilomètres' }).int().min(1).max(200, {
    error: 'Le rayon ne peut dépasser 200 km',
  }),
  q: z.string().trim().min(1).max(120, { error: 'Les mots-clés sont limités à 120 caractères' }),
  page: z.coerce.number({ error: 'Le numéro de page doit être un nombre entier positif' }).int().min(1).max(10_000),
};

export interface CatalogueQuery {
  type?: z.infer<typeof filterSchemas.type>;
  commune?: string;
  rayon?: number;
  q?: string;
  page: number;
}

/** Filters come from the address bar: an invalid one is ignored and the page says so, in French. */
export function parseCatalogueQuery(params: URLSearchParams): { query: CatalogueQuery; warnings: string[] } {
  const warnings: string[] = [];
  const read = <K extends keyof typeof filterSchemas>(key: K): z.infer<(typeof filterSchemas)[K]> | undefined => {
    const raw = params.get(key);
    if (raw === null || raw.trim() === '') return undefined;
    const parsed = filterSchemas[key].safeParse(raw);
    if (parsed.success) return parsed.data as z.infer<(typeof filterSchemas)[K]>;
    warnings.push(`${parsed.error.issues[0]?.message ?? 'Filtre invalide'} : ce filtre a été ignoré.`);
    return undefined;
  };
  return {
    query: { type: read('type'), commune: read('commune'), rayon: read('rayon'), q: read('q'), page: read('page') ?? 1 },
    warnings,
  };
}

const kindBySlug = { competence: 'COMPETENCE', lieu: 'LIEU', stage: 'STAGE' } as const;

async function catalogueWhere(services: Services, query: CatalogueQuery): Promise<Prisma.OfferWhereInput> {
  const where: Prisma.OfferWhereInput = { status: 'PUBLISHED' };
  if (query.type) where.kind = kindBySlug[query.type];
  if (query.commune) {
    const origin = await services.prisma.commune.findUnique({ where: { code: query.commune } });
    if (!origin) throw new AppError('VALIDATION', `La commune ${query.commune} n’existe pas dans le Gard.`);
    if (query.rayon) {
      where.communeCode = { in: await communesWithin(services.prisma, origin, query.rayon) };
    } else {
      where.communeCode = origin.code;
    }
  }
  if (query.q) {
    where.OR = [
      { title: { contains: query.q, mode: 'insensitive' } },
      { description: { contains: query.q, mode: 'insensitive' } },
    ];
  }
  return where;
}

/** Published offers only, and only public facts: never a person's name or email. */
export async function searchPublishedOffers(services: Services, query: CatalogueQuery) {
  const where = await catalogueWhere(services, query);
  const [total, byCommune, offers] = await Promise.all([
    services.prisma.offer.count({ where }),
    services.prisma.offer.groupBy({ by: ['communeCode'], where, _count: { _all: true } }),
    services.prisma.offer.findMany({
      where,
      orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        kind: true,
        title: true,
        description: true,
        publishedAt: true,
        commune: { select: { name: true } },
        organisation: { select: { name: true, kind: true } },
      },
    }),
  ]);
  const communes = await services.prisma.commune.findMany({
    where: { code: { in: byCommune.map((row) => row.communeCode) } },
    select: { code: true, name: true, lat: true, lon: true },
  });
  return {
    total,
    mapPoints: communes.map((commune) => ({
      ...commune,
      count: byCommune.find((row) => row.communeCode === commune.code)?._count._all ?? 0,
    })),
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    offers: offers.map((offer) => ({
      id: offer.id,
      kind: offer.kind,
      title: offer.title,
      summary: offer.description.length > 220 ? `${offer.description.slice(0, 217)}…` : offer.description,
      communeName: offer.commune.name,
      organisationName: offer.organisation?.name ?? null,
    })),
  };
}

export async function getPublicOffer(services: Services, id: string) {
  const offer = await services.prisma.offer.findFirst({
    where: { id, status: 'PUBLISHED' },
    include: {
      commune: { select: { name: true, code: true } },
      organisation: { select: { name: true, kind: true } },
      skill: { select: { skills: true, hoursPerMonth: true, radiusKm: true, remote: true } },
      property: {
        select: {
          propertyType: true,
          surfaceM2: true,
          floor: true,
          stepFreeAccess: true,
          free: true,
          yearlyFeeCents: true,
          counterparts: true,
          callDeadline: true,
          domain: true,
          photos: { select: { id: true, alt: true }, orderBy: { position: 'asc' } },
        },
      },
      internship: {
        select: {
          activities: true,
          weeks: true,
          capacityPerWeek: true,
          maxGroupSize: true,
          wheelchairAccessible: true,
          accessibilityNotes: true,
        },
      },
    },
  });
  if (!offer) throw new AppError('NOT_FOUND', 'Cette offre n’existe pas ou n’est plus publiée.');
  return {
    id: offer.id,
    kind: offer.kind,
    title: offer.title,
    description: offer.description,
    commune: offer.commune,
    organisationName: offer.organisation?.name ?? null,
    availableFrom: offer.availableFrom,
    availableUntil: offer.availableUntil,
    skill: offer.skill,
    property: offer.property,
    internship: offer.internship,
  };
}

/** Live counts for the home page: published offers and open needs by kind. */
export async function countsByKind(services: Services) {
  const [offers, needs] = await Promise.all([
    services.prisma.offer.groupBy({ by: ['kind'], where: { status: 'PUBLISHED' }, _count: { _all: true } }),
    services.prisma.need.groupBy({ by: ['kind'], where: { status: 'PUBLISHED' }, _count: { _all: true } }),
  ]);
  return KINDS.map((kind) => ({
    kind,
    offers: offers.find((row) => row.kind === kind)?._count._all ?? 0,
    needs: needs.find((row) => row.kind === kind)?._count._all ?? 0,
  }));
}

export async function listCommunes(services: Services) {
  return services.prisma.commune.findMany({ select: { code: true, name: true }, orderBy: { name: 'asc' } });
}
