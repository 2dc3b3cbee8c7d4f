import type { Indicator, Unit } from '../indicators';

/**
 * The figures Passerelles publishes as open data, each taken from one indicator of the dashboard (never recomputed).
 * A whitelist: a new indicator is published only once it is listed here, after checking it holds nothing personal.
 * Left out on purpose: the tables that name organisations or repeat what users typed (placements and hosts of the
 * skills report, collèges), the agents' grades (typed freely, a rare grade designates a person) and the distribution
 * of satisfaction scores (five cells on a handful of answers).
 */

export type MeasureKind = 'effectif' | 'somme' | 'moyenne' | 'part' | 'mediane' | 'difference';

export interface MeasureSpec {
  /** Public, stable name (the `mesure` column). */
  id: string;
  /** The dashboard indicator it comes from. */
  indicator: string;
  action: Indicator['action'];
  label: string;
  unit: Unit;
  kind: MeasureKind;
  definition: string;
  /** A figure of the indicator, or a numeric column of one of its breakdowns (one row per category). */
  source: { figure: string } | { breakdown: string; column: number };
  /**
   * Number of records a sum, average, share or median is computed on: another measure (same category), or the sum
   * of a breakdown column that is not published itself. The value is masked when that number is below the threshold.
   */
  base?: { measure: string } | { columnSum: { breakdown: string; column: number } };
  /** Masked whenever one of these (same category) is masked: it would give them back. */
  dependsOn?: string[];
  /** What a category is, for a measure with one row per category. */
  categories?: string;
}

const KIND_CATEGORIES = 'Une ligne par type : Compétences, Lieux, Stages de 3e.';

export const MEASURES: readonly MeasureSpec[] = [
  {
    id: 'lieux-biens-par-type',
    indicator: 'lieux-mis-a-disposition',
    action: '1.3',
    label: 'Biens mis à disposition',
    unit: 'nombre',
    kind: 'effectif',
    definition:
      'Biens du Département occupés pendant la période au titre d’une convention d’occupation signée et non annulée ; un bien occupé par plusieurs conventions compte une fois.',
    source: { breakdown: 'lieux-par-type', column: 1 },
    categories: 'Une ligne par type de bien : Bâtiment, Terrain, Toiture (solaire).',
  },
  {
    id: 'lieux-surface-par-type',
    indicator: 'lieux-mis-a-disposition',
    action: '1.3',
    label: 'Surface des biens mis à disposition',
    unit: 'm²',
    kind: 'somme',
    definition: 'Somme des surfaces déclarées des biens mis à disposition pendant la période, par type de bien.',
    source: { breakdown: 'lieux-par-type', column: 2 },
    base: { measure: 'lieux-biens-par-type' },
    categories: 'Une ligne par type de bien : Bâtiment, Terrain, Toiture (solaire).',
  },
  {
    id: 'lieux-surface',
    indicator: 'lieux-surface',
    action: '1.3',
    label: 'Surface mise à disposition',
    unit: 'm²',
    kind: 'somme',
    definition: 'Somme des surfaces déclarées de tous les biens mis à disposition pendant la période, toitures comprises.',
    source: { figure: 'surface' },
    base: { columnSum: { breakdown: 'lieux-par-type', column: 1 } },
  },
  {
    id: 'lieux-occupations-en-cours',
    indicator: 'lieux-occupations-en-cours',
    action: '1.3',
    label: 'Occupations en cours',
    unit: 'nombre',
    kind: 'effectif',
    definition: 'Conventions d’occupation signées, non annulées, en cours le dernier jour de la période (ou le jour de la publication si elle n’est pas terminée).',
    source: { figure: 'en-cours' },
  },
  {
    id: 'lieux-tiers-lieux',
    indicator: 'lieux-tiers-lieux',
    action: '1.3',
    label: 'Nouveaux tiers-lieux',
    unit: 'nombre',
    kind: 'effectif',
    definition: 'Conventions d’occupation signées pendant la période (hors avenants, non annulées) pour un besoin créant un tiers-lieu.',
    source: { figure: 'tiers-lieux' },
  },
  {
    id: 'lieux-vacants-debut',
    indicator: 'lieux-vacance',
    action: '1.3',
    label: 'Biens vacants au début de la période',
    unit: 'nombre',
    kind: 'effectif',
    definition: 'Biens publiés sur Passerelles le premier jour de la période sans convention d’occupation signée couvrant ce jour.',
    source: { figure: 'debut' },
  },
  {
    id: 'lieux-vacants-fin',
    indicator: 'lieux-vacance',
    action: '1.3',
    label: 'Biens vacants à la fin de la période',
    unit: 'nombre',
    kind: 'effectif',
    definition: 'Biens publiés sur Passerelles le dernier jour de la période (ou le jour de la publication) sans convention d’occupation signée couvrant ce jour.',
    source: { figure: 'fin' },
  },
  {
    id: 'lieux-reduction-vacance',
    indicator: 'lieux-vacance',
    action: '1.3',
    label: 'Réduction de la vacance',
    unit: 'nombre',
    kind: 'difference',
    definition: 'Biens vacants au début de la période moins biens vacants à la fin (négative si la vacance augmente).',
    source: { figure: 'reduction' },
    dependsOn: ['lieux-vacants-debut', 'lieux-vacants-fin'],
  },
  {
    id: 'stages-eleves-places',
    indicator: 'stages-eleves-accueillis',
    action: '2.2',
    label: 'Élèves placés',
    unit: 'nombre',
    kind: 'effectif',
    definition: 'Élèves de 3e ayant une convention de stage (hors avenant) ni annulée ni refusée dont la semaine commence pendant la période ; un élève compte une fois.',
    source: { figure: 'total' },
  },
  {
    id: 'stages-individuels',
    indicator: 'stages-eleves-accueillis',
    action: '2.2',
    label: 'Stagiaires accueillis individuellement',
    unit: 'nombre',
    kind: 'effectif',
    definition: 'Élèves placés dont le collège a demandé un accueil individuel.',
    source: { figure: 'individuels' },
  },
  {
    id: 'stages-groupes',
    indicator: 'stages-eleves-accueillis',
    action: '2.2',
    label: 'Stagiaires accueillis en groupe',
    unit: 'nombre',
    kind: 'effectif',
    definition: 'Élèves placés dont le collège a demandé un accueil en groupe.',
    source: { figure: 'groupes' },
  },
  {
    id: 'stages-structures-accueil',
    indicator: 'stages-structures-accueil',
    action: '2.2',
    label: 'Structures d’accueil des stages',
    unit: 'nombre',
    kind: 'effectif',
    definition: 'Structures de l’ESS distinctes accueillant au moins un stage de la période.',
    source: { figure: 'structures' },
  },
  {
    id: 'stages-eleves-inscrits',
    indicator: 'stages-colleges',
    action: '2.2',
    label: 'Élèves inscrits',
    unit: 'nombre',
    kind: 'effectif',
    definition: 'Élèves de 3e enregistrés par les collèges au plus tard le dernier jour de la période (hors élèves anonymisés avant la période).',
    source: { figure: 'inscrits' },
  },
  {
    id: 'stages-eleves-sans-stage',
    indicator: 'stages-colleges',
    action: '2.2',
    label: 'Élèves encore sans stage',
    unit: 'nombre',
    kind: 'effectif',
    definition: 'Élèves inscrits qui ne sont pas placés.',
    source: { figure: 'sans-stage' },
  },
  {
    id: 'stages-prioritaires',
    indicator: 'stages-part-prioritaires',
    action: '2.2',
    label: 'Élèves placés de QPV ou de REP',
    unit: 'nombre',
    kind: 'effectif',
    definition: 'Élèves placés scolarisés dans un collège REP, REP+ ou en quartier prioritaire (QPV), ou signalés comme prioritaires par leur collège.',
    source: { figure: 'nombre' },
  },
  {
    id: 'stages-part-prioritaires',
    indicator: 'stages-part-prioritaires',
    action: '2.2',
    label: 'Part des placements d’élèves de QPV ou de REP',
    unit: '%',
    kind: 'part',
    definition: 'Élèves placés de QPV ou de REP rapportés aux élèves placés, en pour cent, arrondi au dixième.',
    source: { figure: 'part' },
    base: { measure: 'stages-eleves-places' },
    dependsOn: ['stages-prioritaires', 'stages-eleves-places'],
  },
  {
    id: 'stages-frr',
    indicator: 'stages-part-frr',
    action: '2.2',
    label: 'Élèves placés de collèges en zone FRR',
    unit: 'nombre',
    kind: 'effectif',
    definition: 'Élèves placés dont le collège est situé dans une commune classée France Ruralités Revitalisation (FRR ou FRR+).',
    source: { figure: 'nombre' },
  },
  {
    id: 'stages-part-frr',
    indicator: 'stages-part-frr',
    action: '2.2',
    label: 'Part des placements d’élèves de collèges ruraux (FRR)',
    unit: '%',
    kind: 'part',
    definition: 'Élèves placés de collèges en zone FRR rapportés aux élèves placés, en pour cent, arrondi au dixième.',
    source: { figure: 'part' },
    base: { measure: 'stages-eleves-places' },
    dependsOn: ['stages-frr', 'stages-eleves-places'],
  },
  {
    id: 'stages-places-par-epci',
    indicator: 'stages-par-territoire',
    action: '2.2',
    label: 'Élèves placés par intercommunalité du collège',
    unit: 'nombre',
    kind: 'effectif',
    definition: 'Élèves placés pendant la période, selon l’intercommunalité (EPCI) de la commune de leur collège.',
    source: { breakdown: 'stages-placements-par-epci', column: 1 },
    categories: 'Une ligne par intercommunalité ayant au moins un élève placé (nom officiel de l’EPCI).',
  },
  {
    id: 'competences-agents',
    indicator: 'competences-agents',
    action: '2.4',
    label: 'Agents mis à disposition',
    unit: 'nombre',
    kind: 'effectif',
    definition: 'Agents distincts dont une convention de mise à disposition signée et non annulée recoupe la période.',
    source: { figure: 'agents' },
  },
  {
    id: 'competences-structures',
    indicator: 'competences-structures',
    action: '2.4',
    label: 'Structures d’accueil des agents',
    unit: 'nombre',
    kind: 'effectif',
    definition: 'Structures distinctes ayant accueilli au moins un agent mis à disposition pendant la période.',
    source: { figure: 'structures' },
  },
  {
    id: 'competences-mises-a-disposition',
    indicator: 'competences-bilan-annuel',
    action: '2.4',
    label: 'Mises à disposition',
    unit: 'nombre',
    kind: 'effectif',
    definition: 'Conventions de mise à disposition (hors avenants) signées, non annulées, en vigueur à un moment de la période.',
    source: { figure: 'mises-a-disposition' },
  },
  {
    id: 'competences-renouvelees',
    indicator: 'competences-bilan-annuel',
    action: '2.4',
    label: 'Mises à disposition renouvelées ou modifiées par avenant',
    unit: 'nombre',
    kind: 'effectif',
    definition: 'Mises à disposition de la période ayant au moins un avenant signé.',
    source: { figure: 'renouvelees' },
  },
  {
    id: 'competences-heures',
    indicator: 'competences-heures',
    action: '2.4',
    label: 'Heures mises à disposition',
    unit: 'heures',
    kind: 'somme',
    definition: 'Heures par mois prévues par chaque convention (ou son dernier avenant signé) × mois de la mise à disposition compris dans la période ; arrondi au dixième.',
    source: { figure: 'heures' },
    base: { measure: 'competences-mises-a-disposition' },
  },
  {
    id: 'competences-enquetes-envoyees',
    indicator: 'competences-satisfaction',
    action: '2.4',
    label: 'Enquêtes de satisfaction envoyées',
    unit: 'nombre',
    kind: 'effectif',
    definition: 'Enquêtes envoyées aux agents et aux structures d’accueil à la fin des conventions de mise à disposition terminées dont la date de fin tombe dans la période.',
    source: { figure: 'envoyees' },
  },
  {
    id: 'competences-note-agents',
    indicator: 'competences-satisfaction',
    action: '2.4',
    label: 'Note moyenne des agents',
    unit: 'note sur 5',
    kind: 'moyenne',
    definition: 'Moyenne des notes de satisfaction (1 à 5) données par les agents, arrondie au dixième.',
    source: { figure: 'moyenne-agents' },
    base: { columnSum: { breakdown: 'competences-satisfaction-notes', column: 1 } },
  },
  {
    id: 'competences-taux-reponse-agents',
    indicator: 'competences-satisfaction',
    action: '2.4',
    label: 'Taux de réponse des agents',
    unit: '%',
    kind: 'part',
    definition: 'Réponses des agents rapportées aux enquêtes qui leur ont été envoyées, en pour cent ; masqué avec moins de réponses que le seuil.',
    source: { figure: 'taux-agents' },
    base: { columnSum: { breakdown: 'competences-satisfaction-notes', column: 1 } },
  },
  {
    id: 'competences-note-structures',
    indicator: 'competences-satisfaction',
    action: '2.4',
    label: 'Note moyenne des structures',
    unit: 'note sur 5',
    kind: 'moyenne',
    definition: 'Moyenne des notes de satisfaction (1 à 5) données par les structures d’accueil, arrondie au dixième.',
    source: { figure: 'moyenne-structures' },
    base: { columnSum: { breakdown: 'competences-satisfaction-notes', column: 2 } },
  },
  {
    id: 'competences-taux-reponse-structures',
    indicator: 'competences-satisfaction',
    action: '2.4',
    label: 'Taux de réponse des structures',
    unit: '%',
    kind: 'part',
    definition: 'Réponses des structures d’accueil rapportées aux enquêtes qui leur ont été envoyées, en pour cent ; masqué avec moins de réponses que le seuil.',
    source: { figure: 'taux-structures' },
    base: { columnSum: { breakdown: 'competences-satisfaction-notes', column: 2 } },
  },
  {
    id: 'plateforme-besoins',
    indicator: 'plateforme-besoins',
    action: 'plateforme',
    label: 'Besoins publiés',
    unit: 'nombre',
    kind: 'effectif',
    definition: 'Besoins des structures et des collèges publiés pendant la période, quel que soit leur état aujourd’hui.',
    source: { figure: 'total' },
  },
  {
    id: 'plateforme-besoins-par-type',
    indicator: 'plateforme-besoins',
    action: 'plateforme',
    label: 'Besoins publiés par type',
    unit: 'nombre',
    kind: 'effectif',
    definition: 'Besoins publiés pendant la période, par type.',
    source: { breakdown: 'plateforme-besoins-par-type', column: 1 },
    categories: KIND_CATEGORIES,
  },
  ...(
    [
      ['proposees', 'Mises en relation proposées', 'Mises en relation créées pendant la période, hors simples suggestions restées sans suite.', 1],
      ['acceptees', 'Mises en relation acceptées', 'Mises en relation créées pendant la période et acceptées par les deux parties.', 2],
      ['refusees', 'Mises en relation refusées', 'Mises en relation créées pendant la période et refusées.', 3],
    ] as const
  ).flatMap(([key, label, definition, column]): MeasureSpec[] => [
    {
      id: `plateforme-mises-en-relation-${key}`,
      indicator: 'plateforme-mises-en-relation',
      action: 'plateforme',
      label,
      unit: 'nombre',
      kind: 'effectif',
      definition,
      source: { figure: key },
    },
    {
      id: `plateforme-mises-en-relation-${key}-par-type`,
      indicator: 'plateforme-mises-en-relation',
      action: 'plateforme',
      label: `${label} par type`,
      unit: 'nombre',
      kind: 'effectif',
      definition: `${definition} Par type.`,
      source: { breakdown: 'plateforme-mises-en-relation-par-type', column },
      categories: KIND_CATEGORIES,
    },
  ]),
  {
    id: 'plateforme-besoins-signes',
    indicator: 'plateforme-delai-signature',
    action: 'plateforme',
    label: 'Besoins ayant abouti à une convention signée',
    unit: 'nombre',
    kind: 'effectif',
    definition: 'Besoins dont la première convention (hors avenant) a été signée pendant la période.',
    source: { figure: 'besoins' },
  },
  {
    id: 'plateforme-delai-median',
    indicator: 'plateforme-delai-signature',
    action: 'plateforme',
    label: 'Délai médian entre le besoin et la convention signée',
    unit: 'jours',
    kind: 'mediane',
    definition: 'Valeur médiane des jours écoulés entre la publication de ces besoins et la signature de leur première convention, arrondie au dixième.',
    source: { figure: 'mediane' },
    base: { measure: 'plateforme-besoins-signes' },
  },
];

/**
 * Tables whose parts add up to a published total (one category measure, or several measures): if one part alone
 * were masked, the total minus the others would give it back, so a second one is masked (secondary suppression).
 */
export const ADDITIVE_GROUPS: readonly { total: string; parts: string[] }[] = [
  { total: 'stages-eleves-places', parts: ['stages-individuels', 'stages-groupes'] },
  { total: 'stages-eleves-places', parts: ['stages-places-par-epci'] },
  { total: 'stages-eleves-inscrits', parts: ['stages-eleves-places', 'stages-eleves-sans-stage'] },
  { total: 'lieux-surface', parts: ['lieux-surface-par-type'] },
  { total: 'plateforme-besoins', parts: ['plateforme-besoins-par-type'] },
  ...['proposees', 'acceptees', 'refusees'].map((key) => ({
    total: `plateforme-mises-en-relation-${key}`,
    parts: [`plateforme-mises-en-relation-${key}-par-type`],
  })),
];
