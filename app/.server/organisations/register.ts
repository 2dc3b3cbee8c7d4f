import { z } from 'zod';
import { isValidSiret, isValidUai } from '../../lib/identifiers';
import { emailInDomains } from '../auth/login';
import type { CurrentUser } from '../auth/session';
import { enqueuePrepared, prepareEmail } from '../email/outbox';
import { AppError } from '../errors';
import { fromZodError } from '../http/route-errors';
import { assertAccess } from '../auth/authorize';
import type { Services } from '../services';
import { bothOrNeither, coordinatesFields } from '../../lib/coordinates';
import { inQpvAt } from '../zones/place-address';

const structureSchema = z.object({
  name: z.string().trim().min(3, 'Nom : 3 caractères au moins.').max(200, 'Nom : 200 caractères au plus.'),
  legalForm: z.enum(['ASSOCIATION', 'SCIC', 'SCOP', 'COOPERATIVE', 'FONDATION', 'MUTUELLE', 'ENTREPRISE_ESUS'], { error: 'Forme juridique : choisissez-en une.' }),
  siret: z
    .string()
    .transform((value) => value.replace(/[\s.]/g, ''))
    .pipe(z.string().regex(/^\d{14}$/, 'SIRET : 14 chiffres.').refine(isValidSiret, 'SIRET : la clé de contrôle ne correspond pas, vérifiez le numéro.')),
  address: z.string().trim().min(5, 'Adresse : indiquez le numéro et la voie.').max(300),
  communeCode: z.string().trim().regex(/^30\d{3}$/, 'Commune : choisissez une commune du Gard.'),
  skillsEligibility: z.enum(['NONE', 'INTERET_GENERAL', 'ARUP', 'FONDATION'], { error: 'Éligibilité : choisissez une réponse.' }),
  ...coordinatesFields,
}).superRefine(bothOrNeither);

/**
 * Declares an ESS structure; whoever declares it becomes its first member. A declared eligibility for skills
 * placements only counts once the Mission ESS has verified it.
 */
export async function registerStructure(services: Services, user: CurrentUser, input: Record<string, unknown>) {
  const parsed = structureSchema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error, 'La structure n’a pas été enregistrée : corrigez les champs signalés.');
  const data = parsed.data;
  if (!(await services.prisma.commune.findUnique({ where: { code: data.communeCode }, select: { code: true } }))) {
    throw new AppError('VALIDATION', 'La structure n’a pas été enregistrée.', { fieldErrors: { communeCode: ['Commune : choisissez une commune du Gard.'] } });
  }
  if (await services.prisma.organisation.findUnique({ where: { siret: data.siret }, select: { id: true } })) {
    throw new AppError('CONFLICT', 'Une structure avec ce SIRET est déjà inscrite : demandez à l’un de ses membres de vous inviter.', {
      fieldErrors: { siret: ['Ce SIRET est déjà inscrit.'] },
    });
  }
  const now = services.clock.now();
  return services.prisma.$transaction(async (tx) => {
    const organisation = await tx.organisation.create({ data: { kind: 'STRUCTURE', ...data, inQpv: (await inQpvAt(tx, data)) ?? false, createdAt: now } });
    await tx.roleGrant.create({ data: { userId: user.id, role: 'STRUCTURE_MEMBER', organisationId: organisation.id, createdAt: now } });
    await tx.auditLog.create({ data: { actorId: user.id, action: 'structure.registered', targetType: 'Organisation', targetId: organisation.id, details: { siret: data.siret, declared: data.skillsEligibility }, at: now } });
    return { id: organisation.id };
  });
}

const inviteSchema = z.object({ email: z.string().trim().toLowerCase().pipe(z.email('Adresse e-mail invalide.')) });

/** A member invites a colleague: the person gets the member role and an email with the sign-in page. */
export async function inviteMember(services: Services, user: CurrentUser, organisationId: string, input: Record<string, unknown>) {
  assertAccess(user, { roles: ['STRUCTURE_MEMBER'], organisationId });
  const parsed = inviteSchema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error, 'Personne n’a été invité.');
  const organisation = await services.prisma.organisation.findFirst({ where: { id: organisationId, kind: 'STRUCTURE' } });
  if (!organisation) throw new AppError('NOT_FOUND', 'Cette structure n’existe pas.');
  const now = services.clock.now();
  const inviter = [user.firstName, user.lastName].filter(Boolean).join(' ') || user.email;
  const email = await prepareEmail({
    dedupeKey: `invitation:${organisationId}:${parsed.data.email}`,
    to: parsed.data.email,
    template: 'invitation',
    props: { inviterName: inviter, organisationName: organisation.name, url: `${services.env.appUrl}/connexion` },
  });
  await services.prisma.$transaction(async (tx) => {
    const invited = await tx.user.upsert({ where: { email: parsed.data.email }, create: { email: parsed.data.email, createdAt: now }, update: {} });
    await tx.roleGrant.createMany({ data: [{ userId: invited.id, role: 'STRUCTURE_MEMBER', organisationId, createdAt: now }], skipDuplicates: true });
    await enqueuePrepared(tx, email, services.clock);
    await tx.auditLog.create({ data: { actorId: user.id, action: 'structure.member_invited', targetType: 'Organisation', targetId: organisationId, details: { email: parsed.data.email }, at: now } });
  });
  return { invited: parsed.data.email };
}

const collegeSchema = z.object({
  name: z.string().trim().min(3, 'Nom : 3 caractères au moins.').max(200, 'Nom : 200 caractères au plus.'),
  uai: z
    .string()
    .transform((value) => value.replace(/\s/g, '').toUpperCase())
    .pipe(
      z
        .string()
        .regex(/^\d{7}[A-Z]$/, 'UAI : 7 chiffres et une lettre (ex. 0300001N).')
        .refine((value) => value.startsWith('030'), 'UAI : ce numéro n’est pas celui d’un établissement du Gard (il commence par 030).')
        .refine(isValidUai, 'UAI : la lettre de contrôle ne correspond pas, vérifiez le numéro.'),
    ),
  address: z.string().trim().min(5, 'Adresse : indiquez le numéro et la voie.').max(300),
  communeCode: z.string().trim().regex(/^30\d{3}$/, 'Commune : choisissez une commune du Gard.'),
  priorityEducation: z.enum(['NONE', 'REP', 'REP_PLUS'], { error: 'Éducation prioritaire : choisissez une réponse.' }),
  qpv: z.enum(['on']).optional(),
  ...coordinatesFields,
}).superRefine(bothOrNeither);

/**
 * Declares a collège; the declaring member of staff (an academic address) becomes its first staff member. A UAI is
 * declared once: a second declaration is sent to the Mission ESS instead.
 */
export async function registerCollege(services: Services, user: CurrentUser, input: Record<string, unknown>) {
  if (!emailInDomains(user.email, services.env.collegeEmailDomains)) {
    throw new AppError(
      'FORBIDDEN',
      `Seul le personnel d’un collège, avec une adresse académique (${services.env.collegeEmailDomains.join(', ')}), peut déclarer un collège. Connectez-vous avec cette adresse.`,
    );
  }
  const parsed = collegeSchema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error, 'Le collège n’a pas été enregistré : corrigez les champs signalés.');
  const { priorityEducation, qpv, ...data } = parsed.data;
  if (!(await services.prisma.commune.findUnique({ where: { code: data.communeCode }, select: { code: true } }))) {
    throw new AppError('VALIDATION', 'Le collège n’a pas été enregistré.', { fieldErrors: { communeCode: ['Commune : choisissez une commune du Gard.'] } });
  }
  if (await services.prisma.organisation.findUnique({ where: { uai: data.uai }, select: { id: true } })) {
    throw new AppError('CONFLICT', 'Ce collège est déjà inscrit : demandez à un membre de son équipe ou à la Mission ESS de vous y rattacher.', {
      fieldErrors: { uai: ['Cet UAI est déjà inscrit.'] },
    });
  }
  const now = services.clock.now();
  return services.prisma.$transaction(async (tx) => {
    const organisation = await tx.organisation.create({
      data: {
        kind: 'COLLEGE',
        ...data,
        rep: priorityEducation === 'REP',
        repPlus: priorityEducation === 'REP_PLUS',
        qpv: qpv === 'on',
        // Placed by its coordinates when given (ANCT boundaries), otherwise as declared.
        inQpv: (await inQpvAt(tx, data)) ?? qpv === 'on',
        createdAt: now,
      },
    });
    await tx.roleGrant.create({ data: { userId: user.id, role: 'COLLEGE_STAFF', organisationId: organisation.id, createdAt: now } });
    await tx.auditLog.create({ data: { actorId: user.id, action: 'college.registered', targetType: 'Organisation', targetId: organisation.id, details: { uai: data.uai }, at: now } });
    return { id: organisation.id };
  });
}
