import type {
  AmendmentView,
  ObservationInternshipView,
  OrganisationParty,
  SkillsPlacementView,
  TemporaryOccupationView,
} from './view-model';

/**
 * Complete, realistic views for every convention template, used by the template tests and by previews. Every name,
 * SIRET and UAI is fictional (the numbers pass their check digits but belong to no one); communes are real Gard
 * communes. Each call builds fresh objects, so callers may change them freely; `overrides` replaces top-level fields.
 */

function departement(): OrganisationParty {
  return {
    name: 'Département du Gard',
    address: 'Hôtel du Département, 3 rue Guillemette, 30044 Nîmes Cedex 9',
    legalFormLabel: 'collectivité territoriale',
    representativeName: 'Hélène Vidal',
    representativeCapacity: 'vice-présidente du Conseil départemental déléguée à l’économie sociale et solidaire',
    email: 'mission-ess@gard.example',
  };
}

/** An amendment block, for `{ isAmendment: true, amendment: sampleAmendment() }`. */
export function sampleAmendment(overrides: Partial<AmendmentView> = {}): AmendmentView {
  return {
    number: 1,
    baseReference: 'PAS-2026-CMP-7H3K',
    baseSignedOn: '2 décembre 2026',
    summary: 'porter la date de fin au 30 septembre 2027 et préciser le lieu d’exercice des activités.',
    ...overrides,
  };
}

export function sampleSkillsView(overrides: Partial<SkillsPlacementView> = {}): SkillsPlacementView {
  return {
    kind: 'COMPETENCE',
    reference: 'PAS-2026-CMP-7H3K',
    version: 1,
    generatedOn: '28 novembre 2026',
    departement: departement(),
    isAmendment: false,
    host: {
      name: 'Association Cévennes Entraide',
      address: '14 rue d’Avéjan, 30100 Alès',
      siret: '83245671900018',
      legalFormLabel: 'association régie par la loi du 1er juillet 1901',
      representativeName: 'Martine Bonnafoux',
      representativeCapacity: 'présidente de l’association',
      email: 'presidence@cevennes-entraide.example',
      eligibilityLabel: 'organisme d’intérêt général au sens de l’article 238 bis, 1, a du code général des impôts',
      eligibilityVerifiedOn: '3 novembre 2026',
    },
    agent: {
      fullName: 'Julien Castanier',
      email: 'julien.castanier@gard.example',
      jobTitle: 'contrôleur de gestion',
      serviceName: 'Direction des finances, service du contrôle de gestion',
      statusLabel: 'fonctionnaire territorial titulaire',
      agreementOn: '12 novembre 2026',
    },
    lineManager: { fullName: 'Nathalie Pujol', email: 'nathalie.pujol@gard.example', approvedOn: '16 novembre 2026' },
    activities:
      'Appui à la mise en place d’un contrôle de gestion adapté à la ressourcerie de l’association : construction d’un ' +
      'tableau de bord mensuel de l’activité, analyse des coûts par atelier et accompagnement du trésorier dans la ' +
      'préparation du budget prévisionnel 2027.',
    skills: [{ label: 'contrôle de gestion' }, { label: 'analyse financière' }, { label: 'construction de tableaux de bord' }],
    start: '4 janvier 2027',
    end: '30 juin 2027',
    durationLabel: '6 mois',
    experimentEnd: '27 décembre 2027',
    place: 'locaux de l’association, 14 rue d’Avéjan, 30100 Alès',
    hoursPerMonth: 16,
    workingTime: 'le jeudi après-midi de chaque semaine, de 13 h 30 à 17 h 30',
    remote: true,
    expensesReimbursed: true,
    expensesDetails:
      'les frais de déplacement entre Nîmes et Alès sont remboursés à l’agent par l’association, sur la base des ' +
      'indemnités kilométriques applicables aux agents publics et sur présentation d’un état de frais mensuel.',
    free: true,
    subsidy: {
      amount: '3 840,00 €',
      purpose: 'soutenir la structuration de la gestion financière de la ressourcerie de l’association',
      conditions:
        'la subvention est exclusivement affectée au projet décrit à l’article 2 ; l’association en rend compte dans le ' +
        'rapport prévu à l’article 11.',
    },
    arrete: { reference: '2026-DRH-4471', date: '20 novembre 2026' },
    ...overrides,
  };
}

export function sampleOccupationView(overrides: Partial<TemporaryOccupationView> = {}): TemporaryOccupationView {
  return {
    kind: 'LIEU',
    reference: 'PAS-2026-LIE-2M8D',
    version: 1,
    generatedOn: '28 novembre 2026',
    departement: departement(),
    isAmendment: false,
    occupant: {
      name: 'Association La Filature du Vidourle',
      address: '5 rue des Barris, 30250 Sommières',
      siret: '79128430000013',
      legalFormLabel: 'association régie par la loi du 1er juillet 1901',
      representativeName: 'Élise Teissier',
      representativeCapacity: 'co-présidente de l’association',
      email: 'contact@filature-vidourle.example',
    },
    isGrouping: true,
    members: [
      {
        name: 'Association Répar’Café Sommiérois',
        address: '12 place du Marché, 30250 Sommières',
        siret: '88410235100019',
        legalFormLabel: 'association régie par la loi du 1er juillet 1901',
        representativeName: 'Paul Arnaud',
        representativeCapacity: 'président de l’association',
      },
      {
        name: 'Association Les Jardins de Villevieille',
        address: '3 chemin des Aires, 30250 Villevieille',
        legalFormLabel: 'association régie par la loi du 1er juillet 1901',
        representativeName: 'Sandrine Roux',
        representativeCapacity: 'trésorière de l’association, par délégation du bureau',
      },
    ],
    publicDomain: true,
    domainLabel: 'domaine public',
    property: {
      typeLabel: 'bâtiment (ancien centre d’exploitation routier)',
      address: '1 route de Nîmes, 30250 Sommières',
      surfaceM2: 240,
      floorLabel: 'rez-de-chaussée',
      stepFreeAccess: true,
      description:
        'Le bâtiment comprend un atelier de 160 m², deux bureaux, un local de stockage et des sanitaires, ainsi qu’une ' +
        'cour fermée à usage de stationnement.',
    },
    allowedUse:
      'Ateliers partagés de réparation et de réemploi ouverts au public, actions de sensibilisation à l’économie ' +
      'circulaire et bureaux des associations occupantes.',
    start: '1er février 2027',
    end: '31 janvier 2029',
    durationLabel: '2 ans',
    free: true,
    freeGround:
      'l’occupant est une association à but non lucratif qui concourt à la satisfaction d’un intérêt général, au sens ' +
      'de l’article L2125-1 du code général de la propriété des personnes publiques.',
    charges:
      'Les consommations d’eau et d’électricité sont remboursées au Département sur la base des relevés des ' +
      'sous-compteurs ; le chauffage et l’entretien des espaces extérieurs restent à la charge du Département.',
    economicUse: false,
    rooftop: false,
    ...overrides,
  };
}

export function sampleRooftopView(overrides: Partial<TemporaryOccupationView> = {}): TemporaryOccupationView {
  return {
    kind: 'LIEU',
    reference: 'PAS-2026-LIE-9QT4',
    version: 1,
    generatedOn: '28 novembre 2026',
    departement: departement(),
    isAmendment: false,
    occupant: {
      name: 'SCIC Soleil des Garrigues',
      address: '6 avenue de la Gare, 30700 Uzès',
      siret: '90231547200016',
      legalFormLabel: 'société coopérative d’intérêt collectif par actions simplifiée',
      representativeName: 'Marc Chabrol',
      representativeCapacity: 'président de la SCIC',
      email: 'contact@soleil-garrigues.example',
    },
    isGrouping: false,
    members: [],
    publicDomain: true,
    domainLabel: 'domaine public',
    property: {
      typeLabel: 'toiture',
      address: 'Centre d’exploitation routier, 120 route d’Alès, 30700 Uzès',
      surfaceM2: 850,
      floorLabel: 'toiture du bâtiment principal (R+1)',
      stepFreeAccess: false,
      description:
        'Toiture en bac acier orientée au sud, d’une pente d’environ 10 %, accessible par une échelle à crinoline ' +
        'depuis la cour de service.',
    },
    allowedUse:
      'Installation et exploitation d’une centrale solaire photovoltaïque d’une puissance crête d’environ 150 kWc, ' +
      'dont l’électricité est injectée sur le réseau public de distribution.',
    start: '1er mars 2027',
    end: '28 février 2057',
    durationLabel: '30 ans',
    free: false,
    yearlyFee: '1 500,00 €',
    charges: 'Aucune charge du bâtiment n’est refacturée à l’occupant ; les consommations propres de l’installation sont à sa charge.',
    economicUse: true,
    callForOccupation: { reference: 'AAC-2026-TOIT-03', publishedOn: '15 septembre 2026', deadline: '31 octobre 2026' },
    rooftop: true,
    rooftopTerms: { durationYears: 30, fixedFee: '1 500,00 €', revenueSharePercent: 3, realRights: true },
    ...overrides,
  };
}

export function sampleInternshipView(overrides: Partial<ObservationInternshipView> = {}): ObservationInternshipView {
  const day = (dayLabel: string, hours: string, total: string) => ({ dayLabel, hours, total });
  return {
    kind: 'STAGE',
    reference: 'PAS-2026-STG-4KQ7',
    version: 1,
    generatedOn: '28 novembre 2026',
    departement: departement(),
    isAmendment: false,
    host: {
      name: 'Ressourcerie du Pays d’Uzès',
      address: '23 avenue du Général Vincent, 30700 Uzès',
      siret: '81736250200012',
      legalFormLabel: 'association régie par la loi du 1er juillet 1901',
      representativeName: 'Sophie Mercier',
      representativeCapacity: 'directrice de l’association',
      email: 'direction@ressourcerie-uzes.example',
    },
    college: {
      name: 'Collège des Capitelles',
      address: '1 allée des Capitelles, 30700 Uzès',
      uai: '0301547U',
      representativeName: 'Bruno Teissonnière',
      representativeCapacity: 'principal du collège',
      email: 'ce.0301547U@ac-montpellier.example',
    },
    pupil: { fullName: 'Inès Boudjema', birthDate: '14 mars 2012', className: '3e B' },
    legalRepresentatives: [
      { fullName: 'Karima Boudjema', email: 'karima.boudjema@courriel.example' },
      { fullName: 'Yacine Boudjema', email: 'yacine.boudjema@courriel.example' },
    ],
    tutor: { fullName: 'Thomas Rouvière', role: 'coordinateur des ateliers de réemploi', email: 'thomas.rouviere@ressourcerie-uzes.example' },
    referentTeacher: { fullName: 'Claire Lafont', email: 'claire.lafont@ac-montpellier.example' },
    place: 'Ressourcerie du Pays d’Uzès, 23 avenue du Général Vincent, 30700 Uzès',
    weekLabel: 'semaine du 7 décembre 2026',
    start: '7 décembre 2026',
    end: '11 décembre 2026',
    days: [
      day('Lundi 7 décembre 2026', '9 h 00 – 12 h 00 puis 13 h 30 – 16 h 30', '6 h 00'),
      day('Mardi 8 décembre 2026', '9 h 00 – 12 h 00 puis 13 h 30 – 16 h 30', '6 h 00'),
      day('Mercredi 9 décembre 2026', '9 h 00 – 12 h 00', '3 h 00'),
      day('Jeudi 10 décembre 2026', '9 h 00 – 12 h 00 puis 13 h 30 – 16 h 30', '6 h 00'),
      day('Vendredi 11 décembre 2026', '9 h 00 – 12 h 00 puis 13 h 30 – 16 h 30', '6 h 00'),
    ],
    weeklyTotal: '27 h 00',
    objectives:
      'Découvrir le fonctionnement d’une structure de l’économie sociale et solidaire, ses métiers et ses publics ; ' +
      'comprendre le parcours des objets, de la collecte à la revente ; préparer une courte présentation orale de la ' +
      'séquence pour la classe.',
    activities: [
      { label: 'accueil des dons et tri des objets, en observation' },
      { label: 'présentation des métiers de valoriste, de vendeur et de coordinateur' },
      { label: 'participation à une réunion d’équipe' },
      { label: 'atelier de sensibilisation au réemploi avec le public' },
    ],
    meals: 'l’élève déjeune sur place ; le repas est offert par l’organisme d’accueil.',
    transport: 'trajets à pied depuis le domicile ; aucun frais de transport.',
    lodging: 'aucun hébergement n’est nécessaire, l’élève rentrant chaque soir à son domicile.',
    workingTimeRules: [
      {
        text: 'La durée de présence de l’élève ne peut excéder 7 heures par jour ni 35 heures par semaine.',
        reference: 'circulaire du 12 juillet 2024',
      },
      {
        text: 'Au-delà de 4 heures 30 de présence continue, l’élève bénéficie d’une pause d’au moins 30 minutes consécutives.',
        reference: 'code du travail, art. L3162-3',
      },
      { text: 'La présence de l’élève est interdite entre 20 heures et 6 heures.', reference: 'code du travail, art. L3163-2' },
      {
        text: 'L’élève bénéficie d’un repos quotidien d’au moins 14 heures consécutives et de deux jours de repos hebdomadaire consécutifs.',
        reference: 'code du travail, art. L3164-1 et L3164-2',
      },
    ],
    ...overrides,
  };
}
