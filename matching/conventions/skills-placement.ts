import type { IsoDate } from '../types';
import { formatDayFr } from '../weeks';
import { addDays, parseIsoDay } from './public-holidays';

/**
 * Mise à disposition of council agents under the skills-patronage experiment: loi n° 2022-217 du 21 février 2022
 * (« 3DS »), art. 209, and décret n° 2022-1682 du 27 décembre 2022.
 */

export type AgentStatus = 'FONCTIONNAIRE' | 'CONTRACTUEL';
export type HostEligibility = 'NONE' | 'INTERET_GENERAL' | 'ARUP' | 'FONDATION';

export interface PlacementPeriod {
  start: IsoDate;
  end: IsoDate;
}

export interface SkillsPlacementInput {
  agentStatus: AgentStatus;
  hostEligibility: HostEligibility;
  /** The Mission ESS checked the host's eligibility (statutes, rescrit, decree of recognition…). */
  hostEligibilityVerified: boolean;
  /** First and last day, both included. */
  start: IsoDate;
  end: IsoDate;
  /** Earlier placements of the same agent with the same host: this one renews them. */
  previousPlacements: readonly PlacementPeriod[];
  /** Last day of the experiment, included; 27 December 2027 as of the décret. */
  experimentEnd: IsoDate;
}

export type SkillsPlacementRuleId =
  | 'statut'
  | 'organisme-eligible'
  | 'eligibilite-verifiee'
  | 'dates'
  | 'duree'
  | 'duree-totale'
  | 'fin-experimentation';

export interface SkillsPlacementViolation {
  ruleId: SkillsPlacementRuleId;
  message: string;
}

export const MAX_PLACEMENT_MONTHS = 18;
export const MAX_TOTAL_MONTHS = 36;

const LAW = 'loi n° 2022-217 du 21 février 2022, art. 209';
const DECREE = 'décret n° 2022-1682 du 27 décembre 2022';

const ELIGIBILITY_LABELS: Record<HostEligibility, string> = {
  NONE: 'organisme non éligible au mécénat de compétences',
  INTERET_GENERAL: 'organisme d’intérêt général au sens de l’article 238 bis, 1, a du code général des impôts',
  ARUP: 'association reconnue d’utilité publique',
  FONDATION: 'fondation (autre qu’une fondation d’entreprise)',
};

/** How the host's eligibility reads in a convention. */
export const eligibilityLabel = (eligibility: HostEligibility): string => ELIGIBILITY_LABELS[eligibility];

// ---------------------------------------------------------------------------------------------------------------
// Calendar months.

const DAY_MS = 86_400_000;

/**
 * Same day of the month `months` later; a day the target month lacks becomes its last day (31 January + 1 month =
 * 28 or 29 February), always counted from the original day (31 January + 2 months = 31 March).
 */
function addMonths(date: Date, months: number): Date {
  const index = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(year, month + 1, 0);
  const result = new Date(0);
  result.setUTCFullYear(year, month, Math.min(date.getUTCDate(), lastDay.getUTCDate()));
  return result;
}

const daysBetween = (from: Date, to: Date): number => Math.round((to.getTime() - from.getTime()) / DAY_MS);

/**
 * Whole months then days from `start` to the day after `end` (the end is included): the largest n with
 * start + n months ≤ end + 1 day, then the days left. 1 February – 28 February is 1 month; 31 January – 28 February
 * is 1 month and 1 day (all of February, plus 31 January).
 */
function monthsAndDays(start: Date, end: Date): { months: number; days: number } {
  const after = addDays(end, 1);
  let months = Math.max(0, (after.getUTCFullYear() - start.getUTCFullYear()) * 12 + after.getUTCMonth() - start.getUTCMonth() - 1);
  while (addMonths(start, months + 1).getTime() <= after.getTime()) months++;
  return { months, days: daysBetween(addMonths(start, months), after) };
}

function joinFr(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} et ${parts.at(-1)}`;
}

function labelOf({ months, days }: { months: number; days: number }): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return joinFr([
    ...(years > 0 ? [`${years} an${years > 1 ? 's' : ''}`] : []),
    ...(rest > 0 ? [`${rest} mois`] : []),
    ...(days > 0 ? [`${days} jour${days > 1 ? 's' : ''}`] : []),
  ]);
}

function readDay(text: string, what: string): Date {
  const date = parseIsoDay(text);
  if (!date) throw new RangeError(`${what} « ${text} » invalide (attendu AAAA-MM-JJ)`);
  return date;
}

/**
 * « 6 mois », « 1 an et 2 mois », « 1 an, 6 mois et 3 jours », « 3 ans », « 1 jour »: years, months, then days,
 * from the first to the last day included. Throws RangeError on a malformed date or an end before the start.
 */
export function durationLabel(start: IsoDate, end: IsoDate): string {
  const from = readDay(start, 'date de début');
  const to = readDay(end, 'date de fin');
  if (to.getTime() < from.getTime()) throw new RangeError(`la fin (${end}) précède le début (${start})`);
  return labelOf(monthsAndDays(from, to));
}

// ---------------------------------------------------------------------------------------------------------------
// Checks.

const violation = (ruleId: SkillsPlacementRuleId, message: string): SkillsPlacementViolation => ({ ruleId, message });

/** `which` names a previous placement (« précédente n° 2 »); empty for the one being checked. */
function readPeriod(period: PlacementPeriod, which: string, problems: SkillsPlacementViolation[]): { start: Date; end: Date } | null {
  const of = which ? ` de la mise à disposition ${which}` : '';
  const start = parseIsoDay(String(period.start));
  const end = parseIsoDay(String(period.end));
  if (!start) problems.push(violation('dates', `Date de début${of} « ${String(period.start)} » invalide (attendu AAAA-MM-JJ).`));
  if (!end) problems.push(violation('dates', `Date de fin${of} « ${String(period.end)} » invalide (attendu AAAA-MM-JJ).`));
  if (!start || !end) return null;
  if (end.getTime() < start.getTime()) {
    problems.push(
      violation(
        'dates',
        `La mise à disposition${which ? ` ${which}` : ''} se termine le ${formatDayFr(end)}, avant de commencer le ${formatDayFr(start)}.`,
      ),
    );
    return null;
  }
  return { start, end };
}

/** Days covered by at least one period: a renewal listed twice (a convention and its amendment) counts once. */
function coveredDays(periods: readonly { start: Date; end: Date }[]): number {
  const sorted = [...periods].sort((a, b) => a.start.getTime() - b.start.getTime());
  let total = 0;
  let reached: Date | null = null;
  for (const { start, end } of sorted) {
    const from = reached && reached.getTime() >= start.getTime() ? addDays(reached, 1) : start;
    if (from.getTime() <= end.getTime()) total += daysBetween(from, end) + 1;
    if (!reached || end.getTime() > reached.getTime()) reached = end;
  }
  return total;
}

/** Every rule the placement breaks, in French, each quoting its legal reference. */
export function checkSkillsPlacement(input: SkillsPlacementInput): SkillsPlacementViolation[] {
  const found: SkillsPlacementViolation[] = [];

  if (input.agentStatus !== 'FONCTIONNAIRE') {
    found.push(
      violation(
        'statut',
        'Seul un fonctionnaire peut être mis à disposition au titre du mécénat de compétences : l’expérimentation ne ' +
          `s’applique pas aux agents contractuels, qui ne peuvent pas être mis à disposition dans ce cadre (${LAW}).`,
      ),
    );
  }

  if (input.hostEligibility === 'NONE') {
    found.push(
      violation(
        'organisme-eligible',
        'L’organisme d’accueil doit être un organisme d’intérêt général au sens de l’article 238 bis, 1, a du code ' +
          'général des impôts, une fondation autre qu’une fondation d’entreprise, ou une association reconnue d’utilité ' +
          `publique (${LAW} ; circulaire du 19 juillet 2023).`,
      ),
    );
  } else if (!input.hostEligibilityVerified) {
    found.push(
      violation(
        'eligibilite-verifiee',
        `L’organisme d’accueil se déclare ${eligibilityLabel(input.hostEligibility)} : la Mission ESS doit avoir ` +
          `vérifié cette qualité avant toute mise à disposition (${LAW}).`,
      ),
    );
  }

  const current = readPeriod(input, '', found);
  const previous = input.previousPlacements.map((period, index) =>
    readPeriod(period, `précédente n° ${index + 1}`, found),
  );
  const experimentEnd = parseIsoDay(String(input.experimentEnd));
  if (!experimentEnd) {
    found.push(violation('dates', `Date de fin de l’expérimentation « ${String(input.experimentEnd)} » invalide (attendu AAAA-MM-JJ).`));
  }
  if (!current) return found;

  const single = monthsAndDays(current.start, current.end);
  if (addDays(current.end, 1).getTime() > addMonths(current.start, MAX_PLACEMENT_MONTHS).getTime()) {
    found.push(
      violation(
        'duree',
        `La mise à disposition dure ${labelOf(single)} : elle ne peut pas dépasser ${MAX_PLACEMENT_MONTHS} mois ` +
          `(${LAW} ; ${DECREE}).`,
      ),
    );
  }

  const readPrevious = previous.filter((period): period is { start: Date; end: Date } => period !== null);
  if (readPrevious.length > 0 && readPrevious.length === previous.length) {
    const all = [current, ...readPrevious];
    const first = all.reduce((earliest, period) => (period.start.getTime() < earliest.getTime() ? period.start : earliest), current.start);
    const total = coveredDays(all);
    // Counting days, not months, keeps gaps between renewals out of the total; without gaps it is the calendar span.
    if (total > daysBetween(first, addMonths(first, MAX_TOTAL_MONTHS))) {
      const count = readPrevious.length;
      found.push(
        violation(
          'duree-totale',
          `Avec ${count === 1 ? 'la mise à disposition précédente' : `les ${count} mises à disposition précédentes`} de ` +
            `cet agent auprès du même organisme, la durée totale atteint ${labelOf(monthsAndDays(first, addDays(first, total - 1)))} : ` +
            `renouvellements compris, elle ne peut pas dépasser ${MAX_TOTAL_MONTHS / 12} ans (${LAW} ; ${DECREE}).`,
        ),
      );
    }
  }

  if (experimentEnd && current.end.getTime() > experimentEnd.getTime()) {
    found.push(
      violation(
        'fin-experimentation',
        `La mise à disposition se termine le ${formatDayFr(current.end)}, après la fin de l’expérimentation le ` +
          `${formatDayFr(experimentEnd)} : elle doit s’achever au plus tard ce jour-là (${LAW}).`,
      ),
    );
  }
  return found;
}
