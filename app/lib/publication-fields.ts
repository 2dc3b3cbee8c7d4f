/** The forms to post a need or an offer: one list per kind drives the page; the server parses with zod. */
export type PublicationField =
  | { name: string; label: string; type: 'text' | 'textarea' | 'date' | 'number' | 'commune'; hint?: string; defaultValue?: string }
  | { name: string; label: string; type: 'checkbox'; hint?: string }
  | { name: string; label: string; type: 'choices' | 'multiple'; options: { value: string; label: string }[]; hint?: string }
  | { name: string; label: string; type: 'weeks'; hint?: string };

export const PUBLICATION_KINDS = ['besoin-competences', 'besoin-lieu', 'besoin-stage', 'offre-competences', 'offre-stage'] as const;
export type PublicationKind = (typeof PUBLICATION_KINDS)[number];

const title = (hint: string): PublicationField => ({ name: 'title', label: 'Intitulé', type: 'text', hint });
const description: PublicationField = {
  name: 'description',
  label: 'Description',
  type: 'textarea',
  hint: '(20 caractères au moins : plus elle est précise, meilleures sont les suggestions)',
};
const commune: PublicationField = { name: 'communeCode', label: 'Commune', type: 'commune' };
const period: PublicationField[] = [
  { name: 'availableFrom', label: 'À partir du', type: 'date', hint: '(facultatif)' },
  { name: 'availableUntil', label: 'Jusqu’au', type: 'date', hint: '(facultatif)' },
];
/** A space need may be posted by the chef de file of a grouping, naming its partner structures. */
export const MAX_GROUPING_PARTNERS = 10;
const distance: PublicationField = { name: 'maxDistanceKm', label: 'Distance maximale (km)', type: 'number', defaultValue: '30' };

export const publicationForms: Record<PublicationKind, { heading: string; fields: PublicationField[] }> = {
  'besoin-competences': {
    heading: 'Publier un besoin de compétences',
    fields: [
      title('(par exemple : Mettre en place notre comptabilité)'),
      description,
      { name: 'skills', label: 'Compétences recherchées', type: 'text', hint: '(séparées par des virgules)' },
      { name: 'hoursPerMonth', label: 'Heures par mois souhaitées', type: 'number', hint: '(facultatif)' },
      { name: 'remoteOk', label: 'Un appui à distance nous convient', type: 'checkbox' },
      commune,
      distance,
      ...period,
    ],
  },
  'besoin-lieu': {
    heading: 'Publier un besoin de lieu',
    fields: [
      title('(par exemple : Local pour une recyclerie)'),
      description,
      {
        name: 'propertyTypes',
        label: 'Types de lieu recherchés',
        type: 'multiple',
        options: [
          { value: 'BUILDING', label: 'Bâtiment' },
          { value: 'LAND', label: 'Terrain' },
          { value: 'ROOFTOP', label: 'Toiture (solaire)' },
        ],
      },
      { name: 'minSurfaceM2', label: 'Surface minimale (m²)', type: 'number' },
      { name: 'stepFreeRequired', label: 'Accès de plain-pied indispensable', type: 'checkbox' },
      { name: 'intendedUse', label: 'Usage prévu', type: 'textarea' },
      {
        name: 'partnerSirets',
        label: 'Structures partenaires du groupement',
        type: 'textarea',
        hint: `(facultatif : si votre structure mène un groupement, le SIRET de chaque partenaire inscrit sur Passerelles, un par ligne, ${MAX_GROUPING_PARTNERS} au plus)`,
      },
      commune,
      distance,
      ...period,
    ],
  },
  'besoin-stage': {
    heading: 'Chercher des stages de 3e',
    fields: [
      title('(par exemple : Stages de 3e B, semaine du 8 février)'),
      description,
      { name: 'week', label: 'Lundi de la semaine de stage', type: 'date' },
      { name: 'pupilCount', label: 'Nombre d’élèves', type: 'number' },
      {
        name: 'mode',
        label: 'Accueil',
        type: 'choices',
        options: [
          { value: 'INDIVIDUAL', label: 'Individuellement' },
          { value: 'GROUP', label: 'En groupe' },
        ],
      },
      { name: 'interests', label: 'Centres d’intérêt des élèves', type: 'textarea', hint: '(facultatif, séparés par des virgules)' },
      commune,
      { ...distance, defaultValue: '15' } as PublicationField,
    ],
  },
  'offre-competences': {
    heading: 'Proposer mes compétences',
    fields: [
      title('(par exemple : Tenue de la comptabilité associative)'),
      description,
      { name: 'skills', label: 'Compétences', type: 'text', hint: '(séparées par des virgules)' },
      { name: 'hoursPerMonth', label: 'Heures par mois', type: 'number', defaultValue: '8' },
      { name: 'radiusKm', label: 'Distance que j’accepte de parcourir (km)', type: 'number', defaultValue: '30' },
      { name: 'remote', label: 'Je peux aider à distance', type: 'checkbox' },
      commune,
      ...period,
    ],
  },
  'offre-stage': {
    heading: 'Proposer des stages de 3e',
    fields: [
      title('(par exemple : Découverte d’une recyclerie)'),
      description,
      { name: 'activities', label: 'Activités proposées', type: 'textarea', hint: '(une par ligne)' },
      { name: 'weeks', label: 'Semaines d’accueil', type: 'weeks', hint: '(le lundi de chaque semaine)' },
      { name: 'capacityPerWeek', label: 'Élèves accueillis par semaine', type: 'number', defaultValue: '2' },
      { name: 'maxGroupSize', label: 'Taille maximale d’un groupe', type: 'number', defaultValue: '2' },
      { name: 'tutorName', label: 'Tuteur ou tutrice', type: 'text' },
      { name: 'tutorRole', label: 'Sa fonction', type: 'text', hint: '(facultatif)' },
      { name: 'wheelchairAccessible', label: 'Lieu accessible en fauteuil roulant', type: 'checkbox' },
      { name: 'accessibilityNotes', label: 'Précisions sur l’accessibilité', type: 'textarea', hint: '(facultatif)' },
      commune,
    ],
  },
};

export const WEEK_INPUTS = 6;

/** The posted form as the server's schemas expect it: lists for multiple choices and weeks, text otherwise. */
export function publicationInput(kind: PublicationKind, form: FormData): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of publicationForms[kind].fields) {
    if (field.type === 'multiple') input[field.name] = form.getAll(field.name).map(String);
    else if (field.type === 'weeks') {
      input[field.name] = form
        .getAll(field.name)
        .map(String)
        .filter((value) => value.trim() !== '');
    } else {
      const value = form.get(field.name);
      input[field.name] = typeof value === 'string' ? value : field.type === 'checkbox' ? false : '';
    }
  }
  return input;
}
