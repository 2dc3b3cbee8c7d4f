import { z } from 'zod';
import { formatDayFr, formatWeekFr, isoWeekOf } from '../../../matching/weeks';
import { kindLabels } from '../../lib/labels';
import { assertAccess } from '../auth/authorize';
import type { CurrentUser } from '../auth/session';
import type { Services } from '../services';
import { allocationLineId } from './individual-report';

/**
 * How the Mission ESS finds the result a request is about: a match by its address or by one of its conventions'
 * references; a pupil's allocation lines by collège and full name, as the family writes them (no list of pupils
 * is ever shown).
 */

const querySchema = z.object({
  q: z.string().trim().max(300).catch(''),
  college: z.string().trim().max(100).catch(''),
  lastName: z.string().trim().max(100).catch(''),
  firstName: z.string().trim().max(100).catch(''),
});

export interface FoundReport {
  href: string;
  label: string;
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[\s’'-]+/g, ' ')
    .trim()
    .toLowerCase();

const reportHref = (kind: 'mise-en-relation' | 'affectation', id: string) => `/admin/transparence/${kind}/${encodeURIComponent(id)}`;

/** « https://…/mises-en-relation/abc », « abc » or a convention reference. */
async function matchesFor(services: Services, q: string): Promise<FoundReport[]> {
  const id = q.split('?')[0]!.split('/').filter(Boolean).at(-1) ?? '';
  const matches = await services.prisma.match.findMany({
    where: { OR: [{ id }, { conventions: { some: { reference: { equals: q, mode: 'insensitive' } } } }] },
    include: { need: { select: { title: true } }, offer: { select: { title: true } } },
    take: 10,
  });
  return matches.map((match) => ({
    href: reportHref('mise-en-relation', match.id),
    label: `${kindLabels[match.kind].singular} : « ${match.need.title} » et « ${match.offer.title} »`,
  }));
}

async function pupilLinesFor(services: Services, collegeId: string, lastName: string, firstName: string): Promise<FoundReport[]> {
  const pupils = await services.prisma.pupil.findMany({
    where: { collegeId },
    select: { id: true, firstName: true, lastName: true },
  });
  const ids = pupils.filter((pupil) => fold(pupil.lastName) === fold(lastName) && fold(pupil.firstName) === fold(firstName)).map((pupil) => pupil.id);
  const lines = await services.prisma.allocationLine.findMany({
    where: { pupilId: { in: ids } },
    include: { allocation: { include: { need: { include: { internship: true } } } } },
    orderBy: { allocation: { createdAt: 'desc' } },
  });
  return lines.map((line) => {
    const { allocation } = line;
    const week = allocation.need.internship ? `, ${formatWeekFr(isoWeekOf(allocation.need.internship.week))}` : '';
    return {
      href: reportHref('affectation', allocationLineId(line.allocationId, line.pupilId)),
      label: `Affectation « ${allocation.need.title} »${week}, calculée le ${formatDayFr(allocation.createdAt)}${allocation.status === 'VALIDATED' ? ', validée' : allocation.status === 'DISCARDED' ? ', abandonnée' : ', non validée'}`,
    };
  });
}

export async function findReports(services: Services, user: CurrentUser, params: URLSearchParams) {
  assertAccess(user, { roles: ['MISSION_ESS_ADMIN'] });
  const query = querySchema.parse(Object.fromEntries(params));
  const colleges = await services.prisma.organisation.findMany({ where: { kind: 'COLLEGE' }, select: { id: true, name: true }, orderBy: { name: 'asc' } });
  const pupilSearch = query.college !== '' && query.lastName !== '' && query.firstName !== '';
  return {
    query,
    colleges,
    matches: query.q ? await matchesFor(services, query.q) : null,
    pupilLines: pupilSearch ? await pupilLinesFor(services, query.college, query.lastName, query.firstName) : null,
    pupilSearchIncomplete: !pupilSearch && (query.college !== '' || query.lastName !== '' || query.firstName !== ''),
  };
}
