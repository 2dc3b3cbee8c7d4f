import type { SignatureCertificate } from '../../../matching/conventions/document';
import { sha256 } from '../clock';
import { enqueuePrepared, prepareEmail, type PreparedEmail } from '../email/outbox';
import { appendCertificate } from '../pdf/certificate';
import type { Services } from '../services';
import { signatoryRoleLabels } from './signatories';
import { templateById } from './template-files';

const DOWNLOAD_LINK_DAYS = 60;

/**
 * Produces the final PDF (the signed version, unchanged, plus a certificate page) and tells every party.
 * Idempotent: runs after the last signature and again from the periodic jobs if it was interrupted.
 */
export async function finaliseConvention(services: Services, conventionId: string): Promise<void> {
  const convention = await services.prisma.convention.findUniqueOrThrow({
    where: { id: conventionId },
    include: { versions: true, signatories: { orderBy: { position: 'asc' }, include: { signatures: true } } },
  });
  if (convention.finalPdfKey || !['SIGNED', 'IN_PROGRESS', 'COMPLETED'].includes(convention.status)) return;
  const version = convention.versions.find((v) => v.number === convention.version);
  const signed = version ? await services.storage.get(version.pdfKey) : null;
  if (!version || !signed) throw new Error(`Signed PDF missing for convention ${conventionId}`);
  if (sha256(signed.body) !== version.sha256) throw new Error(`Stored PDF of convention ${conventionId} does not match its hash`);

  const recorders = await services.prisma.user.findMany({
    where: { id: { in: convention.signatories.flatMap((s) => s.signatures.map((sig) => sig.recordedById ?? '')).filter(Boolean) } },
    select: { id: true, email: true, firstName: true, lastName: true },
  });
  const recorderName = (id: string | null) => {
    const user = recorders.find((r) => r.id === id);
    return user ? [user.firstName, user.lastName].filter(Boolean).join(' ') || user.email : 'une personne habilitée';
  };
  const entries = convention.signatories.flatMap((signatory) => {
    const signature = signatory.signatures.find((s) => s.versionNumber === convention.version && !s.voidedAt);
    if (!signature) return [];
    return [
      {
        roleLabel: signatoryRoleLabels[signatory.role],
        name: signatory.name,
        method: signature.method,
        signedAt: signature.signedAt.toISOString(),
        ipHash: signature.ipHash ?? undefined,
        userAgent: signature.userAgent ?? undefined,
        evidence:
          signature.method === 'ONLINE'
            ? `Nom tapé : « ${signature.typedName ?? ''} », case de consentement cochée`
            : `Scan de la signature manuscrite déposé par ${recorderName(signature.recordedById)}`,
      },
    ];
  });
  const completedAt = entries.map((e) => e.signedAt).sort().at(-1) ?? services.clock.now().toISOString();
  const title = (await templateById(services.prisma, convention.templateId)).meta.title;
  const certificate: SignatureCertificate = {
    title,
    reference: convention.reference,
    verificationCode: convention.verificationCode,
    version: convention.version,
    documentSha256: version.sha256,
    completedAt,
    verifyUrl: `${services.env.appUrl}/verification`,
    entries,
  };
  const finalPdf = await appendCertificate(signed.body, certificate);
  const finalSha = sha256(finalPdf);
  const key = `conventions/${conventionId}/final-v${convention.version}-${finalSha.slice(0, 12)}.pdf`;
  await services.storage.put(key, finalPdf, 'application/pdf');

  const now = services.clock.now();
  const downloadTokens = new Map(convention.signatories.filter((s) => !s.userId).map((s) => [s.id, services.tokens.token()]));
  const emails: PreparedEmail[] = [];
  const seen = new Set<string>();
  for (const signatory of convention.signatories) {
    // One email per address: the pupil's signature goes through the legal representative's address.
    if (seen.has(signatory.email)) continue;
    seen.add(signatory.email);
    const token = downloadTokens.get(signatory.id);
    emails.push(
      await prepareEmail({
        dedupeKey: `convention-signed:${conventionId}:v${convention.version}:${signatory.id}`,
        to: signatory.email,
        template: 'convention-signed',
        props: {
          recipientName: signatory.name,
          conventionTitle: title,
          reference: convention.reference,
          url: token ? `${services.env.appUrl}/telechargement/${token}` : `${services.env.appUrl}/conventions/${conventionId}`,
          verifyUrl: `${services.env.appUrl}/verification`,
          verificationCode: convention.verificationCode,
        },
      }),
    );
  }
  await services.prisma.$transaction(async (tx) => {
    const { count } = await tx.convention.updateMany({
      where: { id: conventionId, finalPdfKey: null },
      data: { finalPdfKey: key, finalPdfSha256: finalSha },
    });
    if (count === 0) return;
    for (const [signatoryId, token] of downloadTokens) {
      await tx.conventionLink.create({
        data: { signatoryId, purpose: 'DOWNLOAD', tokenHash: sha256(token), createdAt: now, expiresAt: new Date(now.getTime() + DOWNLOAD_LINK_DAYS * 86_400_000) },
      });
    }
    for (const email of emails) await enqueuePrepared(tx, email, services.clock);
    await tx.auditLog.create({
      data: { action: 'convention.finalised', targetType: 'Convention', targetId: conventionId, details: { sha256: finalSha, signedSha256: version.sha256 }, at: now },
    });
  });
}
