import { PropertyType, PublicDomain } from '../../app/.server/db/generated/client';
import { ARNAL_EMAIL as ARNAL, C, DEMO_PROPERTY_MAILBOX as PATRIMOINE } from './demo-people';

export interface DemoProperty {
  managerEmail: string;
  propertyType: PropertyType;
  title: string;
  description: string;
  communeCode: string;
  address: string;
  inQpv?: boolean;
  surfaceM2: number;
  floor?: number;
  stepFreeAccess: boolean;
  domain: PublicDomain;
  yearlyFeeCents?: number;
  counterparts?: string;
  /** ISO date of the call-for-occupation deadline. */
  callDeadline: string;
  draft?: boolean;
}

export const PROPERTIES: DemoProperty[] = [
  {
    managerEmail: PATRIMOINE,
    propertyType: PropertyType.BUILDING,
    title: 'Ancienne maison cantonnière',
    description:
      "Maison de deux niveaux au bord de la route départementale, avec un jardin clos. Le rez-de-chaussée conviendrait à un atelier ou à un lieu d'accueil.",
    communeCode: C.saintJeanDuGard,
    address: '1 route de Saint-Étienne, 30270 Saint-Jean-du-Gard',
    surfaceM2: 140,
    floor: 0,
    stepFreeAccess: false,
    domain: PublicDomain.PRIVATE,
    counterparts: 'Entretien courant du bâtiment et du jardin.',
    callDeadline: '2027-02-15',
  },
  {
    managerEmail: PATRIMOINE,
    propertyType: PropertyType.BUILDING,
    title: "Rez-de-chaussée d'un ancien centre médico-social",
    description:
      'Plateau de 210 m² en quartier prioritaire, cloisonné en cinq bureaux et une grande salle. Sanitaires accessibles, accès de plain-pied depuis la rue.',
    communeCode: C.ales,
    address: '27 boulevard des Magnaneries, 30100 Alès',
    inQpv: true,
    surfaceM2: 210,
    floor: 0,
    stepFreeAccess: true,
    domain: PublicDomain.PRIVATE,
    yearlyFeeCents: 240_000,
    callDeadline: '2027-01-29',
  },
  {
    managerEmail: ARNAL,
    propertyType: PropertyType.BUILDING,
    title: 'Bureaux vacants au deuxième étage',
    description:
      "Quatre bureaux lumineux dans un immeuble administratif desservi par un ascenseur. Idéal pour une petite équipe ou un groupement d'associations.",
    communeCode: C.nimes,
    address: '18 avenue des Micocouliers, 30000 Nîmes',
    surfaceM2: 95,
    floor: 2,
    stepFreeAccess: true,
    domain: PublicDomain.PUBLIC,
    yearlyFeeCents: 180_000,
    callDeadline: '2027-03-15',
  },
  {
    managerEmail: PATRIMOINE,
    propertyType: PropertyType.BUILDING,
    title: 'Ancien logement de fonction de collège',
    description:
      "Appartement de quatre pièces au premier étage, avec une entrée indépendante de l'établissement. Il se prête à des bureaux ou à un hébergement temporaire.",
    communeCode: C.bagnols,
    address: '12 boulevard de la Cèze, 30200 Bagnols-sur-Cèze',
    surfaceM2: 85,
    floor: 1,
    stepFreeAccess: false,
    domain: PublicDomain.PRIVATE,
    counterparts: 'Petites réparations locatives à la charge de l’occupant.',
    callDeadline: '2027-01-15',
  },
  {
    managerEmail: ARNAL,
    propertyType: PropertyType.BUILDING,
    title: "Entrepôt de l'ancien parc routier",
    description:
      'Hangar de 420 m² avec une hauteur sous plafond de six mètres et un quai de chargement. Parfait pour une recyclerie ou du stockage mutualisé.',
    communeCode: C.uzes,
    address: '5 chemin du Parc routier, 30700 Uzès',
    surfaceM2: 420,
    floor: 0,
    stepFreeAccess: true,
    domain: PublicDomain.PRIVATE,
    yearlyFeeCents: 360_000,
    callDeadline: '2027-04-30',
  },
  {
    managerEmail: PATRIMOINE,
    propertyType: PropertyType.BUILDING,
    title: "Local d'activité en centre ancien",
    description:
      'Petite boutique de 60 m² avec vitrine sur une rue commerçante du centre ancien. Le Département la prête gratuitement contre une ouverture régulière au public.',
    communeCode: C.beaucaire,
    address: '8 rue Nationale, 30300 Beaucaire',
    inQpv: true,
    surfaceM2: 60,
    floor: 0,
    stepFreeAccess: true,
    domain: PublicDomain.PRIVATE,
    counterparts: 'Ouverture au public au moins deux demi-journées par semaine.',
    callDeadline: '2027-02-26',
  },
  {
    managerEmail: ARNAL,
    propertyType: PropertyType.BUILDING,
    title: "Salle polyvalente de l'ancienne subdivision",
    description: 'Grande salle de 130 m² avec une kitchenette, libérée après le regroupement des équipes routières.',
    communeCode: C.sommieres,
    address: '2 avenue du Vidourle, 30250 Sommières',
    surfaceM2: 130,
    floor: 0,
    stepFreeAccess: true,
    domain: PublicDomain.PRIVATE,
    callDeadline: '2027-05-31',
    draft: true,
  },
  {
    managerEmail: PATRIMOINE,
    propertyType: PropertyType.LAND,
    title: 'Terrain agricole en bordure du Gardon',
    description:
      'Parcelle plane et irrigable de 8 500 m², anciennement en maraîchage. Elle est proposée à un projet agricole solidaire ou à un jardin d’insertion.',
    communeCode: C.anduze,
    address: 'Lieu-dit Les Prés, 30140 Anduze',
    surfaceM2: 8_500,
    stepFreeAccess: true,
    domain: PublicDomain.PRIVATE,
    counterparts: 'Culture en agriculture biologique et entretien des haies.',
    callDeadline: '2027-03-01',
  },
  {
    managerEmail: ARNAL,
    propertyType: PropertyType.LAND,
    title: 'Délaissé routier à aménager',
    description:
      "Bande de terrain de 1 800 m² le long d'une voie verte, laissée libre après la rectification d'un virage. Un jardin partagé ou une aire de compostage y trouveraient leur place.",
    communeCode: C.vauvert,
    address: 'Route départementale 135, 30600 Vauvert',
    surfaceM2: 1_800,
    stepFreeAccess: true,
    domain: PublicDomain.PUBLIC,
    counterparts: "Entretien de la parcelle et maintien de l'accès à la voie verte.",
    callDeadline: '2027-02-01',
  },
  {
    managerEmail: PATRIMOINE,
    propertyType: PropertyType.LAND,
    title: 'Parcelle de garrigue près de la Cèze',
    description:
      "Terrain boisé de 3 200 m² en pente douce, accessible par un chemin carrossable. Convient à un chantier d'insertion ou à de l'éco-pâturage.",
    communeCode: C.pontSaintEsprit,
    address: 'Chemin des Combes, 30130 Pont-Saint-Esprit',
    surfaceM2: 3_200,
    stepFreeAccess: false,
    domain: PublicDomain.PRIVATE,
    yearlyFeeCents: 50_000,
    callDeadline: '2027-06-30',
  },
  {
    managerEmail: PATRIMOINE,
    propertyType: PropertyType.ROOFTOP,
    title: "Toiture du gymnase d'un collège",
    description:
      'Toiture en bac acier de 900 m², orientée plein sud et sans ombrage, pour une centrale photovoltaïque citoyenne. Le projet devra associer les élèves du collège.',
    communeCode: C.bagnols,
    address: '10 boulevard de la Cèze, 30200 Bagnols-sur-Cèze',
    surfaceM2: 900,
    stepFreeAccess: false,
    domain: PublicDomain.PUBLIC,
    yearlyFeeCents: 150_000,
    counterparts: "Un projet pédagogique sur l'énergie avec le collège.",
    callDeadline: '2027-03-31',
  },
  {
    managerEmail: ARNAL,
    propertyType: PropertyType.ROOFTOP,
    title: "Toiture du centre d'exploitation routier",
    description:
      'Deux pans de toiture de 1 200 m² au total, charpente vérifiée en 2025. Raccordement au réseau possible en limite de parcelle.',
    communeCode: C.ales,
    address: '5 chemin du Parc routier, 30100 Alès',
    surfaceM2: 1_200,
    stepFreeAccess: false,
    domain: PublicDomain.PRIVATE,
    yearlyFeeCents: 220_000,
    callDeadline: '2027-04-15',
  },
  {
    managerEmail: PATRIMOINE,
    propertyType: PropertyType.ROOFTOP,
    title: 'Toiture du centre technique des remparts',
    description: 'Toiture terrasse de 650 m² sur un bâtiment technique, proposée gratuitement à un projet solaire porté par des habitants.',
    communeCode: C.aiguesMortes,
    address: 'Route du Grau-du-Roi, 30220 Aigues-Mortes',
    surfaceM2: 650,
    stepFreeAccess: false,
    domain: PublicDomain.PRIVATE,
    counterparts: 'Ouverture de la centrale aux visites scolaires.',
    callDeadline: '2027-05-14',
  },
];
