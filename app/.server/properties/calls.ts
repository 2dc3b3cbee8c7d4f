import { z } from 'zod';
import { formatDayFr } from '../../../matching/weeks';
import { assertAccess, hasRole, type AccessRule } from '../auth/authorize';
import type { CurrentUser } from '../auth/session';
import { matchPartiesInclude, type MatchWithParties } from '../conventions/records';
import type { Prisma } from '../db/generated/client';
import { enqueuePrepared, prepareEmail } from '../email/outbox';
import { AppError } from '../errors';
import { fromZodError } from '../http/route-errors';
import { acceptMatch, occupationCallStatus, sideContacts } from '../matching/match-decisions';
import { suggestNeedsForOffer } from '../matching/suggestions';
import type { Services } from '../services';

/**
 * Calls for occupation (appels à occupation, plan action 1.3): the property service opens a call on a published
 * property until a deadline; structures apply by proposing a match from their space need (alone or as the chef de
 * file of a grouping); once the call is closed, the elected officials' decision picking one application is recorded,
 * the other applicants are told, and only then may the property service accept the chosen application.
 */

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const dayDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const today = (services: Services) => isoDay(services.clock.now());

const propertyInclude = {
  property: true,
  commune: { select: { name: true } },
  organisation: { select: { name: true } },
} satisfies Prisma.OfferInclude;

async function loadProperty(services: Services, offerId: string) {
  const offer = await services.prisma.offer.findUnique({ where: { id: offerId }, include: propertyInclude });
  if (!offer?.property) throw new AppError('NOT_FOUND', 'Ce bien n’existe pas.');
  return { ...offer, property: offer.property };
}

/** The property service that offers the property; '—' matches nobody when the offer has no organisation. */
const managers = (offer: { organisationId: string | null }): AccessRule => ({ roles: ['PROPERTY_MANAGER'], organisationId: offer.organisationId ?? '—' });

/**
 * Locks the property's row until the transaction ends and reads its call afresh: openings, closings and decisions
 * on one property happen one at a time, so a call never gets two decisions nor reopens under one.
 */
async function lockCall(tx: Prisma.TransactionClient, offerId: string) {
  await tx.$queryRaw<unknown[]>`SELECT 1 FROM "PropertyOffer" WHERE "offerId" = ${offerId} FOR UPDATE`;
  const property = await tx.propertyOffer.findUniqueOrThrow({ where: { offerId } });
  const decided = (await tx.occupationDecision.count({ where: { offerId } })) > 0;
  return { property, decided };
}

const requiredDay = (label: string) =>
  z
    .string({ error: `${label} : indiquez une date.` })
    .trim()
    .min(1, `${label} : indiquez une date.`)
    .pipe(z.iso.date(`${label} : date invalide (AAAA-MM-JJ).`));

const optionalText = (label: string, max: number) =>
  z.preprocess((value) => value ?? '', z.string({ error: `${label} : texte attendu.` }).trim().max(max, `${label} : ${max.toLocaleString('fr-FR')} caractères au plus.`));

const deadlineSchema = (day: string) =>
  z.object({ deadline: requiredDay('Date limite').refine((deadline) => deadline > day, 'Date limite : choisissez une date postérieure à aujourd’hui.') });

const closeSchema = z.object({ reason: optionalText('Motif', 1000) });

const decisionSchema = (day: string) =>
  z.object({
    body: z
      .string({ error: 'Instance : indiquez qui a décidé.' })
      .trim()
      .min(3, 'Instance : indiquez qui a décidé (par exemple « Commission permanente »).')
      .max(200, 'Instance : 200 caractères au plus.'),
    decidedOn: requiredDay('Date de la décision').refine((decidedOn) => decidedOn <= day, 'Date de la décision : elle ne peut pas être dans le futur.'),
    reference: z
      .string({ error: 'Numéro de la délibération : obligatoire.' })
      .trim()
      .min(1, 'Numéro de la délibération : obligatoire.')
      .max(100, 'Numéro de la délibération : 100 caractères au plus.'),
    notes: optionalText('Observations', 2000),
  });

/**
 * Opens the call until the deadline (a day after today), changes the deadline of an open call, or reopens a closed
 * one — never once the elected officials' decision is recorded.
 */
export async function openCall(services: Services, user: CurrentUser, offerId: string, input: { deadline: unknown }) {
  const offer = await loadProperty(services, offerId);
  assertAccess(user, managers(offer));
  if (offer.status !== 'PUBLISHED') throw new AppError('CONFLICT', 'Le bien doit être en ligne pour faire l’objet d’un appel à occupation.');
  const day = today(services);
  const parsed = deadlineSchema(day).safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error, 'L’appel n’a pas été ouvert : corrigez la date limite.');
  const { deadline } = parsed.data;
  const now = services.clock.now();
  return services.prisma.$transaction(async (tx) => {
    const { property, decided } = await lockCall(tx, offerId);
    if (decided) throw new AppError('CONFLICT', 'La décision des élus est enregistrée : cet appel ne peut plus être rouvert ni prolongé.');
    const before = occupationCallStatus(property, day);
    const change = before === 'NOT_OPEN' ? 'opened' : before === 'OPEN' ? 'deadline_changed' : 'reopened';
    await tx.propertyOffer.update({
      where: { offerId },
      data: { callDeadline: dayDate(deadline), callOpenedAt: before === 'OPEN' ? property.callOpenedAt : now, callClosedAt: null },
    });
    await tx.auditLog.create({ data: { actorId: user.id, action: `property_call.${change}`, targetType: 'Offer', targetId: offerId, details: { deadline }, at: now } });
    return { change, deadline };
  });
}

/** Closes an open call before its deadline; the reason, if given, is kept in the audit log. */
export async function closeCall(services: Services, user: CurrentUser, offerId: string, input: { reason: unknown }) {
  const offer = await loadProperty(services, offerId);
  assertAccess(user, managers(offer));
  const parsed = closeSchema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error, 'L’appel n’a pas été clos : corrigez le motif.');
  const day = today(services);
  const now = services.clock.now();
  await services.prisma.$transaction(async (tx) => {
    const { property } = await lockCall(tx, offerId);
    const status = occupationCallStatus(property, day);
    if (status === 'NOT_OPEN') throw new AppError('CONFLICT', 'Aucun appel à occupation n’est ouvert pour ce bien.');
    if (status === 'CLOSED') throw new AppError('CONFLICT', 'Cet appel à occupation est déjà clos.');
    await tx.propertyOffer.update({ where: { offerId }, data: { callClosedAt: now } });
    await tx.auditLog.create({
      data: { actorId: user.id, action: 'property_call.closed', targetType: 'Offer', targetId: offerId, details: { reason: parsed.data.reason || null }, at: now },
    });
  });
}

const APPLICATION_STATUSES = ['ACCEPTED_BY_NEED', 'ACCEPTED', 'DECLINED'] as const;

const applicationInclude = {
  need: {
    select: {
      id: true,
      title: true,
      organisation: { select: { name: true } },
      space: { select: { intendedUse: true, minSurfaceM2: true, members: { select: { organisation: { select: { name: true } } } } } },
    },
  },
  conventions: { select: { id: true, reference: true }, orderBy: { createdAt: 'asc' } },
} satisfies Prisma.MatchInclude;

/**
 * The call's page: the property, the state of its call and its decision, the applications (matches the structures
 * proposed, with those already accepted or declined for the record) and the grouping the engine suggests among the
 * published space needs. The property service and, to read, the Mission ESS.
 */
export async function callView(services: Services, user: CurrentUser, offerId: string) {
  const offer = await loadProperty(services, offerId);
  assertAccess(user, { ...managers(offer), missionEssMayRead: true });
  const day = today(services);
  const status = occupationCallStatus(offer.property, day);
  const matches = await services.prisma.match.findMany({
    where: { offerId, status: { in: [...APPLICATION_STATUSES] } },
    include: applicationInclude,
    orderBy: [{ score: 'desc' }, { createdAt: 'asc' }],
  });
  const decision = await services.prisma.occupationDecision.findFirst({ where: { offerId } });
  const { grouping } = await suggestNeedsForOffer(services, user, offerId);
  const groupingNeeds = grouping
    ? await services.prisma.need.findMany({
        where: { id: { in: grouping.needIds } },
        select: { id: true, title: true, organisation: { select: { name: true } }, space: { select: { minSurfaceM2: true } } },
      })
    : [];
  const manages = hasRole(user, 'PROPERTY_MANAGER', offer.organisationId ?? '—');
  const applied = new Set(matches.map((match) => match.need.id));
  const needsById = new Map(groupingNeeds.map((need) => [need.id, need]));
  return {
    property: {
      id: offer.id,
      title: offer.title,
      communeName: offer.commune.name,
      address: offer.property.address,
      propertyType: offer.property.propertyType,
      surfaceM2: offer.property.surfaceM2,
      service: offer.organisation?.name ?? null,
    },
    call: {
      status,
      deadline: offer.property.callDeadline ? isoDay(offer.property.callDeadline) : null,
      openedOn: offer.property.callOpenedAt ? isoDay(offer.property.callOpenedAt) : null,
      closedEarlyOn: offer.property.callClosedAt ? isoDay(offer.property.callClosedAt) : null,
    },
    decision: decision
      ? { matchId: decision.matchId, body: decision.body, decidedOn: isoDay(decision.decidedOn), reference: decision.reference, notes: decision.notes }
      : null,
    may: {
      open: manages && !decision && offer.status === 'PUBLISHED',
      close: manages && status === 'OPEN',
      decide: manages && status === 'CLOSED' && !decision,
    },
    today: day,
    applications: matches.map((match) => ({
      matchId: match.id,
      status: match.status,
      appliedOn: isoDay(match.createdAt),
      needTitle: match.need.title,
      lead: match.need.organisation.name,
      members: match.need.space?.members.map((member) => member.organisation.name) ?? [],
      intendedUse: match.need.space?.intendedUse ?? null,
      minSurfaceM2: match.need.space?.minSurfaceM2 ?? null,
      score: match.score,
      explanation: match.explanation,
      chosen: decision?.matchId === match.id,
      mayAccept: manages && decision?.matchId === match.id && match.status === 'ACCEPTED_BY_NEED',
      conventions: match.conventions,
    })),
    grouping: grouping
      ? {
          reasons: grouping.reasons,
          needs: grouping.needIds.map((id) => ({
            id,
            title: needsById.get(id)?.title ?? '',
            organisation: needsById.get(id)?.organisation.name ?? '',
            minSurfaceM2: needsById.get(id)?.space?.minSurfaceM2 ?? null,
            lead: id === grouping.leadNeedId,
            applied: applied.has(id),
          })),
        }
      : null,
  };
}

function resultEmails(services: Services, match: MatchWithParties, chosen: boolean, decision: { body: string; decidedOn: string; reference: string }) {
  return Promise.all(
    sideContacts(match, 'NEED').map((contact) =>
      prepareEmail({
        dedupeKey: `occupation-call-result:${match.id}:${contact.email}`,
        to: contact.email,
        template: 'occupation-call-result',
        props: {
          recipientName: contact.name,
          chosen,
          propertyTitle: match.offer.title,
          applicationTitle: match.need.title,
          decidingBody: decision.body,
          decidedOn: formatDayFr(dayDate(decision.decidedOn)),
          reference: decision.reference,
          url: `${services.env.appUrl}/mises-en-relation/${match.id}`,
        },
      }),
    ),
  );
}

/**
 * Records the elected officials' decision choosing one application, once the call is closed and only once per call.
 * The other pending applications are declined with the decision as reason, and every applicant is told by email.
 */
export async function recordDecision(
  services: Services,
  user: CurrentUser,
  offerId: string,
  matchId: string,
  input: { body: unknown; decidedOn: unknown; reference: unknown; notes?: unknown },
) {
  const offer = await loadProperty(services, offerId);
  assertAccess(user, managers(offer));
  const day = today(services);
  const parsed = decisionSchema(day).safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error, 'La décision n’a pas été enregistrée : corrigez les champs signalés.');
  const decision = parsed.data;
  const chosen = await services.prisma.match.findUnique({ where: { id: matchId }, include: matchPartiesInclude });
  if (!chosen || chosen.offerId !== offerId) throw new AppError('NOT_FOUND', 'Cette candidature ne fait pas partie de cet appel à occupation.');
  const others = await services.prisma.match.findMany({
    where: { offerId, status: 'ACCEPTED_BY_NEED', id: { not: matchId } },
    include: matchPartiesInclude,
  });
  // Rendered before the transaction, as the outbox asks; queued only with the decision.
  const chosenEmails = await resultEmails(services, chosen, true, decision);
  const otherEmails = await Promise.all(others.map(async (other) => ({ other, emails: await resultEmails(services, other, false, decision) })));
  const now = services.clock.now();
  const declineReason = `Candidature non retenue : décision « ${decision.body} » du ${formatDayFr(dayDate(decision.decidedOn))}, délibération n° ${decision.reference}.`;
  return services.prisma.$transaction(async (tx) => {
    const { property, decided } = await lockCall(tx, offerId);
    const status = occupationCallStatus(property, day);
    if (status === 'NOT_OPEN') throw new AppError('CONFLICT', 'Aucun appel à occupation n’a été ouvert pour ce bien.');
    if (status === 'OPEN') throw new AppError('CONFLICT', 'L’appel à occupation est encore ouvert : la décision s’enregistre une fois l’appel clos.');
    if (decided) throw new AppError('CONFLICT', 'Une décision est déjà enregistrée pour cet appel à occupation : une seule candidature peut être retenue.');
    if (property.callOpenedAt && decision.decidedOn < isoDay(property.callOpenedAt)) {
      throw new AppError('VALIDATION', 'La décision n’a pas été enregistrée : corrigez les champs signalés.', {
        fieldErrors: { decidedOn: [`Date de la décision : elle ne peut précéder l’ouverture de l’appel, le ${formatDayFr(property.callOpenedAt)}.`] },
      });
    }
    if ((await tx.match.count({ where: { id: matchId, status: 'ACCEPTED_BY_NEED' } })) === 0) {
      throw new AppError('CONFLICT', 'Seule une candidature en attente de réponse peut être retenue.');
    }
    const created = await tx.occupationDecision.create({
      data: {
        offerId,
        matchId,
        body: decision.body,
        decidedOn: dayDate(decision.decidedOn),
        reference: decision.reference,
        notes: decision.notes || null,
        recordedById: user.id,
        createdAt: now,
      },
    });
    const declined: string[] = [];
    for (const { other, emails } of otherEmails) {
      const { count } = await tx.match.updateMany({ where: { id: other.id, status: 'ACCEPTED_BY_NEED' }, data: { status: 'DECLINED' } });
      if (count === 0) continue;
      declined.push(other.id);
      await tx.matchStatusChange.create({ data: { matchId: other.id, from: 'ACCEPTED_BY_NEED', to: 'DECLINED', actorId: user.id, reason: declineReason, at: now } });
      for (const email of emails) await enqueuePrepared(tx, email, services.clock);
    }
    for (const email of chosenEmails) await enqueuePrepared(tx, email, services.clock);
    await tx.auditLog.create({
      data: {
        actorId: user.id,
        action: 'property_call.decision_recorded',
        targetType: 'Offer',
        targetId: offerId,
        details: { decisionId: created.id, matchId, body: decision.body, decidedOn: decision.decidedOn, reference: decision.reference, declined },
        at: now,
      },
    });
    return { decisionId: created.id, declined: declined.length };
  });
}

/** The property service accepts the application the elected officials chose: the match's convention is drafted. */
export async function acceptApplication(services: Services, user: CurrentUser, offerId: string, matchId: string) {
  const offer = await loadProperty(services, offerId);
  assertAccess(user, managers(offer));
  const match = await services.prisma.match.findUnique({ where: { id: matchId }, select: { offerId: true } });
  if (!match || match.offerId !== offerId) throw new AppError('NOT_FOUND', 'Cette candidature ne fait pas partie de cet appel à occupation.');
  return acceptMatch(services, user, matchId);
}
