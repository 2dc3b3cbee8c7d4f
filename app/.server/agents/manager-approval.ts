import { z } from 'zod';
import { formatDayFr } from '../../../matching/weeks';
import { emailInDomains } from '../auth/login';
import type { CurrentUser } from '../auth/session';
import { sha256 } from '../clock';
import { enqueuePrepared, prepareEmail } from '../email/outbox';
import { AppError } from '../errors';
import { requiredReason } from '../reason';
import type { Services } from '../services';

const LINK_DAYS = 14;
const RESEND_INTERVAL_MS = 10 * 60_000;

const personName = (user: { firstName: string | null; lastName: string | null; email: string }) =>
  [user.firstName, user.lastName].filter(Boolean).join(' ') || user.email;

async function loadSkillOffer(services: Services, offerId: string) {
  const skill = await services.prisma.skillOffer.findUnique({
    where: { offerId },
    include: { offer: true, agent: { include: { agentProfile: { include: { lineManager: true } } } } },
  });
  if (!skill) throw new AppError('NOT_FOUND', 'Cette proposition de compétences n’existe pas.');
  return skill;
}

/**
 * The agent asks their line manager's agreement: a personal link, single use, valid 14 days, to a council address.
 * Asking again sends a new link (not more than every 10 minutes).
 */
export async function requestManagerApproval(services: Services, user: CurrentUser, offerId: string) {
  const skill = await loadSkillOffer(services, offerId);
  if (skill.agentId !== user.id) throw new AppError('NOT_FOUND', 'Cette proposition de compétences n’existe pas.');
  if (skill.managerApproval !== 'PENDING') throw new AppError('CONFLICT', 'Votre responsable a déjà répondu à cette proposition.');
  const profile = skill.agent.agentProfile;
  const email = (profile?.lineManager?.email ?? profile?.lineManagerEmail ?? '').toLowerCase();
  if (!email) throw new AppError('VALIDATION', 'Indiquez d’abord l’adresse de votre responsable hiérarchique dans votre profil.');
  if (!emailInDomains(email, services.env.agentEmailDomains)) {
    throw new AppError('VALIDATION', `L’adresse de votre responsable (${email}) doit être une adresse du Département (${services.env.agentEmailDomains.join(', ')}).`);
  }
  const now = services.clock.now();
  const latest = await services.prisma.managerApprovalLink.findFirst({ where: { offerId }, orderBy: { createdAt: 'desc' } });
  if (latest && now.getTime() - latest.createdAt.getTime() < RESEND_INTERVAL_MS) return { sent: false as const, email };
  const token = services.tokens.token();
  const expiresAt = new Date(now.getTime() + LINK_DAYS * 86_400_000);
  const prepared = await prepareEmail({
    dedupeKey: `manager-approval:${sha256(token).slice(0, 24)}`,
    to: email,
    template: 'manager-approval-request',
    props: {
      managerName: profile?.lineManager ? personName(profile.lineManager) : undefined,
      agentName: personName(skill.agent),
      offerTitle: skill.offer.title,
      skills: skill.skills.length ? skill.skills : [skill.offer.title],
      hoursPerMonth: skill.hoursPerMonth,
      url: `${services.env.appUrl}/accord/${token}`,
      expiresOn: formatDayFr(expiresAt),
    },
  });
  await services.prisma.$transaction(async (tx) => {
    await tx.managerApprovalLink.create({ data: { offerId, email, tokenHash: sha256(token), createdAt: now, expiresAt } });
    await enqueuePrepared(tx, prepared, services.clock);
    await tx.auditLog.create({ data: { actorId: user.id, action: 'skill_offer.approval_requested', targetType: 'Offer', targetId: offerId, details: { to: email }, at: now } });
  });
  return { sent: true as const, email };
}

async function findLink(services: Services, token: string) {
  const link = await services.prisma.managerApprovalLink.findUnique({ where: { tokenHash: sha256(token) } });
  if (!link) throw new AppError('NOT_FOUND', 'Ce lien n’est pas valide. Vérifiez qu’il a été copié en entier.');
  return link;
}

/** What the line manager sees before deciding: the offer, and whether the link still works. */
export async function openApproval(services: Services, token: string) {
  const link = await findLink(services, token);
  const skill = await loadSkillOffer(services, link.offerId);
  const now = services.clock.now();
  const state = skill.managerApproval !== 'PENDING' || link.usedAt ? 'DECIDED' : link.expiresAt <= now ? 'EXPIRED' : 'VALID';
  return {
    state,
    agentName: personName(skill.agent),
    jobTitle: skill.agent.agentProfile?.jobTitle ?? null,
    offer: {
      title: skill.offer.title,
      description: skill.offer.description,
      skills: skill.skills,
      hoursPerMonth: skill.hoursPerMonth,
      remote: skill.remote,
      availableFrom: skill.offer.availableFrom?.toISOString().slice(0, 10) ?? null,
      availableUntil: skill.offer.availableUntil?.toISOString().slice(0, 10) ?? null,
    },
    decision: skill.managerApproval,
  };
}

const decisionSchema = z.enum(['approve', 'refuse'], { error: 'Choisissez d’accorder ou de refuser.' });

/** Records the line manager's answer once; an approval publishes the offer, a refusal keeps it unpublished. */
export async function decideApproval(services: Services, token: string, input: { decision: unknown; reason: unknown; managerName: unknown }) {
  const decision = decisionSchema.safeParse(input.decision);
  if (!decision.success) throw new AppError('VALIDATION', decision.error.issues[0]?.message ?? 'Choix invalide.');
  const approve = decision.data === 'approve';
  const reason = approve ? null : requiredReason(input.reason);
  const managerName = z.string().trim().min(3, 'Indiquez votre nom.').max(200).safeParse(input.managerName);
  if (!managerName.success) {
    throw new AppError('VALIDATION', 'Votre réponse n’a pas été enregistrée.', { fieldErrors: { managerName: managerName.error.issues.map((i) => i.message) } });
  }
  const link = await findLink(services, token);
  const now = services.clock.now();
  if (link.usedAt) throw new AppError('CONFLICT', 'Ce lien a déjà servi : votre réponse est enregistrée.');
  if (link.expiresAt <= now) throw new AppError('CONFLICT', 'Ce lien a expiré : l’agent peut vous en envoyer un nouveau.');
  const skill = await loadSkillOffer(services, link.offerId);
  const email = await prepareEmail({
    dedupeKey: `manager-decision:${link.id}`,
    to: skill.agent.email,
    template: 'manager-decision',
    props: {
      agentName: personName(skill.agent),
      managerName: managerName.data,
      offerTitle: skill.offer.title,
      approved: approve,
      reason: reason ?? undefined,
      url: `${services.env.appUrl}/espace/agent`,
    },
  });
  await services.prisma.$transaction(async (tx) => {
    const used = await tx.managerApprovalLink.updateMany({ where: { id: link.id, usedAt: null }, data: { usedAt: now } });
    const decided = await tx.skillOffer.updateMany({
      where: { offerId: link.offerId, managerApproval: 'PENDING' },
      data: { managerApproval: approve ? 'APPROVED' : 'REFUSED', managerDecisionAt: now, managerRefusal: reason },
    });
    if (used.count === 0 || decided.count === 0) throw new AppError('CONFLICT', 'Une réponse a déjà été enregistrée pour cette proposition.');
    if (approve) {
      await tx.offer.updateMany({ where: { id: link.offerId, status: 'PENDING_APPROVAL' }, data: { status: 'PUBLISHED', publishedAt: now } });
    }
    await tx.managerApprovalLink.updateMany({ where: { offerId: link.offerId, usedAt: null }, data: { expiresAt: now } });
    await enqueuePrepared(tx, email, services.clock);
    await tx.auditLog.create({
      data: { action: approve ? 'skill_offer.approved' : 'skill_offer.refused', targetType: 'Offer', targetId: link.offerId, details: { by: managerName.data, email: link.email, reason }, at: now },
    });
  });
  return { approved: approve };
}
