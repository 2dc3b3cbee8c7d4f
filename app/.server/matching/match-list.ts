import { kindLabels } from '../../lib/labels';
import { matchStatusLabels } from '../../lib/match-labels';
import { assertAccess, hasRole, organisationsWithRole } from '../auth/authorize';
import type { CurrentUser } from '../auth/session';
import { matchPartiesInclude, matchSideOf } from '../conventions/records';
import { toCsv } from '../csv-export';
import type { Prisma } from '../db/generated/client';
import type { MatchStatus } from '../db/generated/enums';
import { createdBetween, parseListFilters, type ListFilters } from '../list-filters';
import type { Services } from '../services';
import { sidesAwaited } from './match-decisions';

export const MATCH_LIST_PAGE_SIZE = 20;
const EXPORT_LIMIT = 10_000;

const matchStatuses = ['SUGGESTED', 'ACCEPTED_BY_NEED', 'ACCEPTED_BY_OFFER', 'ACCEPTED', 'DECLINED', 'CANCELLED'] as const satisfies readonly MatchStatus[];

export type MatchFilters = ListFilters<MatchStatus>;

export const parseMatchFilters = (services: Services, params: URLSearchParams) => parseListFilters(services, params, matchStatuses);

/** The matches on either side of which the person stands; all of them for the Mission ESS. */
export function matchesVisibleTo(user: CurrentUser): Prisma.MatchWhereInput {
  if (hasRole(user, 'MISSION_ESS_ADMIN')) return {};
  const structures = organisationsWithRole(user, 'STRUCTURE_MEMBER');
  const colleges = organisationsWithRole(user, 'COLLEGE_STAFF');
  const property = organisationsWithRole(user, 'PROPERTY_MANAGER');
  return {
    OR: [
      { need: { organisationId: { in: [...structures, ...colleges] } } },
      { kind: 'STAGE', offer: { organisationId: { in: structures } } },
      { kind: 'LIEU', offer: { organisationId: { in: property } } },
      { kind: 'COMPETENCE', offer: { skill: { agentId: user.id } } },
    ],
  };
}

function matchWhere(user: CurrentUser, filters: MatchFilters): Prisma.MatchWhereInput {
  const text = filters.q ? { contains: filters.q, mode: 'insensitive' as const } : null;
  const created = createdBetween(filters);
  return {
    AND: [
      matchesVisibleTo(user),
      filters.kind ? { kind: filters.kind } : {},
      filters.status ? { status: filters.status } : {},
      created ? { createdAt: created } : {},
      filters.commune ? { OR: [{ need: { communeCode: filters.commune } }, { offer: { communeCode: filters.commune } }] } : {},
      text
        ? {
            OR: [
              { need: { title: text } },
              { offer: { title: text } },
              { need: { organisation: { name: text } } },
              { offer: { organisation: { name: text } } },
              { conventions: { some: { reference: text } } },
            ],
          }
        : {},
    ],
  };
}

/** One page of the matches the person may see, filtered, most recently changed first. */
export async function searchMatches(services: Services, user: CurrentUser, filters: MatchFilters) {
  const where = matchWhere(user, filters);
  const [total, rows] = await Promise.all([
    services.prisma.match.count({ where }),
    services.prisma.match.findMany({
      where,
      orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
      skip: (filters.page - 1) * MATCH_LIST_PAGE_SIZE,
      take: MATCH_LIST_PAGE_SIZE,
      include: matchPartiesInclude,
    }),
  ]);
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / MATCH_LIST_PAGE_SIZE)),
    items: rows.map((match) => {
      const side = matchSideOf(user, match);
      return {
        id: match.id,
        kind: match.kind,
        status: match.status,
        needTitle: match.need.title,
        needOrganisation: match.need.organisation.name,
        offerTitle: match.offer.title,
        offerOrganisation: match.offer.organisation?.name ?? null,
        createdAt: match.createdAt.toISOString().slice(0, 10),
        awaitingMe: side !== null && sidesAwaited(match.status).includes(side),
      };
    }),
  };
}

/** The filtered list as a spreadsheet for the Mission ESS: organisations and places, never a person. */
export async function exportMatches(services: Services, user: CurrentUser, filters: MatchFilters) {
  assertAccess(user, { roles: ['MISSION_ESS_ADMIN'] });
  const rows = await services.prisma.match.findMany({
    where: matchWhere(user, filters),
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: EXPORT_LIMIT,
    select: {
      kind: true,
      status: true,
      score: true,
      createdAt: true,
      updatedAt: true,
      need: { select: { title: true, organisation: { select: { name: true } }, commune: { select: { name: true } } } },
      offer: { select: { title: true, organisation: { select: { name: true } }, commune: { select: { name: true } } } },
      conventions: { select: { reference: true }, orderBy: { createdAt: 'asc' } },
    },
  });
  const day = (date: Date) => date.toISOString().slice(0, 10);
  return toCsv(
    ['créée le', 'mise à jour le', 'type', 'état', 'score', 'besoin', 'porteur du besoin', 'commune du besoin', 'offre', 'porteur de l’offre', 'commune de l’offre', 'conventions'],
    rows.map((row) => [
      day(row.createdAt),
      day(row.updatedAt),
      kindLabels[row.kind].singular,
      matchStatusLabels[row.status],
      row.score.toFixed(3),
      row.need.title,
      row.need.organisation.name,
      row.need.commune.name,
      row.offer.title,
      row.offer.organisation?.name ?? null,
      row.offer.commune.name,
      row.conventions.map((convention) => convention.reference).join(', '),
    ]),
  );
}
