import { z } from 'zod';
import { sha256 } from '../clock';
import { AppError } from '../errors';
import { fromZodError } from '../http/route-errors';
import type { Services } from '../services';
import { signatoryRoleLabels } from './signatories';
import { templateById } from './template-files';

const EDITABLE_DAYS = 30;

const answerSchema = z.object({
  score: z.coerce.number({ error: 'Choisissez une note de 1 à 5.' }).int().min(1, 'Choisissez une note de 1 à 5.').max(5, 'Choisissez une note de 1 à 5.'),
  comment: z.string().trim().max(2000, '2 000 caractères au plus.').optional().transform((value) => value || null),
});

async function surveyLink(services: Services, token: string) {
  const link = await services.prisma.conventionLink.findUnique({
    where: { tokenHash: sha256(token) },
    include: { signatory: { include: { surveys: true, convention: { select: { id: true, reference: true, templateId: true } } } } },
  });
  if (!link || link.purpose !== 'SURVEY') throw new AppError('NOT_FOUND', 'Ce lien d’enquête n’est pas valide.');
  if (link.expiresAt <= services.clock.now()) throw new AppError('NOT_FOUND', 'Ce lien d’enquête a expiré.');
  return link;
}

function editable(answer: { createdAt: Date } | undefined, now: Date): boolean {
  return !answer || now.getTime() - answer.createdAt.getTime() <= EDITABLE_DAYS * 86_400_000;
}

export async function openSurvey(services: Services, token: string) {
  const link = await surveyLink(services, token);
  const answer = link.signatory.surveys[0];
  return {
    conventionTitle: (await templateById(services.prisma, link.signatory.convention.templateId)).meta.title,
    reference: link.signatory.convention.reference,
    roleLabel: signatoryRoleLabels[link.signatory.role],
    answer: answer ? { score: answer.score, comment: answer.comment ?? '' } : null,
    editable: editable(answer, services.clock.now()),
  };
}

/** One answer per person; it can be changed for 30 days after the first answer. */
export async function answerSurvey(services: Services, token: string, raw: unknown) {
  const parsed = answerSchema.safeParse(raw);
  if (!parsed.success) throw fromZodError(parsed.error, 'Votre réponse n’a pas été enregistrée.');
  const link = await surveyLink(services, token);
  const now = services.clock.now();
  const existing = link.signatory.surveys[0];
  if (!editable(existing, now)) throw new AppError('CONFLICT', `Votre réponse n’est plus modifiable (${EDITABLE_DAYS} jours après la première réponse).`);
  await services.prisma.surveyResponse.upsert({
    where: { signatoryId: link.signatoryId },
    create: { conventionId: link.signatory.convention.id, signatoryId: link.signatoryId, role: link.signatory.role, score: parsed.data.score, comment: parsed.data.comment, createdAt: now },
    update: { score: parsed.data.score, comment: parsed.data.comment },
  });
  return { saved: true as const };
}
