/**
 * The demo of Passerelles: fictional people, structures, collèges and offers, placed in real Gard communes.
 * Every name here is invented; only commune codes are real. Offers and needs live in the other demo-*.ts files,
 * the sign-in accounts in demo-data.ts.
 */
import { LegalForm, SkillsEligibility } from '../../app/.server/db/generated/client';

/** Demo data exists once this account does. */
export const DEMO_ADMIN_EMAIL = 'mission-ess@demo.gard.fr';
export const DEMO_PROPERTY_MAILBOX = 'patrimoine@demo.gard.fr';

/** Real INSEE codes of the communes the demo uses. */
export const C = {
  aiguesMortes: '30003',
  ales: '30007',
  anduze: '30010',
  bagnols: '30028',
  beaucaire: '30032',
  laGrandCombe: '30132',
  leVigan: '30350',
  lussan: '30151',
  nimes: '30189',
  pontSaintEsprit: '30202',
  quissac: '30210',
  saintGilles: '30258',
  saintJeanDuGard: '30269',
  sommieres: '30321',
  uzes: '30334',
  vauvert: '30341',
  villeneuve: '30351',
} as const;

export interface DemoPerson {
  firstName: string;
  lastName: string;
}

/** prenom.nom, without accents: the council's address pattern. */
export function councilEmail({ firstName, lastName }: DemoPerson): string {
  const slug = (text: string) =>
    text
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  return `${slug(firstName)}.${slug(lastName)}@demo.gard.fr`;
}

export const structureEmail = (slug: string) => `contact@${slug}.example.org`;
export const collegeEmail = (slug: string) => `principal@${slug}.example.org`;

export const ADMIN: DemoPerson = { firstName: 'Claire', lastName: 'Bonnet' };

export interface DemoService {
  key: string;
  name: string;
  address: string;
  /** Line manager of the service's agents; a manager listed in AGENTS also volunteers. */
  manager: DemoPerson & { jobTitle: string; email?: string };
}

export const managerEmail = ({ manager }: DemoService): string => manager.email ?? councilEmail(manager);

export const SERVICES: DemoService[] = [
  {
    key: 'mission-ess',
    name: 'Mission ESS',
    address: '3 rue du Cadereau, 30000 Nîmes',
    manager: { ...ADMIN, email: DEMO_ADMIN_EMAIL, jobTitle: 'Cheffe de la Mission ESS' },
  },
  {
    key: 'patrimoine',
    name: "Direction de l'immobilier et du patrimoine",
    address: '3 rue du Cadereau, 30000 Nîmes',
    manager: { firstName: 'Laurent', lastName: 'Maurin', jobTitle: "Directeur de l'immobilier et du patrimoine" },
  },
  {
    key: 'rh',
    name: 'Direction des ressources humaines',
    address: '3 rue du Cadereau, 30000 Nîmes',
    manager: { firstName: 'Nathalie', lastName: 'Roux', jobTitle: 'Directrice adjointe des ressources humaines' },
  },
  {
    key: 'numerique',
    name: 'Direction du numérique',
    address: '18 avenue des Micocouliers, 30000 Nîmes',
    manager: { firstName: 'Karim', lastName: 'Benali', jobTitle: 'Directeur du numérique' },
  },
  {
    key: 'finances',
    name: 'Direction des finances et de la commande publique',
    address: '3 rue du Cadereau, 30000 Nîmes',
    manager: { firstName: 'Hélène', lastName: 'Fabre', jobTitle: 'Directrice des finances' },
  },
  {
    key: 'communication',
    name: 'Direction de la communication',
    address: '3 rue du Cadereau, 30000 Nîmes',
    manager: { firstName: 'Isabelle', lastName: 'Gaillard', jobTitle: 'Directrice de la communication' },
  },
  {
    key: 'routes',
    name: 'Direction des routes et des espaces naturels',
    address: '5 chemin du Parc routier, 30100 Alès',
    manager: { firstName: 'Jean-Marc', lastName: 'Teissier', jobTitle: 'Chef du service des espaces naturels' },
  },
  {
    key: 'solidarites',
    name: "Direction de l'action sociale et des solidarités",
    address: '27 boulevard des Magnaneries, 30100 Alès',
    manager: { firstName: 'Sophie', lastName: 'Vidal', jobTitle: "Directrice de l'action sociale" },
  },
];

export interface DemoStructure {
  slug: string;
  name: string;
  legalForm: LegalForm;
  communeCode: string;
  address: string;
  inQpv?: boolean;
  skillsEligibility: SkillsEligibility;
  /** Days before today the Mission ESS checked the eligibility; absent when not (yet) verified. */
  verifiedDaysAgo?: number;
  contact: DemoPerson;
}

export const STRUCTURES: DemoStructure[] = [
  {
    slug: 'jardins-placette',
    name: 'Les Jardins partagés de la Placette',
    legalForm: LegalForm.ASSOCIATION,
    communeCode: C.nimes,
    address: '12 rue des Tisserands, 30000 Nîmes',
    inQpv: true,
    skillsEligibility: SkillsEligibility.INTERET_GENERAL,
    verifiedDaysAgo: 120,
    contact: { firstName: 'Aïcha', lastName: 'Mansouri' },
  },
  {
    slug: 'cevennes-recyclerie',
    name: 'Cévennes Recyclerie',
    legalForm: LegalForm.SCIC,
    communeCode: C.ales,
    address: '40 chemin des Filatures, 30100 Alès',
    skillsEligibility: SkillsEligibility.NONE,
    contact: { firstName: 'Bastien', lastName: 'Coste' },
  },
  {
    slug: 'velo-gardon',
    name: 'Atelier Vélo Solidaire du Gardon',
    legalForm: LegalForm.ASSOCIATION,
    communeCode: C.anduze,
    address: '7 quai du Gardon, 30140 Anduze',
    skillsEligibility: SkillsEligibility.INTERET_GENERAL,
    contact: { firstName: 'Léa', lastName: 'Fontaine' },
  },
  {
    slug: 'fondation-garrigue',
    name: 'Fondation Garrigue Avenir',
    legalForm: LegalForm.FONDATION,
    communeCode: C.uzes,
    address: '2 place aux Herbes, 30700 Uzès',
    skillsEligibility: SkillsEligibility.FONDATION,
    verifiedDaysAgo: 200,
    contact: { firstName: 'Bernard', lastName: 'Vigouroux' },
  },
  {
    slug: 'toits-du-soleil',
    name: 'Coopérative Les Toits du Soleil',
    legalForm: LegalForm.SCIC,
    communeCode: C.bagnols,
    address: '15 avenue de la Cèze, 30200 Bagnols-sur-Cèze',
    skillsEligibility: SkillsEligibility.NONE,
    contact: { firstName: 'Mathilde', lastName: 'Serre' },
  },
  {
    slug: 'bois-cevennes',
    name: 'SCOP Bois & Cévennes',
    legalForm: LegalForm.SCOP,
    communeCode: C.saintJeanDuGard,
    address: '3 route de Saint-Étienne, 30270 Saint-Jean-du-Gard',
    skillsEligibility: SkillsEligibility.NONE,
    contact: { firstName: 'Rémi', lastName: 'Pagès' },
  },
  {
    slug: 'mutuelle-vidourle',
    name: 'Mutuelle Solidaire du Vidourle',
    legalForm: LegalForm.MUTUELLE,
    communeCode: C.sommieres,
    address: '9 rue du Pont, 30250 Sommières',
    skillsEligibility: SkillsEligibility.NONE,
    contact: { firstName: 'Corinne', lastName: 'Almeras' },
  },
  {
    slug: 'panier-beaucairois',
    name: 'Épicerie solidaire Le Panier beaucairois',
    legalForm: LegalForm.ASSOCIATION,
    communeCode: C.beaucaire,
    address: '21 rue Nationale, 30300 Beaucaire',
    inQpv: true,
    skillsEligibility: SkillsEligibility.INTERET_GENERAL,
    verifiedDaysAgo: 45,
    contact: { firstName: 'Samir', lastName: 'Haddad' },
  },
  {
    slug: 'ateliers-ceze',
    name: 'Les Ateliers de la Cèze',
    legalForm: LegalForm.ENTREPRISE_ESUS,
    communeCode: C.pontSaintEsprit,
    address: "11 rue de l'Industrie, 30130 Pont-Saint-Esprit",
    skillsEligibility: SkillsEligibility.NONE,
    contact: { firstName: 'Gilles', lastName: 'Rieu' },
  },
  {
    slug: 'tiers-lieu-vigan',
    name: 'Tiers-lieu Les Communs du Vigan',
    legalForm: LegalForm.ASSOCIATION,
    communeCode: C.leVigan,
    address: '5 avenue Sergent-Triaire, 30120 Le Vigan',
    skillsEligibility: SkillsEligibility.INTERET_GENERAL,
    contact: { firstName: 'Elsa', lastName: 'Causse' },
  },
  {
    slug: 'salins-lagunes',
    name: 'Association Salins et Lagunes',
    legalForm: LegalForm.ASSOCIATION,
    communeCode: C.aiguesMortes,
    address: '4 rue des Remparts, 30220 Aigues-Mortes',
    skillsEligibility: SkillsEligibility.INTERET_GENERAL,
    verifiedDaysAgo: 300,
    contact: { firstName: 'Yves', lastName: 'Granier' },
  },
  {
    slug: 'theatre-remparts',
    name: 'Compagnie du Théâtre des Remparts',
    legalForm: LegalForm.ASSOCIATION,
    communeCode: C.villeneuve,
    address: '8 montée du Fort, 30400 Villeneuve-lès-Avignon',
    skillsEligibility: SkillsEligibility.INTERET_GENERAL,
    verifiedDaysAgo: 90,
    contact: { firstName: 'Margaux', lastName: 'Lefèvre' },
  },
  {
    slug: 'entraide-numerique',
    name: 'Entraide Numérique Gardoise',
    legalForm: LegalForm.ASSOCIATION,
    communeCode: C.nimes,
    address: '30 rue de la Lampèze, 30900 Nîmes',
    inQpv: true,
    skillsEligibility: SkillsEligibility.ARUP,
    verifiedDaysAgo: 30,
    contact: { firstName: 'Kevin', lastName: 'Nguyen' },
  },
  {
    slug: 'cuisine-nomade',
    name: 'Cuisine Nomade',
    legalForm: LegalForm.ENTREPRISE_ESUS,
    communeCode: C.nimes,
    address: '14 avenue du Marché-Gare, 30000 Nîmes',
    skillsEligibility: SkillsEligibility.NONE,
    contact: { firstName: 'Inès', lastName: 'Benyahia' },
  },
  {
    slug: 'relais-aidants',
    name: 'Le Relais des Aidants',
    legalForm: LegalForm.ASSOCIATION,
    communeCode: C.vauvert,
    address: '6 rue Victor-Hugo, 30600 Vauvert',
    skillsEligibility: SkillsEligibility.INTERET_GENERAL,
    contact: { firstName: 'Monique', lastName: 'Brun' },
  },
  {
    slug: 'gard-entreprendre',
    name: "Coopérative d'activités Gard Entreprendre",
    legalForm: LegalForm.COOPERATIVE,
    communeCode: C.ales,
    address: '2 rue Jean-Moulin, 30100 Alès',
    skillsEligibility: SkillsEligibility.NONE,
    contact: { firstName: 'Thierry', lastName: 'Roche' },
  },
];

export interface DemoCollege {
  slug: string;
  name: string;
  communeCode: string;
  address: string;
  rep?: boolean;
  repPlus?: boolean;
  qpv?: boolean;
  principal: DemoPerson;
}

export const COLLEGES: DemoCollege[] = [
  {
    slug: 'college-garrigues',
    name: 'Collège Les Garrigues',
    communeCode: C.nimes,
    address: '1 allée des Cigales, 30900 Nîmes',
    repPlus: true,
    qpv: true,
    principal: { firstName: 'Frédéric', lastName: 'Lambert' },
  },
  {
    slug: 'college-terrasses',
    name: 'Collège Les Terrasses',
    communeCode: C.ales,
    address: '22 rue des Mûriers, 30100 Alès',
    rep: true,
    qpv: true,
    principal: { firstName: 'Nadia', lastName: 'Cherif' },
  },
  {
    slug: 'college-rive-de-ceze',
    name: 'Collège Rive de Cèze',
    communeCode: C.bagnols,
    address: '10 boulevard de la Cèze, 30200 Bagnols-sur-Cèze',
    rep: true,
    principal: { firstName: 'Christophe', lastName: 'Blanc' },
  },
  {
    slug: 'college-mont-aigoual',
    name: 'Collège du Mont Aigoual',
    communeCode: C.leVigan,
    address: '3 chemin des Châtaigniers, 30120 Le Vigan',
    principal: { firstName: 'Anne', lastName: 'Servières' },
  },
  {
    slug: 'college-petite-camargue',
    name: 'Collège de la Petite Camargue',
    communeCode: C.saintGilles,
    address: '16 avenue des Salicornes, 30800 Saint-Gilles',
    rep: true,
    qpv: true,
    principal: { firstName: 'Stéphane', lastName: 'Durand' },
  },
];

export interface DemoPropertyManager extends DemoPerson {
  email: string;
}

const SYLVIE_ARNAL: DemoPerson = { firstName: 'Sylvie', lastName: 'Arnal' };
export const ARNAL_EMAIL = councilEmail(SYLVIE_ARNAL);

export const PROPERTY_MANAGERS: DemoPropertyManager[] = [
  { email: DEMO_PROPERTY_MAILBOX, firstName: 'Service', lastName: 'Patrimoine' },
  { email: ARNAL_EMAIL, ...SYLVIE_ARNAL },
];
