import { z } from 'zod';
import { MAX_GROUPING_PARTNERS } from '../../lib/publication-fields';

/** What people type when they post a need or an offer; each form posts plain fields, parsed here. */

const isoDay = (label: string) =>
  z
    .string()
    .trim()
    .refine((value) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
    }, `${label} : date invalide (AAAA-MM-JJ).`);

const optionalDay = (label: string) => z.union([z.literal(''), isoDay(label)]).default('');
const flag = z.preprocess((value) => value === 'on' || value === true, z.boolean());
// An empty field would coerce to 0 and read « 1 au moins » : say it is missing instead.
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const int = (label: string, min: number, max: number) =>
  z.preprocess(blankToUndefined, z.coerce.number({ error: `${label} : nombre attendu.` })).pipe(z.number({ error: `${label} : nombre attendu.` }).int(`${label} : nombre entier attendu.`).min(min, `${label} : ${min} au moins.`).max(max, `${label} : ${max} au plus.`));
/** "comptabilité, paie" or one per line. */
const list = (label: string, max: number) =>
  z
    .string()
    .transform((value) => [...new Set(value.split(/[\n,;]/).map((item) => item.trim()).filter(Boolean))])
    .pipe(z.array(z.string().max(100, `${label} : 100 caractères au plus chacun.`)).min(1, `${label} : indiquez-en au moins un.`).max(max, `${label} : ${max} au plus.`));

const common = {
  title: z.string().trim().min(5, 'Intitulé : 5 caractères au moins.').max(160, 'Intitulé : 160 caractères au plus.'),
  description: z.string().trim().min(20, 'Description : 20 caractères au moins, pour que les suggestions soient pertinentes.').max(4000, 'Description : 4 000 caractères au plus.'),
  communeCode: z.string().trim().regex(/^30\d{3}$/, 'Commune : choisissez une commune du Gard.'),
};

const period = {
  availableFrom: optionalDay('Disponible à partir du'),
  availableUntil: optionalDay('Jusqu’au'),
};

const periodInOrder = <T extends { availableFrom: string; availableUntil: string }>(value: T) =>
  !value.availableFrom || !value.availableUntil || value.availableFrom <= value.availableUntil;
const periodMessage = { message: 'La fin de la période doit suivre son début.', path: ['availableUntil'] };

export const skillNeedSchema = z
  .object({
    ...common,
    ...period,
    skills: list('Compétences recherchées', 15),
    hoursPerMonth: z.union([z.literal(''), int('Heures par mois', 1, 160)]).default(''),
    remoteOk: flag,
    maxDistanceKm: int('Distance maximale', 1, 200),
  })
  .refine(periodInOrder, periodMessage);

/** The partners of a grouping, by SIRET: one per line, spaces allowed, duplicates ignored; checked against the register afterwards. */
const partnerSirets = z
  .string()
  .default('')
  .transform((value) => [...new Set(value.split(/[\n,;]/).map((line) => line.replace(/[\s.]/g, '')).filter(Boolean))])
  .superRefine((sirets, ctx) => {
    for (const siret of sirets) {
      if (!/^\d{14}$/.test(siret)) ctx.addIssue({ code: 'custom', message: `Partenaires : « ${siret} » n’est pas un SIRET (14 chiffres).` });
    }
    if (sirets.length > MAX_GROUPING_PARTNERS) ctx.addIssue({ code: 'custom', message: `Partenaires : ${MAX_GROUPING_PARTNERS} structures au plus.` });
  });

export const spaceNeedSchema = z
  .object({
    ...common,
    ...period,
    propertyTypes: z.array(z.enum(['BUILDING', 'LAND', 'ROOFTOP'])).min(1, 'Type de lieu : cochez-en au moins un.'),
    minSurfaceM2: int('Surface minimale', 1, 100_000),
    stepFreeRequired: flag,
    intendedUse: z.string().trim().min(5, 'Usage prévu : décrivez-le en quelques mots.').max(1000),
    partnerSirets,
    maxDistanceKm: int('Distance maximale', 1, 200),
  })
  .refine(periodInOrder, periodMessage);

export const internshipNeedSchema = z.object({
  ...common,
  week: isoDay('Semaine').refine((value) => new Date(`${value}T00:00:00Z`).getUTCDay() === 1, 'Semaine : choisissez le lundi de la semaine.'),
  pupilCount: int('Nombre d’élèves', 1, 30),
  mode: z.enum(['GROUP', 'INDIVIDUAL'], { error: 'Choisissez : en groupe ou individuellement.' }),
  interests: z.string().trim().max(1000).default(''),
  maxDistanceKm: int('Distance maximale', 1, 100),
});

export const skillOfferSchema = z
  .object({
    ...common,
    ...period,
    skills: list('Compétences', 15),
    hoursPerMonth: int('Heures par mois', 1, 40),
    radiusKm: int('Rayon de déplacement', 0, 200),
    remote: flag,
  })
  .refine(periodInOrder, periodMessage);

export const internshipOfferSchema = z
  .object({
    ...common,
    activities: list('Activités', 12),
    weeks: z
      .array(isoDay('Semaine').refine((value) => new Date(`${value}T00:00:00Z`).getUTCDay() === 1, 'Semaines : choisissez des lundis.'))
      .min(1, 'Semaines : indiquez au moins une semaine.')
      .max(20, 'Semaines : 20 au plus.'),
    capacityPerWeek: int('Élèves accueillis par semaine', 1, 30),
    maxGroupSize: int('Taille des groupes', 1, 30),
    tutorName: z.string().trim().min(3, 'Tuteur ou tutrice : indiquez son nom.').max(200),
    tutorRole: z.string().trim().max(200).default(''),
    wheelchairAccessible: flag,
    accessibilityNotes: z.string().trim().max(1000).default(''),
  })
  .refine((value) => value.maxGroupSize <= value.capacityPerWeek, { message: 'La taille des groupes ne peut dépasser le nombre d’élèves accueillis.', path: ['maxGroupSize'] });
