import { z } from 'zod';
import type { Prisma } from '../db/generated/client';
import { assertAccess } from '../auth/authorize';
import type { CurrentUser } from '../auth/session';
import { enqueuePrepared, prepareEmail } from '../email/outbox';
import { kindLabels, statusLabels } from '../../lib/labels';
import { toCsv } from '../csv-export';
import { AppError } from '../errors';
import { requiredReason } from '../reason';
import type { Services } from '../services';

export const PUBLICATIONS_PAGE_SIZE = 25;

const filtersSchema = z.object({
  type: z.enum(['offre', 'besoin']).catch('besoin'),
  kind: z.enum(['COMPETENCE', 'LIEU', 'STAGE']).optional().catch(undefined),
  status: z.enum(['PUBLISHED', 'ARCHIVED', 'PENDING_APPROVAL', 'DRAFT']).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).catch(1).default(1),
});

export type PublicationFilters = z.output<typeof filtersSchema>;
export const parsePublicationFilters = (params: URLSearchParams) => filtersSchema.parse(Object.fromEntries(params));

/** What offers and needs share in a search: kind, status and text in the title or description. */
function publicationWhere(filters: PublicationFilters) {
  return {
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.q ? { OR: [{ title: { contains: filters.q, mode: 'insensitive' as const } }, { description: { contains: filters.q, mode: 'insensitive' as const } }] } : {}),
  };
}

/** Offers or needs for moderation, newest first, filtered by kind, status and text. */
export async function listPublications(services: Services, user: CurrentUser, filters: PublicationFilters) {
  assertAccess(user, { roles: ['MISSION_ESS_ADMIN'] });
  const where = publicationWhere(filters);
  const select = { id: true, kind: true, title: true, status: true, createdAt: true, commune: { select: { name: true } }, organisation: { select: { name: true } }, owner: { select: { email: true } } } as const;
  const page = { orderBy: [{ createdAt: 'desc' as const }, { id: 'asc' as const }], skip: (filters.page - 1) * PUBLICATIONS_PAGE_SIZE, take: PUBLICATIONS_PAGE_SIZE };
  const [total, items] =
    filters.type === 'offre'
      ? await Promise.all([services.prisma.offer.count({ where: where as Prisma.OfferWhereInput }), services.prisma.offer.findMany({ where: where as Prisma.OfferWhereInput, select, ...page })])
      : await Promise.all([services.prisma.need.count({ where: where as Prisma.NeedWhereInput }), services.prisma.need.findMany({ where: where as Prisma.NeedWhereInput, select, ...page })]);
  return { total, pageCount: Math.max(1, Math.ceil(total / PUBLICATIONS_PAGE_SIZE)), items };
}

const EXPORT_LIMIT = 10_000;

/** The same search as a spreadsheet: organisations and places, never a person's name or email. */
export async function exportPublications(services: Services, user: CurrentUser, filters: PublicationFilters) {
  assertAccess(user, { roles: ['MISSION_ESS_ADMIN'] });
  const where = publicationWhere(filters);
  const select = { kind: true, title: true, status: true, createdAt: true, publishedAt: true, commune: { select: { name: true } }, organisation: { select: { name: true } } } as const;
  const order = { orderBy: [{ createdAt: 'asc' as const }, { id: 'asc' as const }], take: EXPORT_LIMIT };
  const rows =
    filters.type === 'offre'
      ? await services.prisma.offer.findMany({ where: where as Prisma.OfferWhereInput, select, ...order })
      : await services.prisma.need.findMany({ where: where as Prisma.NeedWhereInput, select, ...order });
  const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
  return toCsv(
    ['publication', 'type', 'intitulé', 'état', 'porteur', 'commune', 'créée le', 'publiée le'],
    rows.map((row) => [
      filters.type === 'offre' ? 'Offre' : 'Besoin',
      kindLabels[row.kind].singular,
      row.title,
      statusLabels[row.status],
      row.organisation?.name ?? null,
      row.commune.name,
      day(row.createdAt),
      day(row.publishedAt),
    ]),
  );
}

/**
 * Withdraws a published offer or need with a reason told to its author, or publishes it again. Suggestions and the
 * catalogue only ever show published items, so a withdrawal takes effect at once.
 */
export async function moderate(services: Services, user: CurrentUser, input: { type: unknown; id: unknown; action: unknown; reason: unknown }) {
  assertAccess(user, { roles: ['MISSION_ESS_ADMIN'] });
  const parsed = z
    .object({ type: z.enum(['offre', 'besoin']), id: z.string().min(1), action: z.enum(['withdraw', 'republish']) })
    .safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION', 'Demande de modération invalide.');
  const { type, id, action } = parsed.data;
  const reason = action === 'withdraw' ? requiredReason(input.reason) : null;
  const record =
    type === 'offre'
      ? await services.prisma.offer.findUnique({ where: { id }, include: { owner: true } })
      : await services.prisma.need.findUnique({ where: { id }, include: { owner: true } });
  if (!record) throw new AppError('NOT_FOUND', 'Cette publication n’existe pas.');
  const from = action === 'withdraw' ? 'PUBLISHED' : 'ARCHIVED';
  if (record.status !== from) throw new AppError('CONFLICT', action === 'withdraw' ? 'Seule une publication en ligne peut être retirée.' : 'Seule une publication retirée peut être republiée.');
  const now = services.clock.now();
  const email = reason
    ? await prepareEmail({
        dedupeKey: `publication-withdrawn:${id}:${now.getTime()}`,
        to: record.owner.email,
        template: 'publication-withdrawn',
        props: {
          recipientName: [record.owner.firstName, record.owner.lastName].filter(Boolean).join(' ') || undefined,
          title: record.title,
          reason,
          url: `${services.env.appUrl}/compte`,
        },
      })
    : null;
  await services.prisma.$transaction(async (tx) => {
    const data = action === 'withdraw' ? { status: 'ARCHIVED' as const } : { status: 'PUBLISHED' as const, publishedAt: now };
    const { count } = type === 'offre' ? await tx.offer.updateMany({ where: { id, status: from }, data }) : await tx.need.updateMany({ where: { id, status: from }, data });
    if (count === 0) throw new AppError('CONFLICT', 'Cette publication vient d’être modifiée : rechargez la page.');
    if (email) await enqueuePrepared(tx, email, services.clock);
    await tx.auditLog.create({
      data: { actorId: user.id, action: `publication.${action}`, targetType: type === 'offre' ? 'Offer' : 'Need', targetId: id, details: { reason }, at: now },
    });
  });
  return { status: action === 'withdraw' ? ('ARCHIVED' as const) : ('PUBLISHED' as const) };
}
