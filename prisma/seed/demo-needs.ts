import { PropertyType } from '../../app/.server/db/generated/client';

export interface DemoSkillNeed {
  structureSlug: string;
  title: string;
  description: string;
  skills: string[];
  hoursPerMonth?: number;
  remoteOk: boolean;
  maxDistanceKm: number;
  draft?: boolean;
}

export const SKILL_NEEDS: DemoSkillNeed[] = [
  {
    structureSlug: 'jardins-placette',
    title: 'Mettre de l’ordre dans notre comptabilité',
    description:
      'Nos comptes sont tenus par une bénévole sur un tableur. Nous cherchons de l’aide pour passer à un vrai plan comptable et préparer notre budget.',
    skills: ['comptabilité', 'budget prévisionnel'],
    hoursPerMonth: 4,
    remoteOk: true,
    maxDistanceKm: 30,
  },
  {
    structureSlug: 'velo-gardon',
    title: 'Financer un deuxième atelier mobile',
    description: 'Nous voulons équiper une remorque-atelier pour les villages des Cévennes et cherchons les bons financements.',
    skills: ['recherche de financements', 'montage de dossiers'],
    hoursPerMonth: 6,
    remoteOk: true,
    maxDistanceKm: 50,
  },
  {
    structureSlug: 'fondation-garrigue',
    title: 'Refondre notre identité visuelle',
    description:
      'Notre logo et nos documents datent de notre création. Nous aimerions une charte graphique simple pour nos appels à projets.',
    skills: ['graphisme', 'communication'],
    remoteOk: true,
    maxDistanceKm: 60,
  },
  {
    structureSlug: 'entraide-numerique',
    title: 'Sécuriser nos ordinateurs et nos données',
    description: 'Nous accueillons du public sur des postes partagés et voulons protéger les données des personnes accompagnées.',
    skills: ['informatique', 'sécurité informatique'],
    hoursPerMonth: 6,
    remoteOk: false,
    maxDistanceKm: 20,
  },
  {
    structureSlug: 'theatre-remparts',
    title: 'Réviser nos statuts et devenir employeur',
    description: "La compagnie va embaucher sa première salariée. Il faut adapter les statuts et comprendre nos obligations d'employeur.",
    skills: ['juridique associatif', 'ressources humaines'],
    hoursPerMonth: 4,
    remoteOk: true,
    maxDistanceKm: 40,
  },
  {
    structureSlug: 'salins-lagunes',
    title: 'Restaurer les abords de notre sentier',
    description:
      'Le sentier de découverte souffre de la sécheresse. Un regard de professionnel des espaces naturels nous aiderait à choisir les bonnes plantations.',
    skills: ['espaces verts', 'génie écologique'],
    hoursPerMonth: 8,
    remoteOk: false,
    maxDistanceKm: 40,
  },
  {
    structureSlug: 'cuisine-nomade',
    title: 'Répondre aux marchés de restauration collective',
    description: 'Nous voulons candidater aux marchés de repas des collectivités et avons besoin de comprendre les pièces à fournir.',
    skills: ['marchés publics'],
    hoursPerMonth: 4,
    remoteOk: true,
    maxDistanceKm: 30,
  },
  {
    structureSlug: 'cevennes-recyclerie',
    title: 'Aménager notre atelier de réparation',
    description: 'Nous cherchons un menuisier pour concevoir des établis et des rayonnages à partir de bois de récupération.',
    skills: ['menuiserie', 'agencement'],
    hoursPerMonth: 12,
    remoteOk: false,
    maxDistanceKm: 25,
  },
  {
    structureSlug: 'panier-beaucairois',
    title: 'Rendre notre épicerie accessible',
    description: "Notre entrée comporte une marche et les rayons sont serrés. Nous voulons un diagnostic avant d'engager des travaux.",
    skills: ['accessibilité'],
    remoteOk: false,
    maxDistanceKm: 30,
    draft: true,
  },
  {
    structureSlug: 'relais-aidants',
    title: 'Faire connaître nos permanences',
    description:
      'Les aidants ne savent pas que nous existons. Nous cherchons de l’aide pour une communication simple, sur papier et en ligne.',
    skills: ['communication', 'réseaux sociaux', 'rédaction'],
    hoursPerMonth: 4,
    remoteOk: true,
    maxDistanceKm: 40,
  },
];

export interface DemoSpaceNeed {
  structureSlug: string;
  /** Partners of a grouping led by `structureSlug` (the chef de file). */
  partnerSlugs?: string[];
  title: string;
  description: string;
  propertyTypes: PropertyType[];
  minSurfaceM2: number;
  stepFreeRequired: boolean;
  intendedUse: string;
  maxDistanceKm: number;
  draft?: boolean;
}

export const SPACE_NEEDS: DemoSpaceNeed[] = [
  {
    structureSlug: 'cevennes-recyclerie',
    partnerSlugs: ['velo-gardon', 'bois-cevennes'],
    title: 'Un pôle réemploi pour les Cévennes',
    description:
      'La recyclerie, un atelier vélo et une menuiserie coopérative veulent partager un grand local pour réparer, stocker et vendre ensemble. La recyclerie porte la candidature comme chef de file.',
    propertyTypes: [PropertyType.BUILDING],
    minSurfaceM2: 300,
    stepFreeRequired: true,
    intendedUse: 'Atelier de réparation, stockage et boutique partagés',
    maxDistanceKm: 30,
  },
  {
    structureSlug: 'toits-du-soleil',
    title: 'Des toitures pour notre prochaine centrale citoyenne',
    description:
      'Nos 400 sociétaires financent des centrales solaires sur des toits publics. Nous cherchons au moins 500 m² de toiture bien exposée.',
    propertyTypes: [PropertyType.ROOFTOP],
    minSurfaceM2: 500,
    stepFreeRequired: false,
    intendedUse: 'Centrale photovoltaïque citoyenne',
    maxDistanceKm: 40,
  },
  {
    structureSlug: 'jardins-placette',
    title: 'Un terrain pour un deuxième jardin',
    description:
      'Notre liste d’attente compte quarante familles. Un terrain proche du quartier permettrait d’ouvrir de nouvelles parcelles.',
    propertyTypes: [PropertyType.LAND],
    minSurfaceM2: 1_000,
    stepFreeRequired: true,
    intendedUse: 'Jardin partagé et compostage de quartier',
    maxDistanceKm: 15,
  },
  {
    structureSlug: 'theatre-remparts',
    title: 'Une salle de répétition',
    description:
      'La compagnie répète dans une salle prêtée quelques heures par semaine. Nous cherchons un lieu stable pour créer nos spectacles.',
    propertyTypes: [PropertyType.BUILDING],
    minSurfaceM2: 120,
    stepFreeRequired: true,
    intendedUse: 'Répétitions et petites représentations',
    maxDistanceKm: 20,
  },
  {
    structureSlug: 'tiers-lieu-vigan',
    title: 'Un local pour notre fab lab',
    description: 'Nos machines sont à l’étroit. Un local de plain-pied accueillerait le fab lab et des ateliers pour les jeunes.',
    propertyTypes: [PropertyType.BUILDING, PropertyType.LAND],
    minSurfaceM2: 80,
    stepFreeRequired: true,
    intendedUse: 'Fab lab et ateliers de fabrication',
    maxDistanceKm: 30,
    draft: true,
  },
];
