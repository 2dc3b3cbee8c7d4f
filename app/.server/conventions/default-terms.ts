import type { ConventionTerms } from '../../../matching/conventions/terms';
import type { Pupil, User } from '../db/generated/client';
import type { MatchWithParties } from './records';
import { postalAddress } from './views';

const DAY_MS = 86_400_000;
const iso = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);
function addMonths(date: Date, months: number): Date {
  const next = new Date(date);
  next.setUTCMonth(next.getUTCMonth() + months);
  return next;
}
const latest = (...dates: (Date | null | undefined)[]) =>
  new Date(Math.max(...dates.filter((d): d is Date => d instanceof Date).map((d) => d.getTime())));
const earliest = (...dates: (Date | null | undefined)[]) =>
  new Date(Math.min(...dates.filter((d): d is Date => d instanceof Date).map((d) => d.getTime())));

const fullName = (user: Pick<User, 'firstName' | 'lastName' | 'email'>) =>
  [user.firstName, user.lastName].filter(Boolean).join(' ') || user.email;

type Organisation = MatchWithParties['need']['organisation'];

function firstMember(organisation: Organisation | null, role: 'STRUCTURE_MEMBER' | 'COLLEGE_STAFF') {
  const grant = organisation?.roles.filter((r) => r.role === role).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0];
  return grant?.user ?? null;
}

function representativeOf(organisation: Organisation | null, role: 'STRUCTURE_MEMBER' | 'COLLEGE_STAFF', capacity: string) {
  const user = firstMember(organisation, role);
  return {
    representativeName: user ? fullName(user) : '',
    representativeCapacity: user ? capacity : '',
    representativeEmail: user?.email ?? '',
  };
}

export interface DefaultTermsContext {
  today: Date;
  experimentEnd: Date;
  /** Signs for the Département when no property service does (skills placements): a Mission ESS administrator. */
  missionEss: Pick<User, 'firstName' | 'lastName' | 'email'> | null;
  pupil: Pupil | null;
}

/** A first draft filled from the match; the parties complete and correct it before sending it for signature. */
export function defaultTerms(match: MatchWithParties, context: DefaultTermsContext): ConventionTerms {
  const { need, offer } = match;
  const departementByMissionEss = {
    departementName: context.missionEss ? fullName(context.missionEss) : '',
    departementCapacity: 'Pour le Président du Conseil départemental et par délégation',
    departementEmail: context.missionEss?.email ?? '',
  };
  if (match.kind === 'COMPETENCE') {
    const skill = offer.skill;
    const start = latest(context.today, offer.availableFrom, need.availableFrom);
    const end = earliest(addDays(addMonths(start, 6), -1), offer.availableUntil, need.availableUntil, context.experimentEnd);
    const hours = skill?.hoursPerMonth ?? need.skill?.hoursPerMonth ?? 8;
    return {
      kind: 'COMPETENCE',
      start: iso(start),
      end: iso(end),
      activities: need.description,
      place: postalAddress(need.organisation.address, need.organisation.commune ?? need.commune),
      workingTime: `${hours} heures par mois, selon un planning convenu entre l’organisme d’accueil, l’agent et son service.`,
      hoursPerMonth: hours,
      remote: Boolean(skill?.remote && need.skill?.remoteOk),
      expensesReimbursed: false,
      expensesDetails: '',
      free: true,
      reimbursementAmount: '',
      subsidyAmount: '',
      subsidyPurpose: `Soutien en nature au projet de l’organisme : ${need.title}.`,
      subsidyConditions:
        'La subvention en nature est affectée exclusivement au projet décrit ci-dessus ; l’organisme en rend compte dans le bilan de fin de mise à disposition.',
      arreteReference: '',
      arreteDate: '',
      ...representativeOf(need.organisation, 'STRUCTURE_MEMBER', 'Représentant·e légal·e de l’organisme'),
      ...departementByMissionEss,
    };
  }
  if (match.kind === 'LIEU') {
    const property = offer.property;
    const rooftop = property?.propertyType === 'ROOFTOP';
    const start = latest(context.today, offer.availableFrom, need.availableFrom);
    const end = rooftop ? addDays(addMonths(start, 12 * 20), -1) : offer.availableUntil ?? addDays(addMonths(start, 12), -1);
    const free = property?.free ?? true;
    return {
      kind: 'LIEU',
      start: iso(start),
      end: iso(end),
      allowedUse: need.space?.intendedUse ?? need.description,
      free,
      yearlyFee: property?.yearlyFeeCents ? (property.yearlyFeeCents / 100).toFixed(2).replace('.', ',') : '',
      freeGround: free
        ? 'Occupation consentie à une association à but non lucratif qui concourt à la satisfaction d’un intérêt général (CGPPP, art. L2125-1).'
        : '',
      charges: 'Les fluides, abonnements et taxes liés à l’occupation sont à la charge de l’occupant.',
      economicUse: false,
      callReference: '',
      callPublishedOn: '',
      callDeadline: property?.callDeadline ? iso(property.callDeadline) : '',
      rooftopDurationYears: rooftop ? 20 : undefined,
      rooftopFixedFee: '',
      rooftopRevenueSharePercent: undefined,
      rooftopRealRights: rooftop,
      ...representativeOf(need.organisation, 'STRUCTURE_MEMBER', 'Représentant·e légal·e de l’organisme'),
      departementName: fullName(offer.owner),
      departementCapacity: 'Pour le Président du Conseil départemental et par délégation',
      departementEmail: offer.owner.email,
    };
  }
  const week = need.internship?.week ?? context.today;
  const host = representativeOf(offer.organisation, 'STRUCTURE_MEMBER', 'Représentant·e de la structure d’accueil');
  const head = firstMember(need.organisation, 'COLLEGE_STAFF');
  return {
    kind: 'STAGE',
    days: [0, 1, 2, 3, 4].map((offset) => ({
      date: iso(addDays(week, offset)),
      morning: { start: '09:00', end: '12:00' },
      afternoon: { start: '13:30', end: '16:30' },
    })),
    objectives:
      'Découvrir le monde économique et professionnel, les métiers de la structure et l’économie sociale et solidaire, pour construire son projet d’orientation.',
    activities: (offer.internship?.activities ?? []).join('\n'),
    meals: 'Le déjeuner est pris en charge par la famille ; l’élève peut déjeuner sur place.',
    transport: 'Les trajets sont organisés par la famille, sans frais pour la structure d’accueil.',
    lodging: 'Sans objet : l’élève rentre chez lui ou chez elle chaque soir.',
    tutorName: offer.internship?.tutorName ?? '',
    tutorRole: offer.internship?.tutorRole ?? '',
    tutorEmail: host.representativeEmail,
    referentTeacherName: '',
    referentTeacherEmail: '',
    legalRep1Name: '',
    legalRep1Email: context.pupil?.legalRepEmail ?? '',
    legalRep2Name: '',
    legalRep2Email: '',
    ...host,
    collegeHeadName: head ? fullName(head) : '',
    collegeHeadCapacity: head ? 'Principal·e du collège' : '',
    collegeHeadEmail: head?.email ?? '',
  };
}

/** The convention's dates as stored on the record (a stage spans its scheduled days). */
export function conventionPeriod(terms: ConventionTerms): { start: Date; end: Date } | null {
  if (terms.kind === 'STAGE') {
    const dates = terms.days.map((day) => day.date).filter(Boolean).sort();
    const first = dates[0];
    const last = dates[dates.length - 1];
    return first && last ? { start: new Date(first), end: new Date(last) } : null;
  }
  return terms.start && terms.end ? { start: new Date(terms.start), end: new Date(terms.end) } : null;
}
