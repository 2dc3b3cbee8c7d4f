import { checkTransition, type ConventionStatus } from '../../../matching/conventions/lifecycle';
import { checkSkillsPlacement } from '../../../matching/conventions/skills-placement';
import { conventionTermsSchema, missingForSignature, type ConventionTerms } from '../../../matching/conventions/terms';
import { checkInternshipSchedule, defaultWorkingTimeRules } from '../../../matching/conventions/working-time';
import type { CurrentUser } from '../auth/session';
import { sha256 } from '../clock';
import { enqueuePrepared, prepareEmail } from '../email/outbox';
import { formatDayFr } from '../../../matching/weeks';
import { AppError } from '../errors';
import { fromZodError } from '../http/route-errors';
import type { Services } from '../services';
import { renderConvention } from './build-document';
import { conventionPeriod } from './default-terms';
import { experimentEnd } from './drafting';
import { assertMayAct, loadConvention, type ConventionRecord } from './records';
import { emailRoleLabel, plannedSignatories } from './signatories';

const DAY_MS = 86_400_000;
const iso = (date: Date) => date.toISOString().slice(0, 10);

export function parseTerms(kind: ConventionRecord['kind'], raw: unknown): ConventionTerms {
  const parsed = conventionTermsSchema.safeParse(raw);
  if (!parsed.success) throw fromZodError(parsed.error);
  if (parsed.data.kind !== kind) throw new AppError('VALIDATION', 'Ces conditions ne correspondent pas à ce type de convention.');
  return parsed.data;
}

/** Everything that must hold before a version is sent: completeness, then the rules of law for the kind. */
async function assertReadyToSign(services: Services, convention: ConventionRecord, terms: ConventionTerms): Promise<void> {
  const missing = missingForSignature(terms, { rooftop: convention.match.offer.property?.propertyType === 'ROOFTOP' });
  if (missing.length) {
    throw new AppError('VALIDATION', `Avant l’envoi pour signature, complétez : ${missing.join(', ')}.`);
  }
  if (terms.kind === 'COMPETENCE') {
    const agentId = convention.match.offer.skill?.agentId;
    const earlier = await services.prisma.convention.findMany({
      where: {
        id: { not: convention.id },
        kind: 'COMPETENCE',
        status: { in: ['SIGNED', 'IN_PROGRESS', 'COMPLETED'] },
        match: { need: { organisationId: convention.match.need.organisationId }, offer: { skill: { agentId } } },
      },
      select: { startDate: true, endDate: true },
    });
    const violations = checkSkillsPlacement({
      agentStatus: convention.match.offer.skill?.agent.agentProfile?.status ?? 'CONTRACTUEL',
      hostEligibility: convention.match.need.organisation.skillsEligibility,
      hostEligibilityVerified: convention.match.need.organisation.eligibilityVerifiedAt !== null,
      start: terms.start,
      end: terms.end,
      previousPlacements: earlier.map((p) => ({ start: iso(p.startDate), end: iso(p.endDate) })),
      experimentEnd: iso(experimentEnd(services)),
    });
    if (violations.length) throw new AppError('VALIDATION', violations.map((v) => v.message).join(' '));
  }
  if (terms.kind === 'STAGE') {
    if (!convention.pupil?.birthDate) throw new AppError('VALIDATION', 'Cette convention n’a plus d’élève : elle ne peut pas être envoyée.');
    const schedule = {
      days: terms.days
        .filter((d) => d.date)
        .map((d) => ({ date: d.date, periods: [d.morning, d.afternoon].filter((p) => p.start || p.end).map((p) => ({ start: p.start, end: p.end })) })),
    };
    const violations = checkInternshipSchedule(schedule, { birthDate: iso(convention.pupil.birthDate) }, defaultWorkingTimeRules);
    if (violations.length) {
      throw new AppError('VALIDATION', 'L’emploi du temps ne respecte pas le droit du travail des mineurs.', {
        fieldErrors: { days: violations.map((v) => v.message) },
      });
    }
  }
}

export interface IssueOptions {
  actorId: string;
  /** Why a signed or sent version is replaced; told to every signatory. */
  reason?: string;
}

/**
 * Renders and stores the exact PDF to sign, records it as the current version, voids what earlier versions
 * collected, and sends each signatory a personal single-use link. One transaction for the records and emails.
 */
async function issueVersion(services: Services, convention: ConventionRecord, terms: ConventionTerms, options: IssueOptions) {
  await assertReadyToSign(services, convention, terms);
  const first = convention.status === 'DRAFT';
  const number = first ? convention.version : convention.version + 1;
  const { document, pdf } = await renderConvention(services, convention, terms, { version: number, draft: false });
  const digest = sha256(pdf);
  const pdfKey = `conventions/${convention.id}/v${number}-${digest.slice(0, 12)}.pdf`;
  await services.storage.put(pdfKey, pdf, 'application/pdf');

  const now = services.clock.now();
  const expiresAt = new Date(now.getTime() + services.env.signatureLinkDays * DAY_MS);
  const plans = plannedSignatories(convention, terms);
  const tokens = plans.map(() => services.tokens.token());
  const period = conventionPeriod(terms);
  const hadSignatures = convention.signatories.some((s) => s.signatures.some((sig) => !sig.voidedAt));
  const reason = options.reason?.trim();

  await services.prisma.$transaction(async (tx) => {
    const { count } = await tx.convention.updateMany({
      where: { id: convention.id, status: convention.status, version: convention.version },
      data: {
        status: 'READY_TO_SIGN',
        version: number,
        terms,
        templateVersion: document.templateVersion,
        templateSha256: document.templateSha256,
        ...(period ? { startDate: period.start, endDate: period.end } : {}),
      },
    });
    if (count === 0) throw new AppError('CONFLICT', 'La convention vient d’être modifiée par quelqu’un d’autre : rechargez la page.');
    if (!first) {
      await tx.conventionVersion.updateMany({ where: { conventionId: convention.id, voidedAt: null }, data: { voidedAt: now, voidReason: reason ?? 'Nouvelle version' } });
      await tx.signature.updateMany({
        where: { signatory: { conventionId: convention.id }, voidedAt: null },
        data: { voidedAt: now, voidReason: reason ?? 'Nouvelle version' },
      });
      await tx.conventionLink.updateMany({
        where: { signatory: { conventionId: convention.id }, purpose: 'SIGN', usedAt: null },
        data: { expiresAt: now },
      });
    }
    await tx.conventionVersion.create({ data: { conventionId: convention.id, number, pdfKey, sha256: digest, createdAt: now } });

    const existing = convention.signatories;
    const keep = new Set<string>();
    const signatoryIds: string[] = [];
    for (const plan of plans) {
      const match = existing.find((s) => s.position === plan.position && s.role === plan.role);
      const data = { role: plan.role, name: plan.name, email: plan.email, capacity: plan.capacity, organisationId: plan.organisationId, userId: plan.userId, position: plan.position };
      const row = match
        ? await tx.signatory.update({ where: { id: match.id }, data })
        : await tx.signatory.create({ data: { ...data, conventionId: convention.id, createdAt: now } });
      keep.add(row.id);
      signatoryIds.push(row.id);
    }
    await tx.signatory.deleteMany({ where: { conventionId: convention.id, id: { notIn: [...keep] } } });

    for (const [index, plan] of plans.entries()) {
      const signatoryId = signatoryIds[index] ?? '';
      const token = tokens[index] ?? '';
      const link = await tx.conventionLink.create({
        data: { signatoryId, purpose: 'SIGN', tokenHash: sha256(token), versionNumber: number, createdAt: now, expiresAt },
      });
      const email = await prepareEmail({
        dedupeKey: `convention-to-sign:${link.id}`,
        to: plan.email,
        template: 'convention-to-sign',
        props: {
          signatoryName: plan.name,
          roleLabel: emailRoleLabel(plan.role),
          conventionTitle: document.title,
          reference: convention.reference,
          version: number,
          url: `${services.env.appUrl}/signature/${token}`,
          expiresOn: formatDayFr(expiresAt),
          reason: hadSignatures && reason ? `La convention a été modifiée après une première signature : ${reason}. Les signatures déjà données sont annulées ; merci de signer la nouvelle version.` : undefined,
        },
      });
      await enqueuePrepared(tx, email, services.clock);
    }
    await tx.auditLog.create({
      data: {
        actorId: options.actorId,
        action: first ? 'convention.sent_for_signature' : 'convention.new_version',
        targetType: 'Convention',
        targetId: convention.id,
        details: { version: number, sha256: digest, reason: reason ?? null, voidedSignatures: hadSignatures },
        at: now,
      },
    });
  });
  return { version: number, sha256: digest };
}

export async function sendForSignature(services: Services, user: CurrentUser, id: string) {
  const convention = await loadConvention(services.prisma, id);
  const actor = assertMayAct(user, convention);
  const check = checkTransition(convention.status as ConventionStatus, 'send_for_signature', actor);
  if (!check.ok) throw new AppError('CONFLICT', check.reason);
  return issueVersion(services, convention, parseTerms(convention.kind, convention.terms), { actorId: user.id });
}

/**
 * Saves what the parties completed. A draft is simply updated; once sent, any change issues a new version
 * (the reason is required and told to every signatory) and voids the signatures already given.
 */
export async function editConvention(services: Services, user: CurrentUser, id: string, rawTerms: unknown, reason?: string) {
  const convention = await loadConvention(services.prisma, id);
  const actor = assertMayAct(user, convention);
  const check = checkTransition(convention.status as ConventionStatus, 'edit', actor, reason);
  if (!check.ok) throw new AppError(check.reason.startsWith('Indiquez') ? 'VALIDATION' : 'CONFLICT', check.reason, check.reason.startsWith('Indiquez') ? { fieldErrors: { reason: [check.reason] } } : {});
  const terms = parseTerms(convention.kind, rawTerms);
  if (convention.status === 'DRAFT') {
    const period = conventionPeriod(terms);
    const now = services.clock.now();
    await services.prisma.$transaction(async (tx) => {
      const { count } = await tx.convention.updateMany({
        where: { id, status: 'DRAFT', updatedAt: convention.updatedAt },
        data: { terms, ...(period ? { startDate: period.start, endDate: period.end } : {}) },
      });
      if (count === 0) throw new AppError('CONFLICT', 'La convention vient d’être modifiée par quelqu’un d’autre : rechargez la page.');
      await tx.auditLog.create({ data: { actorId: user.id, action: 'convention.edited', targetType: 'Convention', targetId: id, at: now } });
    });
    return { version: convention.version, status: 'DRAFT' as const };
  }
  const issued = await issueVersion(services, convention, terms, { actorId: user.id, reason });
  return { ...issued, status: 'READY_TO_SIGN' as const };
}
