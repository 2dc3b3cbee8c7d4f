import { durationLabel, eligibilityLabel } from '../../../matching/conventions/skills-placement';
import { termLabel, type ConventionTerms } from '../../../matching/conventions/terms';
import type {
  ConventionView,
  ObservationInternshipView,
  OrganisationParty,
  SkillsPlacementView,
  TemporaryOccupationView,
} from '../../../matching/conventions/view-model';
import { defaultWorkingTimeRules, describeSchedule, rulesForPrinting, type InternshipSchedule } from '../../../matching/conventions/working-time';
import { formatDayFr } from '../../../matching/weeks';
import type { ConventionRecord } from './records';

export const DEPARTEMENT_PARTY: OrganisationParty = {
  name: 'Département du Gard',
  address: 'Hôtel du Département, 3 rue Guillemette, 30044 Nîmes Cedex 9',
  representativeName: 'le Président du Conseil départemental',
  representativeCapacity: 'agissant au nom du Département',
};

const propertyTypeLabels = { BUILDING: 'bâtiment', LAND: 'terrain', ROOFTOP: 'toiture' } as const;
const legalFormLabels = {
  ASSOCIATION: 'association loi 1901',
  SCIC: 'société coopérative d’intérêt collectif',
  SCOP: 'société coopérative et participative',
  COOPERATIVE: 'coopérative',
  FONDATION: 'fondation',
  MUTUELLE: 'mutuelle',
  ENTREPRISE_ESUS: 'entreprise solidaire d’utilité sociale',
} as const;

const day = (iso: string) => formatDayFr(new Date(`${iso}T00:00:00Z`));
const euros = (amount: string) =>
  `${new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(amount.replace(/\s/g, '').replace(',', '.')))} €`;

/** Street address with postcode and commune, without repeating them when the address already has them. */
export function postalAddress(street: string | null, commune: { name: string; postcodes: string[] } | null): string {
  if (!street) return commune ? `${commune.postcodes[0] ?? ''} ${commune.name}`.trim() : '';
  if (!commune || street.includes(commune.name)) return street;
  return `${street}, ${commune.postcodes[0] ?? ''} ${commune.name}`.replace(/\s+/g, ' ');
}

export interface ViewContext {
  reference: string;
  version: number;
  generatedOn: Date;
  experimentEnd: Date;
  /** Drafts show "[à compléter : …]" where a value is missing; a document sent for signature has none. */
  placeholders: boolean;
}

type Source = Pick<ConventionRecord, 'match' | 'pupil' | 'amends' | 'amendmentNumber' | 'amendmentSummary'>;

/** Turns the match, the pupil and the completed terms into the French values the template prints. */
export function conventionView(source: Source, terms: ConventionTerms, context: ViewContext): ConventionView {
  const fill = (value: string, field: string) => value || (context.placeholders ? `[à compléter : ${termLabel(field)}]` : '');
  const fillDay = (value: string, field: string) => (value ? day(value) : fill('', field));
  const { need, offer } = source.match;
  const organisationParty = (
    organisation: NonNullable<typeof offer.organisation>,
    representative: { name: string; capacity: string; email?: string },
  ): OrganisationParty => ({
    name: organisation.name,
    address: postalAddress(organisation.address, organisation.commune) || fill('', 'place'),
    siret: organisation.siret ?? undefined,
    uai: organisation.uai ?? undefined,
    legalFormLabel: organisation.legalForm ? legalFormLabels[organisation.legalForm] : undefined,
    representativeName: fill(representative.name, 'representativeName'),
    representativeCapacity: fill(representative.capacity, 'representativeCapacity'),
    email: representative.email || undefined,
  });
  const departement = (name: string, capacity: string): OrganisationParty => ({
    ...DEPARTEMENT_PARTY,
    representativeName: fill(name, 'departementName'),
    representativeCapacity: fill(capacity, 'departementCapacity'),
  });
  const common = {
    reference: context.reference,
    version: context.version,
    generatedOn: formatDayFr(context.generatedOn),
    isAmendment: Boolean(source.amends),
    amendment: source.amends
      ? {
          number: source.amendmentNumber ?? 1,
          baseReference: source.amends.reference,
          baseSignedOn: source.amends.signedAt ? formatDayFr(source.amends.signedAt) : '',
          summary: source.amendmentSummary ?? '',
        }
      : undefined,
  };
  const representative = (t: { representativeName: string; representativeCapacity: string; representativeEmail: string }) => ({
    name: t.representativeName,
    capacity: t.representativeCapacity,
    email: t.representativeEmail,
  });

  if (terms.kind === 'COMPETENCE') {
    const agent = offer.skill?.agent;
    const profile = agent?.agentProfile;
    const manager = profile?.lineManager;
    const view: SkillsPlacementView = {
      ...common,
      kind: 'COMPETENCE',
      departement: departement(terms.departementName, terms.departementCapacity),
      host: {
        ...organisationParty(need.organisation, representative(terms)),
        eligibilityLabel: eligibilityLabel(need.organisation.skillsEligibility),
        eligibilityVerifiedOn: need.organisation.eligibilityVerifiedAt ? formatDayFr(need.organisation.eligibilityVerifiedAt) : fill('', 'eligibilityVerifiedOn'),
      },
      agent: {
        fullName: agent ? [agent.firstName, agent.lastName].filter(Boolean).join(' ') || agent.email : '',
        email: agent?.email,
        jobTitle: profile?.jobTitle || fill('', 'jobTitle'),
        serviceName: profile?.service?.name ?? 'Département du Gard',
        statusLabel: 'fonctionnaire',
        agreementOn: formatDayFr(source.match.updatedAt),
      },
      lineManager: {
        fullName: manager ? [manager.firstName, manager.lastName].filter(Boolean).join(' ') || manager.email : (profile?.lineManagerEmail ?? fill('', 'lineManager')),
        email: manager?.email ?? profile?.lineManagerEmail ?? undefined,
        approvedOn: offer.skill?.managerDecisionAt ? formatDayFr(offer.skill.managerDecisionAt) : fill('', 'managerDecisionAt'),
      },
      activities: fill(terms.activities, 'activities'),
      skills: (offer.skill?.skills ?? []).map((label) => ({ label })),
      start: fillDay(terms.start, 'start'),
      end: fillDay(terms.end, 'end'),
      durationLabel: terms.start && terms.end ? durationLabel(terms.start, terms.end) : fill('', 'end'),
      experimentEnd: formatDayFr(context.experimentEnd),
      place: fill(terms.place, 'place'),
      hoursPerMonth: terms.hoursPerMonth,
      workingTime: fill(terms.workingTime, 'workingTime'),
      remote: terms.remote,
      expensesReimbursed: terms.expensesReimbursed,
      expensesDetails: terms.expensesReimbursed ? fill(terms.expensesDetails, 'expensesDetails') : 'Aucun frais n’est remboursé.',
      free: terms.free,
      reimbursementAmount: terms.free ? undefined : terms.reimbursementAmount ? euros(terms.reimbursementAmount) : fill('', 'reimbursementAmount'),
      subsidy: terms.free
        ? {
            amount: terms.subsidyAmount ? euros(terms.subsidyAmount) : fill('', 'subsidyAmount'),
            purpose: fill(terms.subsidyPurpose, 'subsidyPurpose'),
            conditions: fill(terms.subsidyConditions, 'subsidyConditions'),
          }
        : undefined,
      arrete: { reference: fill(terms.arreteReference, 'arreteReference'), date: fillDay(terms.arreteDate, 'arreteDate') },
    };
    return view;
  }

  if (terms.kind === 'LIEU') {
    const property = offer.property;
    const rooftop = property?.propertyType === 'ROOFTOP';
    const members = need.space?.members ?? [];
    const view: TemporaryOccupationView = {
      ...common,
      kind: 'LIEU',
      departement: departement(terms.departementName, terms.departementCapacity),
      occupant: organisationParty(need.organisation, representative(terms)),
      isGrouping: members.length > 0,
      members: members.map((member) => organisationParty(member.organisation, { name: '—', capacity: 'membre du groupement' })),
      publicDomain: property?.domain === 'PUBLIC',
      domainLabel: property?.domain === 'PUBLIC' ? 'domaine public' : 'domaine privé',
      property: {
        typeLabel: property ? propertyTypeLabels[property.propertyType] : '',
        address: property ? postalAddress(property.address, property.commune) : '',
        surfaceM2: property?.surfaceM2 ?? 0,
        floorLabel: property?.floor === null || property?.floor === undefined ? 'sans objet' : property.floor === 0 ? 'rez-de-chaussée' : `${property.floor}e étage`,
        stepFreeAccess: property?.stepFreeAccess ?? false,
        description: offer.description,
      },
      allowedUse: fill(terms.allowedUse, 'allowedUse'),
      start: fillDay(terms.start, 'start'),
      end: fillDay(terms.end, 'end'),
      durationLabel: terms.start && terms.end ? durationLabel(terms.start, terms.end) : fill('', 'end'),
      free: terms.free,
      yearlyFee: terms.free ? undefined : terms.yearlyFee ? euros(terms.yearlyFee) : fill('', 'yearlyFee'),
      freeGround: terms.free ? fill(terms.freeGround, 'freeGround') : undefined,
      charges: fill(terms.charges, 'charges'),
      economicUse: terms.economicUse,
      callForOccupation: terms.economicUse
        ? {
            reference: fill(terms.callReference, 'callReference'),
            publishedOn: fillDay(terms.callPublishedOn, 'callPublishedOn'),
            deadline: fillDay(terms.callDeadline, 'callDeadline'),
          }
        : undefined,
      rooftop,
      rooftopTerms: rooftop
        ? {
            durationYears: terms.rooftopDurationYears ?? 20,
            fixedFee: terms.rooftopFixedFee ? euros(terms.rooftopFixedFee) : undefined,
            revenueSharePercent: terms.rooftopRevenueSharePercent,
            realRights: terms.rooftopRealRights,
          }
        : undefined,
    };
    return view;
  }

  const pupil = source.pupil;
  const schedule: InternshipSchedule = {
    days: terms.days
      .filter((d) => d.date)
      .map((d) => ({
        date: d.date,
        periods: [d.morning, d.afternoon].filter((p) => p.start && p.end).map((p) => ({ start: p.start, end: p.end })),
      })),
  };
  const described = describeSchedule(schedule);
  const dates = schedule.days.map((d) => d.date).sort();
  const birthDate = pupil?.birthDate ? pupil.birthDate.toISOString().slice(0, 10) : '';
  const host = offer.organisation;
  const view: ObservationInternshipView = {
    ...common,
    kind: 'STAGE',
    departement: DEPARTEMENT_PARTY,
    host: host ? organisationParty(host, representative(terms)) : DEPARTEMENT_PARTY,
    college: organisationParty(need.organisation, { name: terms.collegeHeadName, capacity: terms.collegeHeadCapacity, email: terms.collegeHeadEmail }),
    pupil: {
      fullName: pupil ? `${pupil.firstName} ${pupil.lastName}` : fill('', 'pupil'),
      birthDate: pupil?.birthDate ? formatDayFr(pupil.birthDate) : fill('', 'birthDate'),
      className: pupil?.className ?? fill('', 'className'),
    },
    legalRepresentatives: [
      { fullName: fill(terms.legalRep1Name, 'legalRep1Name'), email: terms.legalRep1Email || undefined },
      ...(terms.legalRep2Name ? [{ fullName: terms.legalRep2Name, email: terms.legalRep2Email || undefined }] : []),
    ],
    tutor: { fullName: fill(terms.tutorName, 'tutorName'), email: terms.tutorEmail || undefined, role: fill(terms.tutorRole, 'tutorRole') },
    referentTeacher: { fullName: fill(terms.referentTeacherName, 'referentTeacherName'), email: terms.referentTeacherEmail || undefined },
    place: postalAddress(offer.organisation?.address ?? null, offer.organisation?.commune ?? offer.commune),
    weekLabel: dates[0] ? `semaine du ${day(dates[0])}` : fill('', 'days'),
    start: dates[0] ? day(dates[0]) : fill('', 'days'),
    end: dates[dates.length - 1] ? day(dates[dates.length - 1] ?? '') : fill('', 'days'),
    days: described.days,
    weeklyTotal: described.weeklyTotal,
    objectives: fill(terms.objectives, 'objectives'),
    activities: terms.activities
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((label) => ({ label })),
    meals: fill(terms.meals, 'meals'),
    transport: fill(terms.transport, 'transport'),
    lodging: fill(terms.lodging, 'lodging'),
    workingTimeRules: rulesForPrinting(defaultWorkingTimeRules, birthDate || '2012-01-01', schedule),
  };
  return view;
}
