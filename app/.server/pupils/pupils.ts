import { assertAccess } from '../auth/authorize';
import type { CurrentUser } from '../auth/session';
import { AppError } from '../errors';
import type { Services } from '../services';
import { CsvSyntaxError, parseCsv } from './csv';
import { pupilKey, readPupilRows } from './pupil-rows';

export const PUPILS_PAGE_SIZE = 50;
export const MAX_PUPIL_FILE_BYTES = 1024 * 1024;

const collegeStaffOnly = (user: CurrentUser, collegeId: string) =>
  // Pupils are minors: their collège only (the Mission ESS sees them through conventions, never as a list).
  assertAccess(user, { roles: ['COLLEGE_STAFF'], organisationId: collegeId });

/** A name or a class as searched: no accents, no case, punctuation as spaces (« Jean-Noël » is found by « jean noel »). */
const searchable = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The pupils whose name, either way round, or class contains the folded search. */
async function pupilIdsMatching(services: Services, where: { collegeId: string; anonymisedAt: null }, wanted: string): Promise<string[]> {
  const rows = await services.prisma.pupil.findMany({ where, select: { id: true, lastName: true, firstName: true, className: true } });
  return rows
    .filter((pupil) => [`${pupil.lastName} ${pupil.firstName}`, `${pupil.firstName} ${pupil.lastName}`, pupil.className].some((text) => searchable(text).includes(wanted)))
    .map((pupil) => pupil.id);
}

/**
 * The collège's pupils, a page at a time; `search` keeps those whose name (« Martin Inès » or « Inès Martin ») or
 * class contains it, accents and case aside. A collège lists a few hundred pupils: their names are folded and compared
 * here, as the search is (PostgreSQL ignores accents only with the unaccent extension, which the database does not load).
 */
export async function listPupils(services: Services, user: CurrentUser, collegeId: string, { page, search }: { page: number; search: string }) {
  collegeStaffOnly(user, collegeId);
  const listed = { collegeId, anonymisedAt: null };
  const wanted = searchable(search);
  const [total, matching] = await Promise.all([services.prisma.pupil.count({ where: listed }), wanted ? pupilIdsMatching(services, listed, wanted) : null]);
  const pupils = await services.prisma.pupil.findMany({
    where: matching ? { ...listed, id: { in: matching } } : listed,
    orderBy: [{ className: 'asc' }, { lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }],
    skip: (page - 1) * PUPILS_PAGE_SIZE,
    take: PUPILS_PAGE_SIZE,
    select: {
      id: true,
      lastName: true,
      firstName: true,
      className: true,
      birthDate: true,
      priority: true,
      conventions: { where: { status: { notIn: ['CANCELLED', 'REJECTED'] } }, select: { id: true, reference: true, status: true } },
    },
  });
  const found = matching?.length ?? total;
  return { total, found, pageCount: Math.max(1, Math.ceil(found / PUPILS_PAGE_SIZE)), pupils };
}

/**
 * Imports a class list: every row is checked first, and the file is refused as a whole, with one message per bad
 * line, if any row is wrong or if a pupil is already on the collège's list. Nothing is half-imported.
 */
export async function importPupils(services: Services, user: CurrentUser, collegeId: string, file: { text: string; size: number } | null) {
  collegeStaffOnly(user, collegeId);
  if (!file || file.size === 0) throw new AppError('VALIDATION', 'Aucun élève importé.', { fieldErrors: { file: ['Choisissez un fichier CSV.'] } });
  if (file.size > MAX_PUPIL_FILE_BYTES) throw new AppError('VALIDATION', 'Aucun élève importé.', { fieldErrors: { file: ['Le fichier dépasse 1 Mo.'] } });
  let rows;
  try {
    rows = parseCsv(file.text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new AppError('VALIDATION', 'Aucun élève importé.', { fieldErrors: { file: [error.message] } });
    throw error;
  }
  const now = services.clock.now();
  const { pupils, errors } = readPupilRows(rows, now);
  const existing = await services.prisma.pupil.findMany({
    where: { collegeId, anonymisedAt: null, birthDate: { not: null } },
    select: { lastName: true, firstName: true, birthDate: true },
  });
  const known = new Set(existing.flatMap((pupil) => (pupil.birthDate ? [pupilKey({ ...pupil, birthDate: pupil.birthDate })] : [])));
  for (const pupil of pupils) {
    if (known.has(pupilKey(pupil))) errors.push(`Ligne ${pupil.line} : ${pupil.firstName} ${pupil.lastName} figure déjà dans la liste du collège.`);
  }
  if (errors.length) {
    errors.sort((a, b) => Number(/\d+/.exec(a)?.[0] ?? 0) - Number(/\d+/.exec(b)?.[0] ?? 0));
    throw new AppError('VALIDATION', `Aucun élève importé : ${errors.length} ligne(s) à corriger.`, { fieldErrors: { file: errors } });
  }
  await services.prisma.$transaction(async (tx) => {
    await tx.pupil.createMany({
      data: pupils.map(({ line: _line, ...pupil }) => ({ ...pupil, collegeId, createdAt: now, lastActivityAt: now })),
    });
    await tx.auditLog.create({ data: { actorId: user.id, action: 'pupils.imported', targetType: 'Organisation', targetId: collegeId, details: { count: pupils.length }, at: now } });
  });
  return { imported: pupils.length };
}

/**
 * Removes a pupil from the collège's list. Drafts are cancelled with them; a convention out for signature or signed
 * is a legal record: cancel it first, or wait for the retention period to anonymise it.
 */
export async function deletePupil(services: Services, user: CurrentUser, collegeId: string, pupilId: string) {
  collegeStaffOnly(user, collegeId);
  const pupil = await services.prisma.pupil.findFirst({ where: { id: pupilId, collegeId }, include: { conventions: true } });
  if (!pupil) throw new AppError('NOT_FOUND', 'Cet élève ne figure pas dans la liste du collège.');
  const binding = pupil.conventions.filter((c) => !['DRAFT', 'CANCELLED', 'REJECTED'].includes(c.status));
  if (binding.length) {
    throw new AppError(
      'CONFLICT',
      `${pupil.firstName} ${pupil.lastName} a une convention envoyée ou signée (${binding.map((c) => c.reference).join(', ')}) : annulez-la d’abord ; une convention signée est conservée puis anonymisée à la fin de la durée de conservation.`,
    );
  }
  const now = services.clock.now();
  await services.prisma.$transaction(async (tx) => {
    await tx.convention.updateMany({ where: { pupilId, status: 'DRAFT' }, data: { status: 'CANCELLED', statusReason: 'Élève retiré de la liste du collège' } });
    await tx.pupil.delete({ where: { id: pupilId } });
    await tx.auditLog.create({ data: { actorId: user.id, action: 'pupil.deleted', targetType: 'Organisation', targetId: collegeId, at: now } });
  });
  return { deleted: true as const };
}

/** The collège marks or unmarks a pupil without a network (placed first by the cohort allocation). */
export async function setPupilPriority(services: Services, user: CurrentUser, collegeId: string, pupilId: string, priority: boolean) {
  collegeStaffOnly(user, collegeId);
  const updated = await services.prisma.pupil.updateMany({
    where: { id: pupilId, collegeId, anonymisedAt: null },
    data: { priority, lastActivityAt: services.clock.now() },
  });
  if (updated.count === 0) throw new AppError('NOT_FOUND', 'Cet élève ne figure pas dans la liste du collège.');
  return { priority };
}
