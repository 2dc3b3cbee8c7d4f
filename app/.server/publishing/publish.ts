import type { z } from 'zod';
import { assertAccess } from '../auth/authorize';
import type { CurrentUser } from '../auth/session';
import { AppError } from '../errors';
import { fromZodError } from '../http/route-errors';
import { embedPending } from '../matching/embedding-store';
import { listCommunes } from '../catalogue';
import type { Services } from '../services';
import { internshipNeedSchema, internshipOfferSchema, skillNeedSchema, skillOfferSchema, spaceNeedSchema } from './schemas';

export type { PublicationKind } from '../../lib/publication-fields';
import type { PublicationKind } from '../../lib/publication-fields';

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error, 'Rien n’a été publié : corrigez les champs signalés.');
  return parsed.data;
}

const day = (value: string) => (value ? new Date(`${value}T00:00:00Z`) : null);
const describedAt = (data: { title: string; description: string; communeCode: string }) => ({
  title: data.title,
  description: data.description,
  communeCode: data.communeCode,
});
const periodOf = (data: { availableFrom: string; availableUntil: string }) => ({ availableFrom: day(data.availableFrom), availableUntil: day(data.availableUntil) });

async function assertCommune(services: Services, code: string) {
  if (!(await services.prisma.commune.findUnique({ where: { code }, select: { code: true } }))) {
    throw new AppError('VALIDATION', 'Rien n’a été publié.', { fieldErrors: { communeCode: ['Commune : choisissez une commune du Gard.'] } });
  }
}

/** Every form names a place: parse, then check the commune is one of the Gard's. */
async function parsePlaced<S extends z.ZodType<{ communeCode: string }>>(services: Services, schema: S, input: unknown): Promise<z.output<S>> {
  const data = parse(schema, input);
  await assertCommune(services, data.communeCode);
  return data;
}

async function organisationOf(services: Services, id: string, kind: 'STRUCTURE' | 'COLLEGE') {
  const organisation = await services.prisma.organisation.findFirst({ where: { id, kind } });
  if (!organisation) throw new AppError('NOT_FOUND', 'Cette organisation n’existe pas.');
  return organisation;
}

const spaced = (siret: string) => siret.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, '$1 $2 $3 $4');

/**
 * The partners a structure names when it posts a space need as the chef de file of a grouping: registered structures
 * other than itself. Every unknown SIRET is named, so that the form says which line to correct.
 */
async function groupingPartners(services: Services, leader: { siret: string | null }, sirets: string[]): Promise<string[]> {
  if (sirets.length === 0) return [];
  const refused = (messages: string[]) => new AppError('VALIDATION', 'Rien n’a été publié : corrigez les champs signalés.', { fieldErrors: { partnerSirets: messages } });
  if (leader.siret && sirets.includes(leader.siret)) {
    throw refused([`Partenaires : ${spaced(leader.siret)} est le SIRET de votre structure, chef de file du groupement ; indiquez seulement ses partenaires.`]);
  }
  const found = await services.prisma.organisation.findMany({ where: { kind: 'STRUCTURE', siret: { in: sirets } }, select: { id: true, siret: true } });
  const unknown = sirets.filter((siret) => !found.some((organisation) => organisation.siret === siret));
  if (unknown.length) {
    throw refused(unknown.map((siret) => `Partenaires : aucune structure inscrite sur Passerelles n’a le SIRET ${spaced(siret)} (vérifiez le numéro, ou demandez-lui de s’inscrire d’abord).`));
  }
  return found.map((organisation) => organisation.id);
}

/** Who may post what: an agent their skills, a structure its needs and stage offers, a collège its stage needs. */
export function assertMayPublish(user: CurrentUser, kind: PublicationKind, organisationId: string | null): void {
  if (kind === 'offre-competences') assertAccess(user, { roles: ['COUNCIL_AGENT'] });
  else if (kind === 'besoin-stage') assertAccess(user, { roles: ['COLLEGE_STAFF'], organisationId: organisationId ?? '—' });
  else assertAccess(user, { roles: ['STRUCTURE_MEMBER'], organisationId: organisationId ?? '—' });
}

/** The form's choices: the Gard communes, and where the poster is, as the default. */
export async function publicationFormData(services: Services, user: CurrentUser, kind: PublicationKind, organisationId: string | null) {
  assertMayPublish(user, kind, organisationId);
  const [communes, organisation] = await Promise.all([
    listCommunes(services),
    organisationId ? services.prisma.organisation.findUnique({ where: { id: organisationId }, select: { name: true, communeCode: true } }) : null,
  ]);
  const agentService = kind === 'offre-competences' ? await services.prisma.agentProfile.findUnique({ where: { userId: user.id }, select: { service: { select: { communeCode: true } } } }) : null;
  return {
    communes,
    organisationName: organisation?.name ?? null,
    defaultCommune: organisation?.communeCode ?? agentService?.service?.communeCode ?? '30189',
  };
}

/**
 * Posts a need or an offer, published at once (the Mission ESS moderates afterwards), except a council agent's
 * skill offer, which waits for the line manager's agreement. The text is embedded right away so the item appears
 * in suggestions; if the embeddings service is down, the start-up or `embeddings:reembed` catches up.
 */
export async function publish(services: Services, user: CurrentUser, kind: PublicationKind, organisationId: string | null, input: Record<string, unknown>) {
  const now = services.clock.now();
  const published = { status: 'PUBLISHED' as const, publishedAt: now, createdAt: now };
  let id: string;
  assertMayPublish(user, kind, organisationId);
  if (kind === 'offre-competences') {
    const data = await parsePlaced(services, skillOfferSchema, input);
    const profile = await services.prisma.agentProfile.findUnique({ where: { userId: user.id } });
    const offer = await services.prisma.offer.create({
      data: {
        kind: 'COMPETENCE',
        ...describedAt(data),
        ...periodOf(data),
        status: 'PENDING_APPROVAL',
        ownerId: user.id,
        organisationId: profile?.serviceId ?? null,
        createdAt: now,
        skill: { create: { agentId: user.id, skills: data.skills, hoursPerMonth: data.hoursPerMonth, radiusKm: data.radiusKm, remote: data.remote } },
      },
    });
    id = offer.id;
  } else if (kind === 'offre-stage') {
    const organisation = await organisationOf(services, organisationId ?? '', 'STRUCTURE');
    const data = await parsePlaced(services, internshipOfferSchema, input);
    const offer = await services.prisma.offer.create({
      data: {
        kind: 'STAGE',
        ...describedAt(data),
        ownerId: user.id,
        organisationId: organisation.id,
        ...published,
        internship: {
          create: {
            activities: data.activities,
            weeks: [...new Set(data.weeks)].sort().map((week) => new Date(`${week}T00:00:00Z`)),
            capacityPerWeek: data.capacityPerWeek,
            maxGroupSize: data.maxGroupSize,
            tutorName: data.tutorName,
            tutorRole: data.tutorRole || null,
            wheelchairAccessible: data.wheelchairAccessible,
            accessibilityNotes: data.accessibilityNotes || null,
          },
        },
      },
    });
    id = offer.id;
  } else if (kind === 'besoin-stage') {
    const organisation = await organisationOf(services, organisationId ?? '', 'COLLEGE');
    const data = await parsePlaced(services, internshipNeedSchema, input);
    const need = await services.prisma.need.create({
      data: {
        kind: 'STAGE',
        ...describedAt(data),
        maxDistanceKm: data.maxDistanceKm,
        ownerId: user.id,
        organisationId: organisation.id,
        ...published,
        internship: {
          create: {
            week: new Date(`${data.week}T00:00:00Z`),
            pupilCount: data.pupilCount,
            mode: data.mode,
            interests: data.interests.split(/[\n,;]/).map((item) => item.trim()).filter(Boolean),
          },
        },
      },
    });
    id = need.id;
  } else {
    const organisation = await organisationOf(services, organisationId ?? '', 'STRUCTURE');
    if (kind === 'besoin-competences') {
      const data = await parsePlaced(services, skillNeedSchema, input);
      const need = await services.prisma.need.create({
        data: {
          kind: 'COMPETENCE',
          ...describedAt(data),
          maxDistanceKm: data.maxDistanceKm,
          ...periodOf(data),
          ownerId: user.id,
          organisationId: organisation.id,
          ...published,
          skill: { create: { skills: data.skills, hoursPerMonth: data.hoursPerMonth === '' ? null : data.hoursPerMonth, remoteOk: data.remoteOk } },
        },
      });
      id = need.id;
    } else {
      const data = await parsePlaced(services, spaceNeedSchema, input);
      const partners = await groupingPartners(services, organisation, data.partnerSirets);
      // One nested write: the need and its grouping are stored together or not at all.
      const need = await services.prisma.need.create({
        data: {
          kind: 'LIEU',
          ...describedAt(data),
          maxDistanceKm: data.maxDistanceKm,
          ...periodOf(data),
          ownerId: user.id,
          organisationId: organisation.id,
          ...published,
          space: {
            create: {
              propertyTypes: data.propertyTypes,
              minSurfaceM2: data.minSurfaceM2,
              stepFreeRequired: data.stepFreeRequired,
              intendedUse: data.intendedUse,
              members: { create: partners.map((organisationId) => ({ organisationId })) },
            },
          },
        },
      });
      id = need.id;
    }
  }
  await services.prisma.auditLog.create({ data: { actorId: user.id, action: `${kind}.published`, targetType: kind.startsWith('offre') ? 'Offer' : 'Need', targetId: id, at: now } });
  try {
    await embedPending(services);
  } catch {
    // Suggestions embed a missing vector on the fly; the next start-up stores it.
  }
  return { id, isOffer: kind.startsWith('offre'), pendingApproval: kind === 'offre-competences' };
}
