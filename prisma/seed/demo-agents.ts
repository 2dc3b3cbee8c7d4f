import { AgentStatus } from '../../app/.server/db/generated/client';
import { C, type DemoPerson } from './demo-people';

export interface DemoSkillOffer {
  title: string;
  description: string;
  skills: string[];
  hoursPerMonth: number;
  radiusKm: number;
  remote: boolean;
  communeCode: string;
  /** Still waiting for the line manager's approval. */
  pending?: boolean;
}

export interface DemoAgent extends DemoPerson {
  serviceKey: string;
  jobTitle: string;
  status: AgentStatus;
  offer: DemoSkillOffer;
}

const F = AgentStatus.FONCTIONNAIRE;

export const AGENTS: DemoAgent[] = [
  {
    firstName: 'Marie',
    lastName: 'Chabert',
    serviceKey: 'finances',
    jobTitle: 'Comptable',
    status: F,
    offer: {
      title: 'Tenue de la comptabilité associative et plan de trésorerie',
      description:
        "Comptable au Département depuis douze ans, j'aide les associations à structurer leur comptabilité et à suivre leur trésorerie mois par mois. Je peux aussi préparer avec vous la clôture de l'exercice.",
      skills: ['comptabilité', 'trésorerie', 'budget prévisionnel'],
      hoursPerMonth: 8,
      radiusKm: 30,
      remote: true,
      communeCode: C.nimes,
    },
  },
  {
    firstName: 'Thomas',
    lastName: 'Delmas',
    serviceKey: 'numerique',
    jobTitle: 'Technicien informatique',
    status: F,
    offer: {
      title: 'Remise à plat de votre parc informatique',
      description:
        'Je propose un diagnostic de vos postes et de votre réseau, puis un plan simple pour sécuriser vos sauvegardes. Idéal pour une petite équipe qui a grandi sans informaticien.',
      skills: ['informatique', 'réseaux', 'sécurité informatique'],
      hoursPerMonth: 6,
      radiusKm: 40,
      remote: false,
      communeCode: C.ales,
    },
  },
  {
    firstName: 'Julie',
    lastName: 'Pascal',
    serviceKey: 'communication',
    jobTitle: 'Graphiste',
    status: F,
    offer: {
      title: 'Graphisme et mise en page de vos supports',
      description:
        "Affiches, plaquettes, rapport d'activité : je mets en forme vos documents avec une charte claire et des logiciels libres que vous pourrez reprendre ensuite.",
      skills: ['graphisme', 'PAO', 'identité visuelle'],
      hoursPerMonth: 8,
      radiusKm: 25,
      remote: true,
      communeCode: C.nimes,
    },
  },
  {
    firstName: 'Antoine',
    lastName: 'Favier',
    serviceKey: 'communication',
    jobTitle: 'Chargé de communication',
    status: F,
    offer: {
      title: 'Construire un plan de communication réaliste',
      description:
        "Nous définissons ensemble vos publics, vos messages et un calendrier tenable avec des bénévoles. J'accompagne aussi les premières publications sur les réseaux sociaux.",
      skills: ['communication', 'réseaux sociaux', 'relations presse'],
      hoursPerMonth: 6,
      radiusKm: 50,
      remote: true,
      communeCode: C.uzes,
    },
  },
  {
    firstName: 'Sandrine',
    lastName: 'Mercier',
    serviceKey: 'finances',
    jobTitle: 'Juriste',
    status: F,
    offer: {
      title: 'Appui juridique associatif',
      description:
        'Révision des statuts, règlement intérieur, tenue des instances : je vous aide à sécuriser la vie juridique de votre association.',
      skills: ['juridique associatif', 'statuts', 'gouvernance'],
      hoursPerMonth: 4,
      radiusKm: 60,
      remote: true,
      communeCode: C.nimes,
    },
  },
  {
    firstName: 'Pierre',
    lastName: 'Bousquet',
    serviceKey: 'finances',
    jobTitle: 'Acheteur public',
    status: F,
    offer: {
      title: 'Répondre à un marché public',
      description:
        "Acheteur au Département, je vous explique comment lire un dossier de consultation et bâtir une offre solide. Les clauses sociales et environnementales n'auront plus de secret pour vous.",
      skills: ['marchés publics', "réponse aux appels d'offres"],
      hoursPerMonth: 6,
      radiusKm: 40,
      remote: true,
      communeCode: C.nimes,
    },
  },
  {
    firstName: 'Fatima',
    lastName: 'El Amrani',
    serviceKey: 'solidarites',
    jobTitle: 'Conseillère en insertion',
    status: F,
    offer: {
      title: "Accompagner les parcours d'insertion",
      description:
        "J'apporte mon expérience de l'accompagnement des allocataires du RSA aux structures qui recrutent en insertion. Nous pouvons travailler ensemble vos entretiens d'accueil et vos bilans.",
      skills: ['insertion professionnelle', 'accompagnement social'],
      hoursPerMonth: 8,
      radiusKm: 20,
      remote: false,
      communeCode: C.beaucaire,
    },
  },
  {
    firstName: 'Romain',
    lastName: 'Castanier',
    serviceKey: 'routes',
    jobTitle: "Agent d'entretien des espaces verts",
    status: F,
    offer: {
      title: 'Conseils et coups de main au jardin',
      description:
        'Taille, plantation de haies, arrosage économe : je viens sur place conseiller les jardiniers bénévoles et partager les bons gestes.',
      skills: ['jardinage', 'espaces verts', 'taille des arbres'],
      hoursPerMonth: 12,
      radiusKm: 20,
      remote: false,
      communeCode: C.sommieres,
    },
  },
  {
    firstName: 'Nicolas',
    lastName: 'Pellet',
    serviceKey: 'patrimoine',
    jobTitle: 'Menuisier',
    status: F,
    offer: {
      title: 'Menuiserie et aménagement de locaux',
      description:
        'Menuisier du service patrimoine, je peux concevoir et monter avec vous des rayonnages, un comptoir ou du mobilier en bois de réemploi.',
      skills: ['menuiserie', 'agencement', 'petits travaux'],
      hoursPerMonth: 16,
      radiusKm: 30,
      remote: false,
      communeCode: C.ales,
    },
  },
  {
    firstName: 'Émilie',
    lastName: 'Rouvière',
    serviceKey: 'rh',
    jobTitle: 'Gestionnaire des ressources humaines',
    status: F,
    offer: {
      title: 'Premiers pas de la fonction employeur',
      description:
        "Contrat de travail, fiche de paie, entretien annuel : je vous accompagne pour votre premier recrutement salarié. Je connais bien les contrats aidés et la convention collective de l'animation.",
      skills: ['ressources humaines', 'paie', 'recrutement'],
      hoursPerMonth: 6,
      radiusKm: 40,
      remote: true,
      communeCode: C.nimes,
    },
  },
  {
    firstName: 'Nathalie',
    lastName: 'Roux',
    serviceKey: 'rh',
    jobTitle: 'Directrice adjointe des ressources humaines',
    status: F,
    offer: {
      title: "Organiser le travail d'une équipe qui grandit",
      description:
        "Quand une association passe de deux à dix salariés, l'organisation doit suivre. Je propose quelques séances pour clarifier les rôles, les délégations et le dialogue social.",
      skills: ['management', 'ressources humaines', 'conduite du changement'],
      hoursPerMonth: 4,
      radiusKm: 30,
      remote: true,
      communeCode: C.nimes,
    },
  },
  {
    firstName: 'Mathieu',
    lastName: 'Girard',
    serviceKey: 'mission-ess',
    jobTitle: 'Chargé de mission financements européens',
    status: F,
    offer: {
      title: 'Trouver et monter des financements',
      description:
        'Fonds européens, appels à projets, mécénat : je vous aide à repérer les bons guichets et à rédiger un dossier convaincant.',
      skills: ['recherche de financements', 'fonds européens', 'montage de dossiers'],
      hoursPerMonth: 8,
      radiusKm: 60,
      remote: true,
      communeCode: C.nimes,
    },
  },
  {
    firstName: 'Chloé',
    lastName: 'Bertrand',
    serviceKey: 'patrimoine',
    jobTitle: "Chargée d'accessibilité",
    status: F,
    offer: {
      title: "Diagnostic d'accessibilité de vos locaux",
      description:
        "Je visite vos locaux et vous remets un diagnostic d'accessibilité avec des solutions peu coûteuses. Je peux aussi vous aider à remplir le registre public d'accessibilité.",
      skills: ['accessibilité', 'handicap', 'registre public d’accessibilité'],
      hoursPerMonth: 6,
      radiusKm: 50,
      remote: false,
      communeCode: C.nimes,
    },
  },
  {
    firstName: 'Yannick',
    lastName: 'Soulier',
    serviceKey: 'numerique',
    jobTitle: 'Développeur web',
    status: AgentStatus.CONTRACTUEL,
    offer: {
      title: 'Refaire votre site internet',
      description:
        'Je vous accompagne pour choisir un outil simple, structurer vos pages et rendre votre site accessible. Vous repartez autonomes pour le mettre à jour.',
      skills: ['site internet', 'informatique', 'accessibilité numérique'],
      hoursPerMonth: 8,
      radiusKm: 30,
      remote: true,
      communeCode: C.nimes,
    },
  },
  {
    firstName: 'Laure',
    lastName: 'Deleuze',
    serviceKey: 'solidarites',
    jobTitle: 'Travailleuse sociale',
    status: F,
    offer: {
      title: "Animer des groupes d'échange",
      description:
        "Travailleuse sociale dans les Cévennes, j'anime des groupes de parole et des ateliers parents-enfants. Je peux former vos bénévoles à l'animation et à l'écoute.",
      skills: ['animation de groupes', 'médiation', 'parentalité'],
      hoursPerMonth: 4,
      radiusKm: 25,
      remote: false,
      communeCode: C.leVigan,
    },
  },
  {
    firstName: 'Bruno',
    lastName: 'Arnaud',
    serviceKey: 'routes',
    jobTitle: "Chef d'équipe des espaces naturels",
    status: F,
    offer: {
      title: 'Gestion écologique des espaces naturels',
      description:
        'Débroussaillement raisonné, restauration de murets en pierre sèche, prévention des incendies : je partage ce que nous faisons sur les espaces naturels sensibles.',
      skills: ['espaces verts', 'débroussaillement', 'génie écologique'],
      hoursPerMonth: 8,
      radiusKm: 40,
      remote: false,
      communeCode: C.saintJeanDuGard,
    },
  },
  {
    firstName: 'Céline',
    lastName: 'Masson',
    serviceKey: 'finances',
    jobTitle: 'Contrôleuse de gestion',
    status: F,
    offer: {
      title: 'Tableaux de bord et coûts de revient',
      description:
        "Je vous aide à calculer le coût réel de vos actions et à construire un tableau de bord de quelques indicateurs utiles à votre conseil d'administration.",
      skills: ['contrôle de gestion', 'comptabilité analytique', 'tableaux de bord'],
      hoursPerMonth: 6,
      radiusKm: 30,
      remote: true,
      communeCode: C.bagnols,
    },
  },
  {
    firstName: 'David',
    lastName: 'Olivier',
    serviceKey: 'numerique',
    jobTitle: 'Formateur au numérique',
    status: F,
    offer: {
      title: 'Former vos bénévoles aux outils numériques',
      description: 'Messagerie, agenda partagé, tableur : des ateliers courts et concrets, adaptés au niveau de chacun.',
      skills: ['formation bureautique', 'inclusion numérique'],
      hoursPerMonth: 8,
      radiusKm: 35,
      remote: false,
      communeCode: C.pontSaintEsprit,
    },
  },
  {
    firstName: 'Agnès',
    lastName: 'Roussel',
    serviceKey: 'communication',
    jobTitle: 'Photographe',
    status: F,
    offer: {
      title: 'Photos et petites vidéos de vos actions',
      description:
        'Je viens photographier vos ateliers ou tourner une courte vidéo de présentation, et je vous montre comment en faire vous-mêmes avec un téléphone.',
      skills: ['photographie', 'vidéo', 'communication'],
      hoursPerMonth: 6,
      radiusKm: 60,
      remote: false,
      communeCode: C.villeneuve,
    },
  },
  {
    firstName: 'Guillaume',
    lastName: 'Peyre',
    serviceKey: 'patrimoine',
    jobTitle: 'Électricien',
    status: F,
    offer: {
      title: 'Mise en sécurité électrique et projets solaires',
      description:
        "Électricien du patrimoine départemental, je relis vos devis, repère les installations à risque et conseille les porteurs de projets photovoltaïques sur l'état des toitures.",
      skills: ['électricité', 'photovoltaïque', 'mise en sécurité'],
      hoursPerMonth: 8,
      radiusKm: 40,
      remote: false,
      communeCode: C.bagnols,
    },
  },
  {
    firstName: 'Sarah',
    lastName: 'Benhamou',
    serviceKey: 'rh',
    jobTitle: 'Chargée de formation',
    status: AgentStatus.CONTRACTUEL,
    offer: {
      title: 'Construire votre plan de formation',
      description:
        'Je vous aide à recenser les besoins de vos salariés et bénévoles, à trouver les financements de la formation et à organiser des ateliers internes.',
      skills: ['ingénierie de formation', "animation d'ateliers", 'ressources humaines'],
      hoursPerMonth: 6,
      radiusKm: 30,
      remote: true,
      communeCode: C.nimes,
    },
  },
  {
    firstName: 'Vincent',
    lastName: 'Lacombe',
    serviceKey: 'mission-ess',
    jobTitle: 'Chargé de mission ESS',
    status: F,
    offer: {
      title: 'Gouvernance coopérative et modèle économique',
      description:
        'Vous envisagez de passer en SCIC ou de revoir votre modèle économique ? Je vous accompagne pour poser les options et préparer la décision collective.',
      skills: ['gouvernance coopérative', 'modèle économique', 'SCIC'],
      hoursPerMonth: 4,
      radiusKm: 60,
      remote: true,
      communeCode: C.ales,
    },
  },
  {
    firstName: 'Patricia',
    lastName: 'Fournier',
    serviceKey: 'solidarites',
    jobTitle: 'Secrétaire médico-sociale',
    status: F,
    offer: {
      title: 'Organisation administrative et classement',
      description:
        'Je vous aide à ranger, classer et dématérialiser vos dossiers, et à mettre en place des procédures simples pour le secrétariat.',
      skills: ['secrétariat', 'organisation administrative', 'archivage'],
      hoursPerMonth: 8,
      radiusKm: 20,
      remote: false,
      communeCode: C.aiguesMortes,
    },
  },
  {
    firstName: 'Olivier',
    lastName: 'Jourdan',
    serviceKey: 'finances',
    jobTitle: 'Gestionnaire de subventions',
    status: F,
    offer: {
      title: 'Dossiers de subvention et bilans financiers',
      description:
        "Je connais bien l'instruction des subventions du côté de la collectivité : je vous aide à présenter un budget lisible et à rédiger vos bilans.",
      skills: ['dossiers de subvention', 'recherche de financements', 'budget prévisionnel'],
      hoursPerMonth: 6,
      radiusKm: 45,
      remote: true,
      communeCode: C.uzes,
    },
  },
  {
    firstName: 'Lucie',
    lastName: 'Chapon',
    serviceKey: 'solidarites',
    jobTitle: 'Diététicienne',
    status: F,
    offer: {
      title: 'Cuisine collective et hygiène alimentaire',
      description:
        "Diététicienne, j'accompagne les épiceries solidaires et les cuisines d'insertion sur l'équilibre des menus et les règles d'hygiène HACCP.",
      skills: ['nutrition', 'cuisine collective', 'hygiène alimentaire'],
      hoursPerMonth: 6,
      radiusKm: 30,
      remote: false,
      communeCode: C.nimes,
    },
  },
  {
    firstName: 'Hugo',
    lastName: 'Ferrand',
    serviceKey: 'numerique',
    jobTitle: 'Technicien support',
    status: F,
    offer: {
      title: 'Reconditionner des ordinateurs',
      description:
        "Je propose d'aider un atelier de réemploi à reconditionner des ordinateurs réformés : effacement sécurisé, réinstallation, petites réparations.",
      skills: ['informatique', 'réemploi informatique', 'maintenance de postes'],
      hoursPerMonth: 8,
      radiusKm: 30,
      remote: false,
      communeCode: C.ales,
      pending: true,
    },
  },
  {
    firstName: 'Manon',
    lastName: 'Reboul',
    serviceKey: 'communication',
    jobTitle: 'Rédactrice',
    status: F,
    offer: {
      title: 'Écrire clairement pour votre public',
      description: 'Lettres, site, appels aux dons : je vous aide à écrire des textes courts et accessibles, en langage clair.',
      skills: ['rédaction', 'communication', 'écriture web'],
      hoursPerMonth: 4,
      radiusKm: 40,
      remote: true,
      communeCode: C.anduze,
      pending: true,
    },
  },
];
