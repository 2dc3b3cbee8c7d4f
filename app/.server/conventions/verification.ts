import { z } from 'zod';
import { statusLabels, type ConventionStatus } from '../../../matching/conventions/lifecycle';
import { formatDayFr } from '../../../matching/weeks';
import { hitRateLimit } from '../auth/rate-limit';
import { AppError } from '../errors';
import type { Services } from '../services';
import { normaliseVerificationCode } from './codes';
import { templateById } from './template-files';

const inputSchema = z.string().trim().min(1, 'Saisissez le code imprimé sur la convention ou l’empreinte SHA-256 du fichier.').max(100);

export type VerificationResult =
  | { found: false }
  | { found: true; title: string; reference: string; status: string; version: number; current: boolean; signedOn: string | null; matchedBy: 'code' | 'final' | 'version' };


/** Public check of a code or a hash: says whether it is a genuine convention, without any personal data. */
export async function verifyConvention(services: Services, raw: unknown, clientIp: string): Promise<VerificationResult> {
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('VALIDATION', 'Saisissez un code ou une empreinte.', { fieldErrors: { query: parsed.error.issues.map((i) => i.message) } });
  }
  const allowed = await hitRateLimit(services.prisma, `verify:${clientIp}`, { limit: 30, windowMs: 10 * 60_000 }, services.clock.now());
  if (!allowed) throw new AppError('RATE_LIMITED', 'Trop de vérifications depuis votre connexion : réessayez dans quelques minutes.');
  const query = parsed.data.toLowerCase();
  const select = { reference: true, status: true, version: true, signedAt: true, templateId: true, finalPdfSha256: true } as const;
  let convention = null;
  let matchedBy: 'code' | 'final' | 'version' = 'code';
  let versionNumber: number | null = null;
  if (/^[0-9a-f]{64}$/.test(query)) {
    convention = await services.prisma.convention.findUnique({ where: { finalPdfSha256: query }, select });
    matchedBy = 'final';
    if (!convention) {
      const version = await services.prisma.conventionVersion.findFirst({ where: { sha256: query }, select: { number: true, convention: { select } } });
      convention = version?.convention ?? null;
      versionNumber = version?.number ?? null;
      matchedBy = 'version';
    }
  } else {
    convention = await services.prisma.convention.findUnique({ where: { verificationCode: normaliseVerificationCode(query) }, select });
  }
  if (!convention) return { found: false };
  return {
    found: true,
    title: (await templateById(services.prisma, convention.templateId)).meta.title,
    reference: convention.reference,
    status: statusLabels[convention.status as ConventionStatus],
    version: versionNumber ?? convention.version,
    current: versionNumber === null || versionNumber === convention.version,
    signedOn: convention.signedAt ? formatDayFr(convention.signedAt) : null,
    matchedBy,
  };
}
