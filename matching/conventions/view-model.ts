/**
 * What a convention template can use: every value is already formatted in French (dates like "1er décembre 2026",
 * amounts like "1 200,00 €"), so templates only place text. Booleans drive `{{#flag}}…{{/flag}}` and
 * `{{^flag}}…{{/flag}}` sections; arrays drive lists.
 */

export interface OrganisationParty {
  name: string;
  /** Full postal address including postcode and commune. */
  address: string;
  siret?: string;
  uai?: string;
  legalFormLabel?: string;
  representativeName: string;
  /** "Président de l’association", "Principal du collège"… */
  representativeCapacity: string;
  email?: string;
}

export interface PersonParty {
  fullName: string;
  email?: string;
}

export interface AmendmentView {
  number: number;
  baseReference: string;
  baseSignedOn: string;
  /** What the amendment changes, written by the parties. */
  summary: string;
}

interface CommonView {
  reference: string;
  version: number;
  /** Date the document was generated. */
  generatedOn: string;
  departement: OrganisationParty;
  isAmendment: boolean;
  amendment?: AmendmentView;
}

export interface SkillsPlacementView extends CommonView {
  kind: 'COMPETENCE';
  host: OrganisationParty & {
    /** "organisme d’intérêt général au sens de l’article 238 bis, 1, a du CGI", "fondation", "association reconnue d’utilité publique". */
    eligibilityLabel: string;
    eligibilityVerifiedOn: string;
  };
  agent: PersonParty & {
    jobTitle: string;
    serviceName: string;
    /** Always "fonctionnaire": contractual agents are refused before a convention exists. */
    statusLabel: string;
    /** Date of the agent's written agreement (acceptance of the match). */
    agreementOn: string;
  };
  lineManager: PersonParty & { approvedOn: string };
  /** Nature of the activities (décret 2022-1682 art. 4, 1°). */
  activities: string;
  skills: { label: string }[];
  start: string;
  end: string;
  durationLabel: string;
  /** End of the experiment (loi 3DS art. 209), e.g. "27 décembre 2027". */
  experimentEnd: string;
  place: string;
  hoursPerMonth: number;
  workingTime: string;
  remote: boolean;
  expensesReimbursed: boolean;
  expensesDetails: string;
  /** Free placement: the Département grants the equivalent as a subsidy (loi 2000-321 art. 10). */
  free: boolean;
  reimbursementAmount?: string;
  subsidy?: { amount: string; purpose: string; conditions: string };
  arrete: { reference: string; date: string };
}

export interface TemporaryOccupationView extends CommonView {
  kind: 'LIEU';
  /** The occupant, or the chef de file of a grouping. */
  occupant: OrganisationParty;
  isGrouping: boolean;
  members: OrganisationParty[];
  publicDomain: boolean;
  /** "domaine public" or "domaine privé". */
  domainLabel: string;
  property: {
    typeLabel: string;
    address: string;
    surfaceM2: number;
    floorLabel: string;
    stepFreeAccess: boolean;
    description: string;
  };
  allowedUse: string;
  start: string;
  end: string;
  durationLabel: string;
  free: boolean;
  yearlyFee?: string;
  /** Legal ground of free occupation, e.g. CGPPP L2125-1 for a non-profit association of general interest. */
  freeGround?: string;
  charges: string;
  /** Economic use: the occupant was chosen after the call for occupation (CGPPP L2122-1-1). */
  economicUse: boolean;
  callForOccupation?: { reference: string; publishedOn: string; deadline: string };
  rooftop: boolean;
  rooftopTerms?: {
    durationYears: number;
    fixedFee?: string;
    revenueSharePercent?: number;
    realRights: boolean;
  };
}

export interface InternshipDayView {
  dayLabel: string;
  /** "9 h 00 – 12 h 00 puis 13 h 30 – 16 h 30". */
  hours: string;
  total: string;
}

export interface WorkingTimeRuleView {
  text: string;
  reference: string;
}

export interface ObservationInternshipView extends CommonView {
  kind: 'STAGE';
  host: OrganisationParty;
  college: OrganisationParty;
  pupil: PersonParty & { birthDate: string; className: string };
  legalRepresentatives: PersonParty[];
  tutor: PersonParty & { role: string };
  referentTeacher: PersonParty;
  place: string;
  weekLabel: string;
  start: string;
  end: string;
  days: InternshipDayView[];
  weeklyTotal: string;
  objectives: string;
  activities: { label: string }[];
  meals: string;
  transport: string;
  lodging: string;
  workingTimeRules: WorkingTimeRuleView[];
}

export type ConventionView = SkillsPlacementView | TemporaryOccupationView | ObservationInternshipView;
