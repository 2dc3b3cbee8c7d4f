import { z } from 'zod';
import { awaitedBefore, checkTransition, type ConventionStatus } from '../../../matching/conventions/lifecycle';
import type { CurrentUser } from '../auth/session';
import { serverSecret } from '../auth/session';
import { sha256 } from '../clock';
import type { Prisma } from '../db/generated/client';
import { enqueuePrepared, prepareEmail } from '../email/outbox';
import { formatDayFr } from '../../../matching/weeks';
import { AppError } from '../errors';
import { fromZodError } from '../http/route-errors';
import { requiredReason } from '../reason';
import type { Services } from '../services';
import { hashIp } from './codes';
import { finaliseConvention } from './finalise';
import { assertMayAct, loadConvention } from './records';
import { emailRoleLabel, signatoryRoleLabels } from './signatories';
import { templateById } from './template-files';

const DAY_MS = 86_400_000;
const RENEWAL_INTERVAL_MS = 10 * 60_000;

const linkInclude = {
  signatory: {
    include: {
      signatures: true,
      convention: {
        select: {
          id: true,
          reference: true,
          status: true,
          version: true,
          kind: true,
          templateId: true,
          verificationCode: true,
          versions: { select: { number: true, sha256: true, createdAt: true, voidedAt: true } },
          signatories: { orderBy: { position: 'asc' }, select: { id: true, role: true, name: true, signatures: { select: { versionNumber: true, voidedAt: true, signedAt: true } } } },
        },
      },
    },
  },
} as const;

type LinkRow = Prisma.ConventionLinkGetPayload<{ include: typeof linkInclude }>;

export type LinkState = 'VALID' | 'EXPIRED' | 'USED' | 'REPLACED' | 'CLOSED';

const hasSigned = (signatures: { versionNumber: number; voidedAt: Date | null }[], version: number) =>
  signatures.some((s) => s.versionNumber === version && !s.voidedAt);

function stateOf(link: LinkRow, now: Date): LinkState {
  const convention = link.signatory.convention;
  if (link.usedAt || hasSigned(link.signatory.signatures, convention.version)) return 'USED';
  if (!['READY_TO_SIGN', 'PARTIALLY_SIGNED'].includes(convention.status)) return 'CLOSED';
  if (link.versionNumber !== convention.version) return 'REPLACED';
  if (link.expiresAt <= now) return 'EXPIRED';
  return 'VALID';
}

const stateMessages: Record<Exclude<LinkState, 'VALID'>, string> = {
  EXPIRED: 'Ce lien de signature a expiré. Vous pouvez en recevoir un nouveau à la même adresse.',
  USED: 'Ce lien a déjà servi : votre signature est enregistrée. Un lien ne sert qu’une fois.',
  REPLACED: 'Cette version de la convention a été remplacée : un nouveau lien vous a été envoyé par e-mail.',
  CLOSED: 'Cette convention n’attend plus de signature.',
};

async function findLink(services: Services, token: string, purpose: 'SIGN' | 'SURVEY' | 'DOWNLOAD') {
  const link = await services.prisma.conventionLink.findUnique({ where: { tokenHash: sha256(token) }, include: linkInclude });
  if (!link || link.purpose !== purpose) throw new AppError('NOT_FOUND', 'Ce lien n’est pas valide. Vérifiez qu’il a été copié en entier.');
  return link;
}

/** What the signature page shows: the document, its version and fingerprint, and who has signed so far. */
export async function openSigningLink(services: Services, token: string) {
  const link = await findLink(services, token, 'SIGN');
  const convention = link.signatory.convention;
  const state = stateOf(link, services.clock.now());
  const current = convention.versions.find((v) => v.number === convention.version);
  return {
    state,
    message: state === 'VALID' ? null : stateMessages[state],
    signatory: { name: link.signatory.name, roleLabel: signatoryRoleLabels[link.signatory.role] },
    convention: {
      title: await conventionTitle(services, convention.templateId),
      reference: convention.reference,
      kind: convention.kind,
      version: convention.version,
      sha256: current?.sha256 ?? '',
      parties: convention.signatories.map((s) => ({
        roleLabel: signatoryRoleLabels[s.role],
        name: s.name,
        signed: hasSigned(s.signatures, convention.version),
      })),
    },
  };
}

/** The PDF behind a still-valid link (the one the person is about to sign). */
export async function documentForLink(services: Services, token: string) {
  const link = await findLink(services, token, 'SIGN');
  const state = stateOf(link, services.clock.now());
  if (state !== 'VALID' && state !== 'USED') throw new AppError('NOT_FOUND', stateMessages[state]);
  const convention = link.signatory.convention;
  const version = await services.prisma.conventionVersion.findUnique({
    where: { conventionId_number: { conventionId: convention.id, number: link.versionNumber ?? convention.version } },
  });
  const file = version ? await services.storage.get(version.pdfKey) : null;
  if (!version || !file) throw new AppError('NOT_FOUND', 'Ce document est introuvable.');
  return { body: file.body, fileName: `${convention.reference}-v${version.number}.pdf` };
}

const simplify = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();

const signSchema = z.object({
  typedName: z.string().trim().min(3, 'Tapez votre nom complet.').max(200),
  consent: z.literal('on', { error: 'Cochez la case pour confirmer que vous signez cette convention.' }),
});

export interface RequestEvidence {
  ip: string;
  userAgent: string;
}

/** Records one online signature; the last one makes the convention signed and triggers the final PDF. */
export async function signWithLink(services: Services, token: string, raw: unknown, evidence: RequestEvidence) {
  const parsed = signSchema.safeParse(raw);
  if (!parsed.success) throw fromZodError(parsed.error, 'La signature n’a pas été enregistrée.');
  const link = await findLink(services, token, 'SIGN');
  const now = services.clock.now();
  const state = stateOf(link, now);
  if (state !== 'VALID') throw new AppError(state === 'EXPIRED' ? 'VALIDATION' : 'CONFLICT', stateMessages[state]);
  if (simplify(parsed.data.typedName) !== simplify(link.signatory.name)) {
    throw new AppError('VALIDATION', 'La signature n’a pas été enregistrée.', {
      fieldErrors: { typedName: [`Tapez votre nom complet tel qu’il figure sur la convention : ${link.signatory.name}.`] },
    });
  }
  const convention = link.signatory.convention;
  const version = convention.versions.find((v) => v.number === convention.version);
  if (!version) throw new AppError('CONFLICT', stateMessages.CLOSED);
  const result = await recordSignature(services, {
    conventionId: convention.id,
    signatoryId: link.signatoryId,
    version: convention.version,
    documentSha256: version.sha256,
    actor: 'SIGNATORY',
    data: {
      method: 'ONLINE',
      typedName: parsed.data.typedName,
      ipHash: hashIp(evidence.ip, serverSecret(services)),
      userAgent: evidence.userAgent.slice(0, 400),
    },
    linkId: link.id,
    now,
  });
  return result;
}

interface RecordInput {
  conventionId: string;
  signatoryId: string;
  version: number;
  documentSha256: string;
  actor: 'SIGNATORY' | 'PARTY' | 'MISSION_ESS';
  data: Pick<Prisma.SignatureUncheckedCreateInput, 'method' | 'typedName' | 'ipHash' | 'userAgent' | 'scanKey' | 'scanContentType' | 'recordedById'>;
  linkId?: string;
  now: Date;
}

async function recordSignature(services: Services, input: RecordInput) {
  const outcome = await services.prisma.$transaction(async (tx) => {
    if (input.linkId) {
      const { count } = await tx.conventionLink.updateMany({ where: { id: input.linkId, usedAt: null }, data: { usedAt: input.now } });
      if (count === 0) throw new AppError('CONFLICT', stateMessages.USED);
    }
    const convention = await tx.convention.findUniqueOrThrow({
      where: { id: input.conventionId },
      include: { signatories: { include: { signatures: true } } },
    });
    if (convention.version !== input.version) throw new AppError('CONFLICT', stateMessages.REPLACED);
    const signatory = convention.signatories.find((s) => s.id === input.signatoryId);
    if (!signatory) throw new AppError('NOT_FOUND', 'Ce ou cette signataire ne figure plus sur la convention.');
    if (hasSigned(signatory.signatures, input.version)) throw new AppError('CONFLICT', stateMessages.USED);
    const awaited = awaitedBefore(
      (await templateById(tx, convention.templateId)).meta.signatureOrder,
      signatory.position,
      convention.signatories.map((s) => ({ position: s.position, signed: hasSigned(s.signatures, input.version) })),
    );
    if (awaited.length) {
      const names = convention.signatories.filter((s) => awaited.includes(s.position)).map((s) => s.name);
      throw new AppError('CONFLICT', `Cette convention se signe dans l’ordre : ${names.join(', ')} doit d’abord signer.`);
    }
    const others = convention.signatories.filter((s) => s.id !== input.signatoryId);
    const last = others.every((s) => hasSigned(s.signatures, input.version));
    const check = checkTransition(convention.status as ConventionStatus, last ? 'sign_last' : 'sign', input.actor);
    if (!check.ok) throw new AppError('CONFLICT', check.reason);
    await tx.signature.create({
      data: { ...input.data, signatoryId: input.signatoryId, versionNumber: input.version, documentSha256: input.documentSha256, signedAt: input.now },
    });
    const to = check.transition.to ?? convention.status;
    const { count } = await tx.convention.updateMany({
      where: { id: convention.id, version: input.version, status: convention.status },
      data: { status: to, ...(to === 'SIGNED' ? { signedAt: input.now } : {}) },
    });
    if (count === 0) throw new AppError('CONFLICT', 'Une autre signature vient d’être enregistrée : réessayez.');
    await tx.auditLog.create({
      data: {
        actorId: input.data.recordedById ?? null,
        action: input.data.method === 'PAPER' ? 'convention.signed_on_paper' : 'convention.signed',
        targetType: 'Convention',
        targetId: convention.id,
        details: { signatoryId: input.signatoryId, role: signatory.role, version: input.version, sha256: input.documentSha256 },
        at: input.now,
      },
    });
    return { status: to, last };
  });
  if (outcome.last) await finaliseConvention(services, input.conventionId);
  return outcome;
}

/** A new link for an expired one, to the same address; never once signed, and not more than every 10 minutes. */
export async function renewSigningLink(services: Services, token: string) {
  const link = await findLink(services, token, 'SIGN');
  const now = services.clock.now();
  const state = stateOf(link, now);
  if (state !== 'EXPIRED') throw new AppError('CONFLICT', state === 'VALID' ? 'Ce lien est encore valable : utilisez-le.' : stateMessages[state]);
  const latest = await services.prisma.conventionLink.findFirst({
    where: { signatoryId: link.signatoryId, purpose: 'SIGN' },
    orderBy: { createdAt: 'desc' },
  });
  if (latest && latest.id !== link.id && now.getTime() - latest.createdAt.getTime() < RENEWAL_INTERVAL_MS) {
    return { sent: false as const };
  }
  await sendSigningLink(services, link.signatoryId, now);
  return { sent: true as const };
}

/** Sends a fresh personal link for the current version (renewals and reminders). */
export async function sendSigningLink(services: Services, signatoryId: string, now: Date, reminder?: { daysWaiting: number; dedupeKey: string }) {
  const signatory = await services.prisma.signatory.findUniqueOrThrow({
    where: { id: signatoryId },
    include: { convention: { select: { id: true, reference: true, version: true, templateId: true } } },
  });
  const token = services.tokens.token();
  const expiresAt = new Date(now.getTime() + services.env.signatureLinkDays * DAY_MS);
  const title = await conventionTitle(services, signatory.convention.templateId);
  const props = {
    signatoryName: signatory.name,
    roleLabel: emailRoleLabel(signatory.role),
    conventionTitle: title,
    reference: signatory.convention.reference,
    version: signatory.convention.version,
    url: `${services.env.appUrl}/signature/${token}`,
    expiresOn: formatDayFr(expiresAt),
  };
  const email = reminder
    ? await prepareEmail({ dedupeKey: reminder.dedupeKey, to: signatory.email, template: 'convention-reminder', props: { ...props, daysWaiting: reminder.daysWaiting } })
    : await prepareEmail({ dedupeKey: `convention-to-sign:renewal:${sha256(token).slice(0, 16)}`, to: signatory.email, template: 'convention-to-sign', props });
  await services.prisma.$transaction(async (tx) => {
    const { enqueued } = await enqueuePrepared(tx, email, services.clock);
    if (!enqueued) return;
    await tx.conventionLink.create({
      data: { signatoryId, purpose: 'SIGN', tokenHash: sha256(token), versionNumber: signatory.convention.version, createdAt: now, expiresAt },
    });
  });
}

const paperSchema = z.object({
  signatoryId: z.string().min(1, 'Choisissez le ou la signataire.'),
  contentType: z.enum(['application/pdf', 'image/png', 'image/jpeg'], { error: 'Déposez un PDF, un PNG ou un JPEG.' }),
  size: z.number().int().min(1, 'Le fichier est vide.').max(10 * 1024 * 1024, 'Le fichier dépasse 10 Mo.'),
});

/** "Signed on paper": an authorised person uploads the scan; it counts as that signatory's signature, recorded as such. */
export async function recordPaperSignature(
  services: Services,
  user: CurrentUser,
  conventionId: string,
  input: { signatoryId: unknown; file: { body: Uint8Array; contentType: string } | null },
) {
  const parsed = paperSchema.safeParse({
    signatoryId: input.signatoryId,
    contentType: input.file?.contentType,
    size: input.file?.body.byteLength ?? 0,
  });
  if (!parsed.success) throw fromZodError(parsed.error, 'Le scan n’a pas été enregistré.');
  const convention = await loadConvention(services.prisma, conventionId);
  const actor = assertMayAct(user, convention);
  const version = convention.versions.find((v) => v.number === convention.version);
  if (!version || !['READY_TO_SIGN', 'PARTIALLY_SIGNED'].includes(convention.status)) {
    throw new AppError('CONFLICT', stateMessages.CLOSED);
  }
  const file = input.file as { body: Uint8Array; contentType: string };
  const extension = parsed.data.contentType === 'application/pdf' ? 'pdf' : parsed.data.contentType === 'image/png' ? 'png' : 'jpg';
  const scanKey = `conventions/${conventionId}/scans/${parsed.data.signatoryId.toLowerCase()}-v${version.number}.${extension}`;
  await services.storage.put(scanKey, file.body, parsed.data.contentType);
  return recordSignature(services, {
    conventionId,
    signatoryId: parsed.data.signatoryId,
    version: version.number,
    documentSha256: version.sha256,
    actor: actor === 'MISSION_ESS' ? 'MISSION_ESS' : 'PARTY',
    data: { method: 'PAPER', scanKey, scanContentType: parsed.data.contentType, recordedById: user.id },
    now: services.clock.now(),
  });
}

async function conventionTitle(services: Services, templateId: string): Promise<string> {
  return (await templateById(services.prisma, templateId)).meta.title;
}

/** A signatory refuses to sign: the convention is rejected, every party is told the reason, links stop working. */
export async function rejectWithLink(services: Services, token: string, rawReason: unknown) {
  const reason = requiredReason(rawReason);
  const link = await findLink(services, token, 'SIGN');
  const now = services.clock.now();
  const state = stateOf(link, now);
  if (state !== 'VALID') throw new AppError('CONFLICT', stateMessages[state]);
  const convention = link.signatory.convention;
  const check = checkTransition(convention.status as ConventionStatus, 'reject', 'SIGNATORY', reason);
  if (!check.ok) throw new AppError('CONFLICT', check.reason);
  const title = await conventionTitle(services, convention.templateId);
  const recipients = await services.prisma.signatory.findMany({ where: { conventionId: convention.id }, distinct: ['email'], select: { email: true, name: true } });
  const emails = await Promise.all(
    recipients.map((recipient) =>
      prepareEmail({
        dedupeKey: `convention-rejected:${convention.id}:${recipient.email}`,
        to: recipient.email,
        template: 'convention-cancelled',
        props: {
          recipientName: recipient.name,
          conventionTitle: title,
          reference: convention.reference,
          reason,
          cancelledBy: `${link.signatory.name} (${signatoryRoleLabels[link.signatory.role]}), qui refuse de signer`,
        },
      }),
    ),
  );
  await services.prisma.$transaction(async (tx) => {
    const { count } = await tx.convention.updateMany({
      where: { id: convention.id, status: convention.status, version: convention.version },
      data: { status: 'REJECTED', statusReason: `Refus de ${link.signatory.name} : ${reason}` },
    });
    if (count === 0) throw new AppError('CONFLICT', 'La convention vient d’être modifiée : rechargez la page.');
    await tx.conventionLink.updateMany({ where: { signatory: { conventionId: convention.id }, usedAt: null }, data: { expiresAt: now } });
    for (const email of emails) await enqueuePrepared(tx, email, services.clock);
    await tx.auditLog.create({
      data: { action: 'convention.rejected', targetType: 'Convention', targetId: convention.id, details: { signatoryId: link.signatoryId, role: link.signatory.role, reason }, at: now },
    });
  });
  return { status: 'REJECTED' as const };
}
