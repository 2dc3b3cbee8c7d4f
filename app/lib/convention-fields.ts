/** The form of each kind of convention: one list drives both the page and the parsing of what it posts. */
export type TermField =
  | { name: string; label: string; type: 'text' | 'textarea' | 'date' | 'email'; hint?: string }
  | { name: string; label: string; type: 'number'; hint?: string; optional?: boolean }
  | { name: string; label: string; type: 'checkbox'; hint?: string };

export interface TermSection {
  title: string;
  fields: TermField[];
  /** Only shown for rooftop occupations. */
  rooftopOnly?: boolean;
}

const representative = (who: string): TermField[] => [
  { name: 'representativeName', label: `Nom du ou de la signataire pour ${who}`, type: 'text' },
  { name: 'representativeCapacity', label: 'Qualité', type: 'text', hint: '(par exemple : présidente)' },
  { name: 'representativeEmail', label: 'Adresse e-mail du ou de la signataire', type: 'email' },
];

const departement: TermField[] = [
  { name: 'departementName', label: 'Nom du ou de la signataire pour le Département', type: 'text' },
  { name: 'departementCapacity', label: 'Qualité', type: 'text' },
  { name: 'departementEmail', label: 'Adresse e-mail', type: 'email' },
];

export const termSections: Record<'COMPETENCE' | 'LIEU' | 'STAGE', TermSection[]> = {
  COMPETENCE: [
    {
      title: 'Mission',
      fields: [
        { name: 'start', label: 'Date de début', type: 'date' },
        { name: 'end', label: 'Date de fin', type: 'date', hint: '(18 mois au plus, et pas au-delà de la fin de l’expérimentation)' },
        { name: 'activities', label: 'Nature des activités', type: 'textarea' },
        { name: 'place', label: 'Lieu d’exercice', type: 'text' },
        { name: 'workingTime', label: 'Temps de travail', type: 'textarea' },
        { name: 'hoursPerMonth', label: 'Heures par mois', type: 'number' },
        { name: 'remote', label: 'Travail à distance possible', type: 'checkbox' },
      ],
    },
    {
      title: 'Conditions financières',
      fields: [
        { name: 'free', label: 'Mise à disposition gratuite (subvention en nature)', type: 'checkbox' },
        { name: 'subsidyAmount', label: 'Montant de la subvention en nature (euros)', type: 'text' },
        { name: 'subsidyPurpose', label: 'Objet de la subvention', type: 'textarea' },
        { name: 'subsidyConditions', label: 'Conditions d’utilisation de la subvention', type: 'textarea' },
        { name: 'reimbursementAmount', label: 'Montant remboursé par l’organisme si la mise à disposition est payante (euros)', type: 'text' },
        { name: 'expensesReimbursed', label: 'Frais de l’agent remboursés', type: 'checkbox' },
        { name: 'expensesDetails', label: 'Modalités de remboursement des frais', type: 'textarea' },
      ],
    },
    {
      title: 'Arrêté et signataires',
      fields: [
        { name: 'arreteReference', label: 'Référence de l’arrêté de mise à disposition', type: 'text' },
        { name: 'arreteDate', label: 'Date de l’arrêté', type: 'date' },
        ...representative('l’organisme d’accueil'),
        ...departement,
      ],
    },
  ],
  LIEU: [
    {
      title: 'Occupation',
      fields: [
        { name: 'start', label: 'Date de début', type: 'date' },
        { name: 'end', label: 'Date de fin', type: 'date' },
        { name: 'allowedUse', label: 'Usage autorisé', type: 'textarea' },
        { name: 'charges', label: 'Charges', type: 'textarea' },
        { name: 'free', label: 'Occupation gratuite', type: 'checkbox' },
        { name: 'freeGround', label: 'Motif de la gratuité', type: 'textarea', hint: '(CGPPP, art. L2125-1)' },
        { name: 'yearlyFee', label: 'Redevance annuelle (euros)', type: 'text' },
      ],
    },
    {
      title: 'Appel à occupation',
      fields: [
        { name: 'economicUse', label: 'Usage économique (sélection préalable, CGPPP art. L2122-1-1)', type: 'checkbox' },
        { name: 'callReference', label: 'Référence de l’appel à occupation', type: 'text' },
        { name: 'callPublishedOn', label: 'Date de publication', type: 'date' },
        { name: 'callDeadline', label: 'Date limite de candidature', type: 'date' },
      ],
    },
    {
      title: 'Toiture solaire',
      rooftopOnly: true,
      fields: [
        { name: 'rooftopDurationYears', label: 'Durée (années)', type: 'number', hint: '(70 ans au plus)', optional: true },
        { name: 'rooftopFixedFee', label: 'Redevance fixe annuelle (euros)', type: 'text' },
        { name: 'rooftopRevenueSharePercent', label: 'Part des recettes (%)', type: 'number', optional: true },
        { name: 'rooftopRealRights', label: 'Droits réels consentis', type: 'checkbox' },
      ],
    },
    { title: 'Signataires', fields: [...representative('l’occupant'), ...departement] },
  ],
  STAGE: [
    {
      title: 'Contenu du stage',
      fields: [
        { name: 'objectives', label: 'Objectifs', type: 'textarea' },
        { name: 'activities', label: 'Activités (une par ligne)', type: 'textarea' },
        { name: 'meals', label: 'Repas', type: 'textarea' },
        { name: 'transport', label: 'Transport', type: 'textarea' },
        { name: 'lodging', label: 'Hébergement', type: 'textarea' },
      ],
    },
    {
      title: 'Encadrement',
      fields: [
        { name: 'tutorName', label: 'Tuteur ou tutrice', type: 'text' },
        { name: 'tutorRole', label: 'Fonction du tuteur ou de la tutrice', type: 'text' },
        { name: 'tutorEmail', label: 'E-mail du tuteur ou de la tutrice', type: 'email' },
        { name: 'referentTeacherName', label: 'Professeur ou professeure référent·e', type: 'text' },
        { name: 'referentTeacherEmail', label: 'E-mail du professeur ou de la professeure référent·e', type: 'email' },
      ],
    },
    {
      title: 'Représentants légaux',
      fields: [
        { name: 'legalRep1Name', label: 'Représentant·e légal·e', type: 'text' },
        { name: 'legalRep1Email', label: 'E-mail du ou de la représentant·e légal·e', type: 'email' },
        { name: 'legalRep2Name', label: 'Second·e représentant·e légal·e (facultatif)', type: 'text' },
        { name: 'legalRep2Email', label: 'E-mail du ou de la second·e représentant·e légal·e', type: 'email' },
      ],
    },
    {
      title: 'Signataires des établissements',
      fields: [
        ...representative('la structure d’accueil'),
        { name: 'collegeHeadName', label: 'Chef ou cheffe d’établissement', type: 'text' },
        { name: 'collegeHeadCapacity', label: 'Qualité', type: 'text' },
        { name: 'collegeHeadEmail', label: 'E-mail du chef ou de la cheffe d’établissement', type: 'email' },
      ],
    },
  ],
};

export const SCHEDULE_DAYS = 5;

/** Reads the posted form into the terms shape; zod checks it afterwards. */
export function termsFromForm(kind: 'COMPETENCE' | 'LIEU' | 'STAGE', form: FormData): Record<string, unknown> {
  const terms: Record<string, unknown> = { kind };
  for (const section of termSections[kind]) {
    for (const field of section.fields) {
      const raw = form.get(field.name);
      if (field.type === 'checkbox') terms[field.name] = raw === 'on';
      else if (field.type === 'number') {
        const text = typeof raw === 'string' ? raw.trim() : '';
        terms[field.name] = text === '' ? (field.optional ? undefined : Number.NaN) : Number(text.replace(',', '.'));
      } else terms[field.name] = typeof raw === 'string' ? raw : '';
    }
  }
  if (kind === 'STAGE') {
    const value = (name: string) => {
      const raw = form.get(name);
      return typeof raw === 'string' ? raw : '';
    };
    terms.days = Array.from({ length: SCHEDULE_DAYS }, (_, index) => ({
      date: value(`days.${index}.date`),
      morning: { start: value(`days.${index}.morning.start`), end: value(`days.${index}.morning.end`) },
      afternoon: { start: value(`days.${index}.afternoon.start`), end: value(`days.${index}.afternoon.end`) },
    })).filter((day) => day.date || day.morning.start || day.afternoon.start);
  }
  return terms;
}
