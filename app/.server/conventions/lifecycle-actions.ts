import { checkTransition, type ConventionStatus } from '../../../matching/conventions/lifecycle';
import type { CurrentUser } from '../auth/session';
import type { Prisma } from '../db/generated/client';
import { enqueuePrepared, prepareEmail, type PreparedEmail } from '../email/outbox';
import { AppError } from '../errors';
import { requiredReason } from '../reason';
import type { Services } from '../services';
import { conventionIdentity } from './codes';
import { assertMayAct, loadConvention, type ConventionRecord } from './records';
import { templateById } from './template-files';

/** Cancels with a reason told to every signatory; links stop working at once. */
export async function cancelConvention(services: Services, user: CurrentUser, id: string, rawReason: unknown) {
  const reason = requiredReason(rawReason);
  const cancellation = await prepareCancellation(services, user, await loadConvention(services.prisma, id), reason);
  await services.prisma.$transaction((tx) => applyCancellation(tx, services, user, cancellation));
  return { status: 'CANCELLED' as const };
}

export interface PreparedCancellation {
  id: string;
  from: ConventionStatus;
  reason: string;
  emails: PreparedEmail[];
}

/**
 * Checks that `user` may cancel the convention now and renders the emails to its signatories, before any
 * transaction; applyCancellation then writes it, inside the caller's transaction when a larger change includes it.
 */
export async function prepareCancellation(services: Services, user: CurrentUser, convention: ConventionRecord, reason: string): Promise<PreparedCancellation> {
  const actor = assertMayAct(user, convention);
  const from = convention.status as ConventionStatus;
  const check = checkTransition(from, 'cancel', actor, reason);
  if (!check.ok) throw new AppError('CONFLICT', check.reason);
  const title = (await templateById(services.prisma, convention.templateId)).meta.title;
  const cancelledBy = actor === 'MISSION_ESS' ? 'la Mission ESS du Département' : 'une des parties';
  const recipients = [...new Map(convention.signatories.map((s) => [s.email, s.name])).entries()];
  const emails = await Promise.all(
    recipients.map(([email, name]) =>
      prepareEmail({
        dedupeKey: `convention-cancelled:${convention.id}:${email}`,
        to: email,
        template: 'convention-cancelled',
        props: { recipientName: name, conventionTitle: title, reference: convention.reference, reason, cancelledBy },
      }),
    ),
  );
  return { id: convention.id, from, reason, emails };
}

export async function applyCancellation(tx: Prisma.TransactionClient, services: Services, user: CurrentUser, cancellation: PreparedCancellation) {
  const { id, from, reason, emails } = cancellation;
  const now = services.clock.now();
  const { count } = await tx.convention.updateMany({ where: { id, status: from }, data: { status: 'CANCELLED', statusReason: reason } });
  if (count === 0) throw new AppError('CONFLICT', 'La convention vient d’être modifiée par quelqu’un d’autre : rechargez la page.');
  await tx.conventionLink.updateMany({ where: { signatory: { conventionId: id }, usedAt: null }, data: { expiresAt: now } });
  for (const email of emails) await enqueuePrepared(tx, email, services.clock);
  await tx.auditLog.create({ data: { actorId: user.id, action: 'convention.cancelled', targetType: 'Convention', targetId: id, details: { reason, from }, at: now } });
}

/** An amendment (avenant) is a new convention between the same parties, drafted from the signed terms. */
export async function draftAmendment(services: Services, user: CurrentUser, id: string, rawSummary: unknown) {
  const summary = requiredReason(rawSummary, 'summary');
  const convention = await loadConvention(services.prisma, id);
  const actor = assertMayAct(user, convention);
  const check = checkTransition(convention.status as ConventionStatus, 'amend', actor, summary);
  if (!check.ok) throw new AppError('CONFLICT', check.reason);
  const now = services.clock.now();
  return services.prisma.$transaction(async (tx) => {
    const previous = await tx.convention.count({ where: { amendsId: id } });
    const amendment = await tx.convention.create({
      data: {
        ...conventionIdentity(services.tokens, convention.kind, now),
        kind: convention.kind,
        matchId: convention.matchId,
        pupilId: convention.pupilId,
        templateId: convention.templateId,
        templateVersion: convention.templateVersion,
        templateSha256: convention.templateSha256,
        terms: convention.terms ?? {},
        startDate: convention.startDate,
        endDate: convention.endDate,
        amendsId: id,
        amendmentNumber: previous + 1,
        amendmentSummary: summary,
        createdById: user.id,
        createdAt: now,
      },
    });
    await tx.auditLog.create({ data: { actorId: user.id, action: 'convention.amendment_drafted', targetType: 'Convention', targetId: amendment.id, details: { amends: id, summary }, at: now } });
    return { id: amendment.id };
  });
}
