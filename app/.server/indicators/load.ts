import { z } from 'zod';
import type { ConventionStatus } from '../../../matching/conventions/lifecycle';
import { KINDS, type Kind } from '../../lib/labels';
import type { Services } from '../services';
import { parseIndicatorFilters, type ParsedIndicatorFilters } from './filters';
import { dayOf } from './period';
import { reportFromRows, type IndicatorFilters, type IndicatorReport } from './report';
import { territoryOptions } from './territory';
import type { CommuneRow, ConventionRow, IndicatorRows } from './types';

/** What the indicators read of a skills convention's terms; anything else in the terms is left alone. */
const skillsTerms = z.object({ hoursPerMonth: z.number().optional(), activities: z.string().optional() });

function readCommunes(services: Services): Promise<CommuneRow[]> {
  return services.prisma.commune.findMany({
    select: { code: true, name: true, arrondissement: true, epciCode: true, epciName: true, frr: true },
    orderBy: { code: 'asc' },
  });
}

/**
 * The rows behind the indicators of the chosen kinds, in one place. Period and territory are applied by the pure
 * functions (report.ts and the modules it calls) so that each definition lives in one place only.
 */
async function loadIndicatorRows(services: Services, kinds: readonly Kind[], communes: CommuneRow[]): Promise<IndicatorRows> {
  const { prisma } = services;
  const kindIn = { kind: { in: [...kinds] } };
  const [properties, conventions, pupils, colleges, needs, matches] = await Promise.all([
    kinds.includes('LIEU')
      ? prisma.propertyOffer.findMany({
          select: { offerId: true, propertyType: true, surfaceM2: true, communeCode: true, offer: { select: { status: true, publishedAt: true } } },
        })
      : [],
    prisma.convention.findMany({
      where: kindIn,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        reference: true,
        kind: true,
        status: true,
        amendsId: true,
        startDate: true,
        endDate: true,
        createdAt: true,
        signedAt: true,
        terms: true,
        pupil: { select: { id: true, priority: true } },
        signatories: { select: { role: true } },
        surveys: { select: { role: true, score: true } },
        match: {
          select: {
            need: {
              select: {
                id: true,
                publishedAt: true,
                communeCode: true,
                organisationId: true,
                organisation: { select: { name: true } },
                internship: { select: { mode: true } },
                space: { select: { tiersLieu: true } },
              },
            },
            offer: {
              select: {
                id: true,
                communeCode: true,
                organisationId: true,
                organisation: { select: { name: true } },
                skill: { select: { agentId: true, agent: { select: { agentProfile: { select: { grade: true } } } } } },
              },
            },
          },
        },
      },
    }),
    kinds.includes('STAGE') ? prisma.pupil.findMany({ select: { id: true, collegeId: true, createdAt: true, anonymisedAt: true } }) : [],
    kinds.includes('STAGE')
      ? prisma.organisation.findMany({ where: { kind: 'COLLEGE' }, select: { id: true, name: true, communeCode: true, rep: true, repPlus: true, qpv: true } })
      : [],
    prisma.need.findMany({ where: { ...kindIn, publishedAt: { not: null } }, select: { id: true, kind: true, communeCode: true, publishedAt: true } }),
    prisma.match.findMany({
      where: kindIn,
      select: { id: true, kind: true, status: true, createdAt: true, need: { select: { communeCode: true } }, offer: { select: { communeCode: true } } },
    }),
  ]);
  return {
    communes,
    properties: properties.map(({ offer, ...property }) => ({ ...property, status: offer.status, publishedAt: offer.publishedAt })),
    conventions: conventions.map((row): ConventionRow => {
      const { need, offer } = row.match;
      const terms = row.kind === 'COMPETENCE' ? skillsTerms.safeParse(row.terms) : null;
      return {
        id: row.id,
        reference: row.reference,
        kind: row.kind,
        status: row.status as ConventionStatus,
        amendsId: row.amendsId,
        start: dayOf(row.startDate),
        end: dayOf(row.endDate),
        createdAt: row.createdAt,
        signedAt: row.signedAt,
        hoursPerMonth: terms?.success ? (terms.data.hoursPerMonth ?? null) : null,
        activities: terms?.success ? terms.data.activities?.trim() || null : null,
        need: {
          id: need.id,
          publishedAt: need.publishedAt,
          communeCode: need.communeCode,
          organisationId: need.organisationId,
          organisationName: need.organisation.name,
          mode: need.internship?.mode ?? null,
          tiersLieu: need.space?.tiersLieu ?? false,
        },
        offer: { id: offer.id, communeCode: offer.communeCode, organisationId: offer.organisationId, organisationName: offer.organisation?.name ?? null },
        agent: offer.skill ? { id: offer.skill.agentId, grade: offer.skill.agent.agentProfile?.grade ?? null } : null,
        pupil: row.pupil,
        signatoryRoles: row.signatories.map((signatory) => signatory.role),
        surveys: row.surveys,
      };
    }),
    pupils,
    colleges,
    needs,
    matches: matches.map(({ need, offer, ...match }) => ({ ...match, needCommuneCode: need.communeCode, offerCommuneCode: offer.communeCode })),
  };
}

/**
 * Every indicator of the plan for a year, a territory and a kind, computed from the database as it is now.
 * Throws AppError('VALIDATION') when the territory does not exist.
 */
export async function computeIndicators(services: Services, filters: IndicatorFilters): Promise<IndicatorReport> {
  const communes = await readCommunes(services);
  const kinds = filters.kind ? [filters.kind] : [...KINDS];
  const rows = await loadIndicatorRows(services, kinds, communes);
  return reportFromRows(rows, filters, dayOf(services.clock.now()));
}

/** The filters read from the address (bad values ignored, with warnings) and the territories the form offers. */
export async function readIndicatorFilters(services: Services, params: URLSearchParams): Promise<ParsedIndicatorFilters & { territories: ReturnType<typeof territoryOptions> }> {
  const communes = await readCommunes(services);
  return { ...parseIndicatorFilters(params, communes, dayOf(services.clock.now())), territories: territoryOptions(communes) };
}
