import { z } from 'zod';
import { haversineKm } from '../../matching/geo';
import type { Prisma } from './db/generated/client';
import type { Services } from './services';
import { KINDS } from '../lib/labels';
import { AppError } from './errors';

export const PAGE_SIZE = 12;

export const catalogueQuerySchema = z.object({
  type: z.enum(['competence', 'lieu', 'stage']).optional().catch(undefined),
  commune: z
    .string()
    .regex(/^30\d{3}$/)
    .optional()
    .catch(undefined),
  rayon: z.coerce.number().int().min(0).max(200).optional().catch(undefined),
  q: z.string().trim().max(120).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type CatalogueQuery = z.infer<typeof catalogueQuerySchema>;

const kindBySlug = { competence: 'COMPETENCE', lieu: 'LIEU', stage: 'STAGE' } as const;

async function catalogueWhere(services: Services, query: CatalogueQuery): Promise<Prisma.OfferWhereInput> {
  const where: Prisma.OfferWhereInput = { status: 'PUBLISHED' };
  if (query.type) where.kind = kindBySlug[query.type];
  if (query.commune) {
    const origin = await services.prisma.commune.findUnique({ where: { code: query.commune } });
    if (!origin) throw new AppError('VALIDATION', 'Commune inconnue.');
    if (query.rayon) {
      const communes = await services.prisma.commune.findMany({ select: { code: true, lat: true, lon: true } });
      where.communeCode = {
        in: communes.filter((commune) => haversineKm(origin, commune) <= (query.rayon ?? 0)).map((c) => c.code),
      };
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
