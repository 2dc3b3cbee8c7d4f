import { z } from 'zod';

/**
 * What the parties complete on a convention, per kind. A draft may be incomplete (every text may be empty);
 * `missingForSignature` lists what must be filled before the document is sent for signature.
 */

/** Date.parse rolls 30 February over to March: a day is real only if it reads back the same. */
function isRealDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const text = z.string().trim().max(4000, 'Texte trop long (4 000 caractères au plus).').default('');
const shortText = z.string().trim().max(300, 'Texte trop long (300 caractères au plus).').default('');
const isoDate = z
  .string()
  .trim()
  .refine((value) => value === '' || isRealDay(value), 'Date invalide (AAAA-MM-JJ).')
  .default('');
const time = z
  .string()
  .trim()
  .refine((value) => value === '' || /^([01]\d|2[0-3]):[0-5]\d$/.test(value), 'Heure invalide (HH:MM).')
  .default('');
const email = z
  .string()
  .trim()
  .toLowerCase()
  .refine((value) => value === '' || z.email().safeParse(value).success, 'Adresse e-mail invalide.')
  .default('');
const euros = z
  .string()
  .trim()
  .refine((value) => value === '' || /^\d{1,9}([.,]\d{1,2})?$/.test(value.replace(/\s/g, '')), 'Montant invalide (par exemple 1200 ou 1200,50).')
  .default('');
const flag = z.boolean().default(false);

const representative = {
  representativeName: shortText,
  representativeCapacity: shortText,
  representativeEmail: email,
};

const departement = {
  departementName: shortText,
  departementCapacity: shortText,
  departementEmail: email,
};

export const skillsTermsSchema = z.object({
  kind: z.literal('COMPETENCE'),
  start: isoDate,
  end: isoDate,
  activities: text,
  place: shortText,
  workingTime: text,
  hoursPerMonth: z.number().int().min(1, 'Au moins 1 heure par mois.').max(160, '160 heures par mois au plus.').default(8),
  remote: flag,
  expensesReimbursed: flag,
  expensesDetails: text,
  free: z.boolean().default(true),
  reimbursementAmount: euros,
  subsidyAmount: euros,
  subsidyPurpose: text,
  subsidyConditions: text,
  arreteReference: shortText,
  arreteDate: isoDate,
  ...representative,
  ...departement,
});

export const occupationTermsSchema = z.object({
  kind: z.literal('LIEU'),
  start: isoDate,
  end: isoDate,
  allowedUse: text,
  free: flag,
  yearlyFee: euros,
  freeGround: text,
  charges: text,
  economicUse: flag,
  callReference: shortText,
  callPublishedOn: isoDate,
  callDeadline: isoDate,
  rooftopDurationYears: z.number().int().min(1).max(70, 'Droits réels : 70 ans au plus (CGCT, art. L1311-5).').optional(),
  rooftopFixedFee: euros,
  rooftopRevenueSharePercent: z.number().min(0).max(100).optional(),
  rooftopRealRights: flag,
  ...representative,
  ...departement,
});

const period = z.object({ start: time, end: time });

export const internshipDaySchema = z.object({
  date: isoDate,
  morning: period.default({ start: '', end: '' }),
  afternoon: period.default({ start: '', end: '' }),
});

export const internshipTermsSchema = z.object({
  kind: z.literal('STAGE'),
  days: z.array(internshipDaySchema).max(7).default([]),
  objectives: text,
  activities: text,
  meals: text,
  transport: text,
  lodging: text,
  tutorName: shortText,
  tutorRole: shortText,
  tutorEmail: email,
  referentTeacherName: shortText,
  referentTeacherEmail: email,
  legalRep1Name: shortText,
  legalRep1Email: email,
  legalRep2Name: shortText,
  legalRep2Email: email,
  ...representative,
  collegeHeadName: shortText,
  collegeHeadCapacity: shortText,
  collegeHeadEmail: email,
});

export const conventionTermsSchema = z.discriminatedUnion('kind', [skillsTermsSchema, occupationTermsSchema, internshipTermsSchema]);

export type SkillsTerms = z.output<typeof skillsTermsSchema>;
export type OccupationTerms = z.output<typeof occupationTermsSchema>;
export type InternshipTerms = z.output<typeof internshipTermsSchema>;
export type ConventionTerms = z.output<typeof conventionTermsSchema>;

const labels: Record<string, string> = {
  start: 'date de début',
  end: 'date de fin',
  activities: 'activités',
  place: 'lieu d’exercice',
  workingTime: 'temps de travail',
  expensesDetails: 'modalités de remboursement des frais',
  reimbursementAmount: 'montant du remboursement',
  subsidyAmount: 'montant de la subvention en nature',
  subsidyPurpose: 'objet de la subvention',
  subsidyConditions: 'conditions d’utilisation de la subvention',
  arreteReference: 'référence de l’arrêté',
  arreteDate: 'date de l’arrêté',
  representativeName: 'nom du ou de la représentant·e de l’organisme',
  representativeCapacity: 'qualité du ou de la représentant·e de l’organisme',
  representativeEmail: 'e-mail du ou de la représentant·e de l’organisme',
  departementName: 'nom du ou de la signataire pour le Département',
  departementCapacity: 'qualité du ou de la signataire pour le Département',
  departementEmail: 'e-mail du ou de la signataire pour le Département',
  allowedUse: 'usage autorisé',
  yearlyFee: 'redevance annuelle',
  freeGround: 'motif de la gratuité',
  charges: 'charges',
  callReference: 'référence de l’appel à occupation',
  callPublishedOn: 'date de publication de l’appel',
  callDeadline: 'date limite de l’appel',
  rooftopDurationYears: 'durée de l’occupation de la toiture',
  days: 'emploi du temps',
  objectives: 'objectifs',
  meals: 'repas',
  transport: 'transport',
  lodging: 'hébergement',
  tutorName: 'nom du tuteur ou de la tutrice',
  tutorRole: 'fonction du tuteur ou de la tutrice',
  tutorEmail: 'e-mail du tuteur ou de la tutrice',
  referentTeacherName: 'nom du professeur ou de la professeure référent·e',
  referentTeacherEmail: 'e-mail du professeur ou de la professeure référent·e',
  legalRep1Name: 'nom du ou de la représentant·e légal·e',
  legalRep1Email: 'e-mail du ou de la représentant·e légal·e',
  collegeHeadName: 'nom du chef ou de la cheffe d’établissement',
  collegeHeadCapacity: 'qualité du chef ou de la cheffe d’établissement',
  collegeHeadEmail: 'e-mail du chef ou de la cheffe d’établissement',
  lineManager: 'responsable hiérarchique de l’agent',
  jobTitle: 'emploi de l’agent',
  managerDecisionAt: 'date de l’accord du ou de la responsable hiérarchique',
  eligibilityVerifiedOn: 'date de vérification de l’éligibilité',
  pupil: 'élève',
  birthDate: 'date de naissance de l’élève',
  className: 'classe de l’élève',
};

export const termLabel = (field: string): string => labels[field] ?? field;

function required(terms: ConventionTerms): string[] {
  switch (terms.kind) {
    case 'COMPETENCE':
      return [
        'start', 'end', 'activities', 'place', 'workingTime', 'arreteReference', 'arreteDate',
        'representativeName', 'representativeCapacity', 'representativeEmail',
        'departementName', 'departementCapacity', 'departementEmail',
        ...(terms.expensesReimbursed ? ['expensesDetails'] : []),
        ...(terms.free ? ['subsidyAmount', 'subsidyPurpose', 'subsidyConditions'] : ['reimbursementAmount']),
      ];
    case 'LIEU':
      return [
        'start', 'end', 'allowedUse', 'charges',
        'representativeName', 'representativeCapacity', 'representativeEmail',
        'departementName', 'departementCapacity', 'departementEmail',
        ...(terms.free ? ['freeGround'] : ['yearlyFee']),
        ...(terms.economicUse ? ['callReference', 'callPublishedOn', 'callDeadline'] : []),
      ];
    case 'STAGE':
      return [
        'objectives', 'activities', 'meals', 'transport', 'lodging',
        'tutorName', 'tutorRole', 'tutorEmail', 'referentTeacherName', 'referentTeacherEmail',
        'legalRep1Name', 'legalRep1Email',
        'representativeName', 'representativeCapacity', 'representativeEmail',
        'collegeHeadName', 'collegeHeadCapacity', 'collegeHeadEmail',
      ];
  }
}

/** French labels of what is still empty, in form order; an empty list means the document can be sent. */
export function missingForSignature(terms: ConventionTerms, options: { rooftop?: boolean } = {}): string[] {
  const values = terms as unknown as Record<string, unknown>;
  const missing = required(terms).filter((field) => values[field] === '' || values[field] === undefined).map(termLabel);
  if (terms.kind === 'LIEU' && options.rooftop && terms.rooftopDurationYears === undefined) {
    missing.push(termLabel('rooftopDurationYears'));
  }
  if (terms.kind === 'STAGE' && terms.days.filter((day) => day.date).length === 0) missing.push(termLabel('days'));
  if (terms.kind === 'STAGE' && Boolean(terms.legalRep2Name) !== Boolean(terms.legalRep2Email)) {
    missing.push('nom et e-mail du ou de la second·e représentant·e légal·e (les deux, ou aucun)');
  }
  if ((terms.kind === 'COMPETENCE' || terms.kind === 'LIEU') && terms.start && terms.end && terms.end < terms.start) {
    missing.push('une date de fin postérieure à la date de début');
  }
  return missing;
}
