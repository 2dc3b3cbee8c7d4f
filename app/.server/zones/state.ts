import { assertAccess } from '../auth/authorize';
import type { CurrentUser } from '../auth/session';
import type { Services } from '../services';

async function lastImport(services: Services, action: 'frr.imported' | 'qpv.imported') {
  const entry = await services.prisma.auditLog.findFirst({
    where: { action },
    orderBy: { at: 'desc' },
    select: { at: true, details: true, actor: { select: { firstName: true, lastName: true, email: true } } },
  });
  if (!entry) return null;
  const name = entry.actor ? [entry.actor.firstName, entry.actor.lastName].filter(Boolean).join(' ') || entry.actor.email : null;
  const details = entry.details as { file?: unknown } | null;
  return { at: entry.at.toISOString(), by: name, file: typeof details?.file === 'string' ? details.file : null };
}

/** What the Mission ESS sees before importing: the zones in force, where they come from and the addresses placed. */
export async function zonesState(services: Services, user: CurrentUser) {
  assertAccess(user, { roles: ['MISSION_ESS_ADMIN'] });
  const { prisma } = services;
  const located = { lat: { not: null }, lon: { not: null } };
  const [communes, frrGroups, qpvAreas, lastFrr, lastQpv, organisations, organisationsInQpv, properties, propertiesInQpv] = await Promise.all([
    prisma.commune.count(),
    prisma.commune.groupBy({ by: ['frrClassification'], where: { frr: true }, _count: { _all: true }, orderBy: { frrClassification: 'asc' } }),
    prisma.qpvArea.findMany({ orderBy: { code: 'asc' }, select: { code: true, name: true, communes: true } }),
    lastImport(services, 'frr.imported'),
    lastImport(services, 'qpv.imported'),
    prisma.organisation.count({ where: located }),
    prisma.organisation.count({ where: { ...located, inQpv: true } }),
    prisma.propertyOffer.count({ where: located }),
    prisma.propertyOffer.count({ where: { ...located, inQpv: true } }),
  ]);
  return {
    communes,
    frr: frrGroups.map((group) => ({ classification: group.frrClassification ?? 'FRR', count: group._count._all })),
    qpvAreas,
    lastFrr,
    lastQpv,
    located: { organisations, organisationsInQpv, properties, propertiesInQpv },
  };
}
