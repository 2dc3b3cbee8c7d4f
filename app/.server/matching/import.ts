import type { ExchangeFile, ExchangeNeed, ExchangeOffer } from '../../../matching/exchange-format';
import { toEngine } from '../../../matching/exchange-format';
import { isoWeekMonday } from '../../../matching/weeks';
import { loadCommunes } from '../../../prisma/seed/communes';
import type { Prisma } from '../db/generated/client';
import type { Services } from '../services';
import { gardPlaces } from './engine-inputs';
import { embedPending } from './embedding-store';

/**
 * Bulk import of the exchange format, all or nothing. Imported records are published under the Mission ESS's
 * import organisations (one per kind of requester) and owned by a technical account; ids are prefixed with `imp_`
 * so importing the same file again updates the same records.
 */

const IMPORT_ACCOUNT = 'import@passerelles.invalid';
const dbId = (id: string) => `imp_${id}`;
const date = (iso: string | undefined) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
const kinds = { competence: 'COMPETENCE', lieu: 'LIEU', stage: 'STAGE' } as const;
const propertyTypes = { batiment: 'BUILDING', terrain: 'LAND', toiture: 'ROOFTOP' } as const;

const importOrganisations = {
  offers: { key: 'imp_org_offres', kind: 'COUNCIL_SERVICE', name: 'Offres importées par la Mission ESS' },
  eligible: { key: 'imp_org_structures_eligibles', kind: 'STRUCTURE', name: 'Structures importées (éligibles au mécénat de compétences)' },
  structures: { key: 'imp_org_structures', kind: 'STRUCTURE', name: 'Structures importées' },
  colleges: { key: 'imp_org_colleges', kind: 'COLLEGE', name: 'Collèges importés' },
} as const;

async function ensureImportOrganisations(tx: Prisma.TransactionClient, now: Date) {
  for (const org of Object.values(importOrganisations)) {
    const eligible = org.key === importOrganisations.eligible.key;
    await tx.organisation.upsert({
      where: { id: org.key },
      update: {},
      create: {
        id: org.key,
        kind: org.kind,
        name: org.name,
        skillsEligibility: eligible ? 'INTERET_GENERAL' : 'NONE',
        eligibilityVerifiedAt: eligible ? now : null,
      },
    });
  }
  return tx.user.upsert({ where: { email: IMPORT_ACCOUNT }, update: {}, create: { email: IMPORT_ACCOUNT, lastName: 'Import' } });
}

function offerDetails(offer: ExchangeOffer, ownerId: string) {
  switch (offer.kind) {
    case 'competence':
      return { skill: { create: { agentId: ownerId, skills: offer.skills ?? [], hoursPerMonth: 4, radiusKm: offer.radiusKm ?? 1000, remote: offer.remote, managerApproval: 'APPROVED' as const } } };
    case 'lieu':
      return {
        property: {
          create: {
            propertyType: propertyTypes[offer.propertyType],
            address: 'Adresse à préciser',
            communeCode: offer.commune,
            surfaceM2: Math.round(offer.surfaceM2),
            stepFreeAccess: offer.accessiblePMR,
            free: true,
          },
        },
      };
    case 'stage':
      return {
        internship: {
          create: {
            activities: offer.activities ?? [],
            weeks: offer.weeks.map(isoWeekMonday),
            capacityPerWeek: offer.capacity,
            maxGroupSize: offer.groupMax ?? 1,
            tutorName: 'À préciser',
          },
        },
      };
  }
}

function needDetails(need: ExchangeNeed) {
  switch (need.kind) {
    case 'competence':
      return { organisationId: need.requesterEligibleMecenat ? importOrganisations.eligible.key : importOrganisations.structures.key, skill: { create: { skills: need.skills ?? [] } } };
    case 'lieu':
      return {
        organisationId: importOrganisations.structures.key,
        space: { create: { propertyTypes: need.propertyTypes.map((type) => propertyTypes[type]), minSurfaceM2: Math.round(need.minSurfaceM2), stepFreeRequired: need.needsPMR } },
      };
    case 'stage':
      return {
        organisationId: importOrganisations.colleges.key,
        internship: { create: { week: isoWeekMonday(need.week), pupilCount: need.pupils, mode: need.group ? ('GROUP' as const) : ('INDIVIDUAL' as const), interests: need.interests ?? [] } },
      };
  }
}

export async function importExchangeFile(services: Services, file: ExchangeFile, options: { log?: (line: string) => void } = {}) {
  toEngine(file, gardPlaces()); // every commune must exist before anything is written
  await loadCommunes(services.prisma);
  const now = services.clock.now();
  await services.prisma.$transaction(
    async (tx) => {
      const owner = await ensureImportOrganisations(tx, now);
      for (const [index, offer] of file.offers.entries()) {
        await tx.offer.deleteMany({ where: { id: dbId(offer.id) } });
        await tx.offer.create({
          data: {
            id: dbId(offer.id),
            kind: kinds[offer.kind],
            title: offer.title,
            description: offer.description,
            status: 'PUBLISHED',
            publishedAt: now,
            organisationId: importOrganisations.offers.key,
            ownerId: owner.id,
            communeCode: offer.commune,
            availableFrom: date(offer.availableFrom),
            availableUntil: date(offer.availableTo),
            ...offerDetails(offer, owner.id),
          },
        });
        if ((index + 1) % 500 === 0) options.log?.(`Offres : ${index + 1}/${file.offers.length}`);
      }
      for (const [index, need] of file.needs.entries()) {
        await tx.need.deleteMany({ where: { id: dbId(need.id) } });
        await tx.need.create({
          data: {
            id: dbId(need.id),
            kind: kinds[need.kind],
            title: need.title,
            description: need.description,
            status: 'PUBLISHED',
            publishedAt: now,
            ownerId: owner.id,
            communeCode: need.commune,
            maxDistanceKm: Math.round(need.maxDistanceKm),
            availableFrom: date(need.from),
            availableUntil: date(need.to),
            ...needDetails(need),
          },
        });
        if ((index + 1) % 500 === 0) options.log?.(`Besoins : ${index + 1}/${file.needs.length}`);
      }
      await tx.auditLog.create({
        data: { actorId: owner.id, action: 'matching.import', targetType: 'ExchangeFile', details: { offers: file.offers.length, needs: file.needs.length }, at: now },
      });
    },
    { timeout: 600_000, maxWait: 10_000 },
  );
  await embedPending(services, { progress: options.log });
  return { offers: file.offers.length, needs: file.needs.length };
}
