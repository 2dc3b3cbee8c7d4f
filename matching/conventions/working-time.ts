import { z } from 'zod';
import type { IsoDate, IsoWeek } from '../types';
import { formatDayFr, formatWeekFr, isoWeekOf } from '../weeks';
import rulesData from './data/minor-working-time.json' with { type: 'json' };
import { addDays, isoDay, parseIsoDay, publicHolidayOn } from './public-holidays';

/** A stretch of presence on one day, `HH:MM` to `HH:MM`; the gap between two periods is a break. */
export interface InternshipPeriod {
  start: string;
  end: string;
}

export interface InternshipDay {
  date: IsoDate;
  periods: InternshipPeriod[];
}

export interface InternshipSchedule {
  days: InternshipDay[];
}

export interface PupilContext {
  birthDate: IsoDate;
}

// ---------------------------------------------------------------------------------------------------------------
// Rules: data edited by the Mission ESS, validated here.

const text = z.string().trim().min(1);
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'heure attendue au format HH:MM, de 00:00 à 23:59');
const hours = (max: number) =>
  z
    .number()
    .positive()
    .max(max)
    .refine((value) => Math.abs(value * 60 - Math.round(value * 60)) < 1e-9, 'durée attendue en heures à la minute près (ex. 4.5 pour 4 h 30)');
const age = z.number().int().min(1).max(18);
const common = { text, reference: text };

const ruleSchema = z.discriminatedUnion('id', [
  z.strictObject({ id: z.literal('cinq-jours'), ...common, days: z.number().int().min(1).max(31) }),
  z.strictObject({ id: z.literal('duree-quotidienne'), ...common, maxHours: hours(24) }),
  z.strictObject({
    id: z.literal('duree-hebdomadaire'),
    ...common,
    age,
    maxHoursBelowAge: hours(168),
    maxHoursFromAge: hours(168),
  }),
  z.strictObject({ id: z.literal('pause'), ...common, afterHours: hours(24), minBreakMinutes: z.number().int().min(1).max(1440) }),
  z
    .strictObject({ id: z.literal('plage-horaire'), ...common, earliest: clock, latest: clock })
    .refine((rule) => rule.earliest < rule.latest, { message: 'la plage doit commencer avant de finir', path: ['latest'] }),
  z
    .strictObject({ id: z.literal('travail-de-nuit'), ...common, belowAge: age, nightStart: clock, nightEnd: clock })
    .refine((rule) => rule.nightStart !== rule.nightEnd, { message: 'la nuit doit avoir une durée', path: ['nightEnd'] }),
  z.strictObject({
    id: z.literal('repos-quotidien'),
    ...common,
    age,
    minHoursBelowAge: hours(24),
    minHoursFromAge: hours(24),
  }),
  z.strictObject({ id: z.literal('repos-hebdomadaire'), ...common, consecutiveDays: z.number().int().min(1).max(7) }),
  z.strictObject({ id: z.literal('jours-feries'), ...common }),
], { error: (): string => `identifiant de règle inconnu (attendu : ${RULE_IDS.join(', ')})` });

export type WorkingTimeRule = z.infer<typeof ruleSchema>;
export type WorkingTimeRuleId = WorkingTimeRule['id'];
type RuleOf<Id extends WorkingTimeRuleId> = Extract<WorkingTimeRule, { id: Id }>;

const RULE_IDS = [
  'cinq-jours',
  'duree-quotidienne',
  'duree-hebdomadaire',
  'pause',
  'plage-horaire',
  'travail-de-nuit',
  'repos-quotidien',
  'repos-hebdomadaire',
  'jours-feries',
] as const satisfies readonly WorkingTimeRuleId[];

interface Mention {
  param: string;
  /** How the value reads in French, for the error message. */
  label: string;
  pattern: RegExp;
}

// A number in the text must not be the tail of a longer one: "7 h" is not found in "17 h" nor in "7 h 30".
const NOT_AFTER_NUMBER = '(?<![\\d,.])';

function minutesOfDayMention(param: string, minutes: number): Mention {
  const whole = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const pattern =
    rest === 0
      ? new RegExp(`${NOT_AFTER_NUMBER}${whole} ?h(?:eures?)?(?! ?\\d)`, 'iu')
      : new RegExp(`${NOT_AFTER_NUMBER}${whole} ?h(?:eures?)? ?${String(rest).padStart(2, '0')}(?!\\d)`, 'iu');
  return { param, label: limitLabel(minutes), pattern };
}

const hoursMention = (param: string, value: number) => minutesOfDayMention(param, Math.round(value * 60));
const clockMention = (param: string, value: string) => minutesOfDayMention(param, clockMinutes(value) ?? 0);
const unitMention = (param: string, value: number, unit: string, singular: string) => ({
  param,
  label: `${value} ${unit}`,
  pattern: new RegExp(`${NOT_AFTER_NUMBER}${value} ?${singular}(?!\\p{L})`, 'iu'),
});

/** Values each rule's text must quote, so that a convention never prints a limit other than the one checked. */
function mentions(rule: WorkingTimeRule): Mention[] {
  switch (rule.id) {
    case 'cinq-jours':
      return [unitMention('days', rule.days, 'jours', 'jours?')];
    case 'duree-quotidienne':
      return [hoursMention('maxHours', rule.maxHours)];
    case 'duree-hebdomadaire':
      return [
        hoursMention('maxHoursBelowAge', rule.maxHoursBelowAge),
        hoursMention('maxHoursFromAge', rule.maxHoursFromAge),
        unitMention('age', rule.age, 'ans', 'ans'),
      ];
    case 'pause':
      return [hoursMention('afterHours', rule.afterHours), unitMention('minBreakMinutes', rule.minBreakMinutes, 'minutes', 'min(?:utes?)?')];
    case 'plage-horaire':
      return [clockMention('earliest', rule.earliest), clockMention('latest', rule.latest)];
    case 'travail-de-nuit':
      return [
        unitMention('belowAge', rule.belowAge, 'ans', 'ans'),
        clockMention('nightStart', rule.nightStart),
        clockMention('nightEnd', rule.nightEnd),
      ];
    case 'repos-quotidien':
      return [
        hoursMention('minHoursBelowAge', rule.minHoursBelowAge),
        hoursMention('minHoursFromAge', rule.minHoursFromAge),
        unitMention('age', rule.age, 'ans', 'ans'),
      ];
    case 'repos-hebdomadaire':
      return [unitMention('consecutiveDays', rule.consecutiveDays, 'jours', 'jours?')];
    case 'jours-feries':
      return [];
  }
}

export const workingTimeRulesSchema = z
  .strictObject({
    title: text,
    /** For the people editing the file; never printed. */
    note: z.string().optional(),
    /** In printing order. */
    rules: z.array(ruleSchema),
  })
  .superRefine((data, ctx) => {
    const seen = new Set<string>();
    data.rules.forEach((rule, index) => {
      if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', message: `règle « ${rule.id} » en double`, path: ['rules', index, 'id'] });
      seen.add(rule.id);
      const normalized = rule.text.replace(/[\u00a0\u202f]/g, ' ');
      for (const mention of mentions(rule)) {
        if (!mention.pattern.test(normalized)) {
          ctx.addIssue({
            code: 'custom',
            message: `le texte doit citer la valeur « ${mention.label} » du paramètre ${mention.param}, pour que la convention imprime la limite vérifiée`,
            path: ['rules', index, 'text'],
          });
        }
      }
    });
    for (const id of RULE_IDS) {
      if (!seen.has(id)) ctx.addIssue({ code: 'custom', message: `règle « ${id} » absente`, path: ['rules'] });
    }
  });

export type WorkingTimeRules = z.infer<typeof workingTimeRulesSchema>;

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const [section, index, ...field] = issue.path;
  if (section !== 'rules' || typeof index !== 'number') return `${issue.path.join('.') || 'fichier'} : ${issue.message}`;
  const id = (input as { rules?: { id?: unknown }[] }).rules?.[index]?.id;
  const rule = typeof id === 'string' ? `règle « ${id} »` : `règle n° ${index + 1}`;
  return `${rule}${field.length > 0 ? `, ${field.join('.')}` : ''} : ${issue.message}`;
}

/** Validates the rules file; every problem is named by its rule and field. */
export function parseWorkingTimeRules(json: unknown): WorkingTimeRules {
  const result = workingTimeRulesSchema.safeParse(json);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  - ${describeIssue(issue, json)}`);
  throw new Error(`Règles de durée de présence invalides :\n${problems.join('\n')}`);
}

/** The rules shipped in `data/minor-working-time.json`. */
export const defaultWorkingTimeRules: WorkingTimeRules = parseWorkingTimeRules(rulesData);

function ruleOf<Id extends WorkingTimeRuleId>(rules: WorkingTimeRules, id: Id): RuleOf<Id> {
  const rule = rules.rules.find((candidate): candidate is RuleOf<Id> => candidate.id === id);
  if (!rule) throw new Error(`règle « ${id} » absente : passez les règles par parseWorkingTimeRules`);
  return rule;
}

// ---------------------------------------------------------------------------------------------------------------
// French labels.

const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
const weekdayIndex = (date: Date): number => (date.getUTCDay() + 6) % 7;
const capitalize = (value: string): string => value.charAt(0).toUpperCase() + value.slice(1);
const plural = (count: number, word: string): string => `${count} ${word}${count > 1 ? 's' : ''}`;

/** « lundi 1er mars 2027 ». */
const dayFr = (date: Date): string => `${WEEKDAYS[weekdayIndex(date)]} ${formatDayFr(date)}`;
/** « 9 h 00 », and durations alike: « 30 h 00 ». */
const clockLabel = (minutes: number): string => `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`;
/** Limits as the rules write them: « 7 h », « 4 h 30 ». */
function limitLabel(minutes: number): string {
  const rest = minutes % 60;
  return `${Math.floor(minutes / 60)} h${rest === 0 ? '' : ` ${String(rest).padStart(2, '0')}`}`;
}
const periodLabel = (period: Minutes): string => `${clockLabel(period.start)} – ${clockLabel(period.end)}`;

function clockMinutes(value: unknown): number | null {
  const match = typeof value === 'string' ? /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value) : null;
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

const toMinutes = (hoursValue: number): number => Math.round(hoursValue * 60);

// ---------------------------------------------------------------------------------------------------------------
// The schedule, read once.

interface Minutes {
  start: number;
  end: number;
}

interface ReadDay {
  date: IsoDate;
  day: Date;
  week: IsoWeek;
  /** Sorted and well-formed; null when the day's hours could not be read. */
  periods: Minutes[] | null;
}

interface WellFormedDay extends ReadDay {
  periods: Minutes[];
  minutes: number;
}

function readPeriods(label: string, raw: unknown, problems: string[]): Minutes[] | null {
  const periods = Array.isArray(raw) ? (raw as Partial<InternshipPeriod>[]) : [];
  if (periods.length === 0) {
    problems.push(`${label} : aucun horaire de présence.`);
    return null;
  }
  const read: Minutes[] = [];
  let valid = true;
  for (const period of periods) {
    const start = clockMinutes(period?.start);
    const end = clockMinutes(period?.end);
    for (const [value, minutes] of [
      [period?.start, start],
      [period?.end, end],
    ] as const) {
      if (minutes === null) problems.push(`${label} : horaire « ${String(value)} » invalide (attendu HH:MM, ex. 09:00).`);
    }
    if (start === null || end === null) {
      valid = false;
    } else if (start >= end) {
      problems.push(
        `${label} : la période ${periodLabel({ start, end })} ${start === end ? 'est vide' : 'finit avant de commencer'}.`,
      );
      valid = false;
    } else {
      read.push({ start, end });
    }
  }
  read.sort((a, b) => a.start - b.start);
  for (let index = 1; index < read.length; index++) {
    const previous = read[index - 1] as Minutes;
    const current = read[index] as Minutes;
    if (current.start < previous.end) {
      problems.push(`${label} : les périodes ${periodLabel(previous)} et ${periodLabel(current)} se chevauchent.`);
      valid = false;
    }
  }
  return valid ? read : null;
}

interface ReadSchedule {
  /** Distinct valid dates, in date order. */
  days: ReadDay[];
  /** Distinct dates as written, valid or not. */
  dayCount: number;
  problems: string[];
}

function readSchedule(schedule: InternshipSchedule): ReadSchedule {
  const problems: string[] = [];
  const entries = Array.isArray(schedule?.days) ? schedule.days : [];
  const written = new Set<string>();
  const reported = new Set<string>();
  const days: ReadDay[] = [];
  entries.forEach((entry, index) => {
    const raw = String(entry?.date);
    const day = parseIsoDay(raw);
    if (written.has(raw)) {
      if (!reported.has(raw)) problems.push(`${day ? capitalize(dayFr(day)) : `Jour « ${raw} »`} : jour saisi plusieurs fois.`);
      reported.add(raw);
      return;
    }
    written.add(raw);
    if (!day || day.getUTCFullYear() < 1583) {
      problems.push(`Jour n° ${index + 1} : date « ${raw} » invalide (attendu AAAA-MM-JJ, ex. 2027-03-01).`);
      return;
    }
    days.push({ date: raw, day, week: isoWeekOf(day), periods: readPeriods(capitalize(dayFr(day)), entry.periods, problems) });
  });
  days.sort((a, b) => a.day.getTime() - b.day.getTime());
  return { days, dayCount: written.size, problems };
}

const wellFormed = (days: readonly ReadDay[]): WellFormedDay[] =>
  days.flatMap((day) =>
    day.periods ? [{ ...day, periods: day.periods, minutes: day.periods.reduce((sum, p) => sum + p.end - p.start, 0) }] : [],
  );

function byWeek<T extends ReadDay>(days: readonly T[]): Map<IsoWeek, T[]> {
  const weeks = new Map<IsoWeek, T[]>();
  for (const day of days) weeks.set(day.week, [...(weeks.get(day.week) ?? []), day]);
  return weeks;
}

/** Completed years; someone born on 29 February turns a year older on 1 March in common years. */
function ageOn(birth: Date, day: Date): number {
  const beforeBirthday =
    day.getUTCMonth() < birth.getUTCMonth() ||
    (day.getUTCMonth() === birth.getUTCMonth() && day.getUTCDate() < birth.getUTCDate());
  return day.getUTCFullYear() - birth.getUTCFullYear() - (beforeBirthday ? 1 : 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Checks.

export interface WorkingTimeViolation {
  /** `saisie` when the schedule itself cannot be read. */
  ruleId: WorkingTimeRuleId | 'saisie';
  message: string;
}

const violation = (rule: WorkingTimeRule, subject: string, finding: string): WorkingTimeViolation => ({
  ruleId: rule.id,
  message: `${subject} : ${finding}. Règle : « ${rule.text} » (${rule.reference}).`,
});

const ageScope = (age: number, boundary: number): string => (age < boundary ? `avant ${boundary} ans` : `à partir de ${boundary} ans`);

interface CheckInput {
  read: ReadSchedule;
  days: WellFormedDay[];
  /** Null when the birth date is unusable: age-dependent rules are then not checked. */
  birth: Date | null;
}

type Check<Id extends WorkingTimeRuleId> = (rule: RuleOf<Id>, input: CheckInput) => WorkingTimeViolation[];

const checks: { [Id in WorkingTimeRuleId]: Check<Id> } = {
  'cinq-jours': (rule, { read }) =>
    read.dayCount === rule.days
      ? []
      : [violation(rule, 'Séquence', `${plural(read.dayCount, 'jour')} de présence au lieu de ${rule.days}`)],

  'duree-quotidienne': (rule, { days }) =>
    days
      .filter((day) => day.minutes > toMinutes(rule.maxHours))
      .map((day) =>
        violation(
          rule,
          capitalize(dayFr(day.day)),
          `${clockLabel(day.minutes)} de présence, au-delà de ${limitLabel(toMinutes(rule.maxHours))} par jour`,
        ),
      ),

  // The week's limit follows the age on its first day of presence: a pupil who turns 15 on Wednesday is held to the
  // under-15 limit for the whole week, the strictest reading.
  'duree-hebdomadaire': (rule, { days, birth }) => {
    if (!birth) return [];
    return [...byWeek(days)].flatMap(([week, weekDays]) => {
      const first = weekDays[0] as WellFormedDay;
      const age = ageOn(birth, first.day);
      const limit = toMinutes(age < rule.age ? rule.maxHoursBelowAge : rule.maxHoursFromAge);
      const total = weekDays.reduce((sum, day) => sum + day.minutes, 0);
      if (total <= limit) return [];
      return [
        violation(
          rule,
          capitalize(formatWeekFr(week)),
          `${clockLabel(total)} de présence, au-delà de ${limitLabel(limit)} par semaine ${ageScope(age, rule.age)} ` +
            `(l’élève a ${age} ans le ${dayFr(first.day)}, premier jour de présence de la semaine)`,
        ),
      ];
    });
  },

  // Periods separated by less than the minimum break form one stretch: a 20-minute gap is not a break.
  pause: (rule, { days }) =>
    days.flatMap((day) => {
      const stretches: { start: number; end: number; presence: number }[] = [];
      for (const period of day.periods) {
        const last = stretches.at(-1);
        if (last && period.start - last.end < rule.minBreakMinutes) {
          last.end = period.end;
          last.presence += period.end - period.start;
        } else {
          stretches.push({ ...period, presence: period.end - period.start });
        }
      }
      return stretches
        .filter((stretch) => stretch.presence > toMinutes(rule.afterHours))
        .map((stretch) =>
          violation(
            rule,
            capitalize(dayFr(day.day)),
            `${clockLabel(stretch.presence)} de présence de ${clockLabel(stretch.start)} à ${clockLabel(stretch.end)} ` +
              `sans pause d’au moins ${rule.minBreakMinutes} minutes consécutives, au-delà de ${limitLabel(toMinutes(rule.afterHours))}`,
          ),
        );
    }),

  'plage-horaire': (rule, { days }) => {
    const earliest = clockMinutes(rule.earliest) as number;
    const latest = clockMinutes(rule.latest) as number;
    return days.flatMap((day) => {
      const arrival = (day.periods[0] as Minutes).start;
      const departure = (day.periods.at(-1) as Minutes).end;
      const findings = [
        ...(arrival < earliest ? [`arrivée à ${clockLabel(arrival)}, avant ${limitLabel(earliest)}`] : []),
        ...(departure > latest ? [`départ à ${clockLabel(departure)}, après ${limitLabel(latest)}`] : []),
      ];
      return findings.length > 0 ? [violation(rule, capitalize(dayFr(day.day)), findings.join(' ; '))] : [];
    });
  },

  'travail-de-nuit': (rule, { days, birth }) => {
    if (!birth) return [];
    const start = clockMinutes(rule.nightStart) as number;
    const end = clockMinutes(rule.nightEnd) as number;
    const night: Minutes[] = start < end ? [{ start, end }] : [{ start: 0, end }, { start, end: 24 * 60 }];
    return days.flatMap((day) => {
      const age = ageOn(birth, day.day);
      if (age >= rule.belowAge) return [];
      const atNight = day.periods.filter((period) => night.some((part) => period.start < part.end && part.start < period.end));
      if (atNight.length === 0) return [];
      return [
        violation(
          rule,
          capitalize(dayFr(day.day)),
          `présence de nuit (entre ${limitLabel(start)} et ${limitLabel(end)}) pendant ${atNight.length > 1 ? 'les périodes' : 'la période'} ` +
            `${atNight.map(periodLabel).join(' et ')}, interdite avant ${rule.belowAge} ans (l’élève a ${age} ans)`,
        ),
      ];
    });
  },

  // The rest starts on the first day, so the age that day sets the minimum (the younger age, the longer rest).
  'repos-quotidien': (rule, { days, birth }) => {
    if (!birth) return [];
    return days.slice(1).flatMap((next, index) => {
      const previous = days[index] as WellFormedDay;
      if (isoDay(addDays(previous.day, 1)) !== next.date) return [];
      const rest = 24 * 60 - (previous.periods.at(-1) as Minutes).end + (next.periods[0] as Minutes).start;
      const age = ageOn(birth, previous.day);
      const minimum = toMinutes(age < rule.age ? rule.minHoursBelowAge : rule.minHoursFromAge);
      if (rest >= minimum) return [];
      return [
        violation(
          rule,
          `Nuit du ${dayFr(previous.day)} au ${dayFr(next.day)}`,
          `${clockLabel(rest)} de repos, moins de ${limitLabel(minimum)} ${ageScope(age, rule.age)} (l’élève a ${age} ans)`,
        ),
      ];
    });
  },

  // Every day of presence counts, even one whose hours could not be read; days without presence are rest.
  'repos-hebdomadaire': (rule, { read }) =>
    [...byWeek(read.days)].flatMap(([week, weekDays]) => {
      const present = new Set(weekDays.map((day) => weekdayIndex(day.day)));
      let run = 0;
      let longest = 0;
      for (let weekday = 0; weekday < 7; weekday++) {
        run = present.has(weekday) ? 0 : run + 1;
        longest = Math.max(longest, run);
      }
      if (longest >= rule.consecutiveDays) return [];
      const presence = [...present].sort((a, b) => a - b).map((weekday) => WEEKDAYS[weekday] as string);
      return [
        violation(
          rule,
          capitalize(formatWeekFr(week)),
          `pas de ${plural(rule.consecutiveDays, 'jour')} de repos consécutif${rule.consecutiveDays > 1 ? 's' : ''} ` +
            `entre lundi et dimanche (présence ${presence.join(', ')})`,
        ),
      ];
    }),

  'jours-feries': (rule, { read }) =>
    read.days.flatMap((day) => {
      const name = publicHolidayOn(day.date);
      return name ? [violation(rule, capitalize(dayFr(day.day)), `jour férié (${name})`)] : [];
    }),
};

const runCheck = <Id extends WorkingTimeRuleId>(rule: RuleOf<Id>, input: CheckInput): WorkingTimeViolation[] =>
  (checks[rule.id as Id] as Check<Id>)(rule, input);

function readBirth(birthDate: unknown, days: readonly ReadDay[], problems: string[]): Date | null {
  const birth = parseIsoDay(String(birthDate));
  if (!birth) {
    problems.push(`Date de naissance « ${String(birthDate)} » invalide (attendu AAAA-MM-JJ, ex. 2012-09-15).`);
    return null;
  }
  const first = days[0];
  if (first && birth.getTime() > first.day.getTime()) {
    problems.push(`Date de naissance (${formatDayFr(birth)}) postérieure au premier jour de la séquence (${formatDayFr(first.day)}).`);
    return null;
  }
  return birth;
}

/**
 * Every rule the schedule breaks, as French messages quoting the rule and its reference. Input problems (bad dates,
 * bad hours, overlaps) come first as `saisie` messages: a day whose hours cannot be read is left out of the hour
 * checks, and an unusable birth date leaves out the age-dependent ones. Never throws on a malformed schedule.
 */
export function checkInternshipSchedule(
  schedule: InternshipSchedule,
  context: PupilContext,
  rules: WorkingTimeRules = defaultWorkingTimeRules,
): WorkingTimeViolation[] {
  const read = readSchedule(schedule);
  const birth = readBirth(context?.birthDate, read.days, read.problems);
  const input: CheckInput = { read, days: wellFormed(read.days), birth };
  for (const id of RULE_IDS) ruleOf(rules, id);
  const found = rules.rules.flatMap((rule) => runCheck(rule, input));
  return [...read.problems.map((message) => ({ ruleId: 'saisie' as const, message })), ...found];
}

// ---------------------------------------------------------------------------------------------------------------
// For the convention.

export interface ScheduleDayLabel {
  /** « Lundi 1er mars 2027 ». */
  dayLabel: string;
  /** « 9 h 00 – 12 h 00 puis 13 h 30 – 16 h 30 ». */
  hours: string;
  /** « 6 h 00 ». */
  total: string;
}

export interface ScheduleDescription {
  days: ScheduleDayLabel[];
  /** « 30 h 00 »; a sequence over several weeks gives each week: « 18 h 00 (semaine du 1er mars 2027) ; … ». */
  weeklyTotal: string;
}

/** Labels of a schedule that passed the checks; anything unreadable is shown as written and counts for nothing. */
export function describeSchedule(schedule: InternshipSchedule): ScheduleDescription {
  const entries = [...(schedule.days ?? [])].map((entry) => ({ entry, day: parseIsoDay(String(entry.date)) }));
  entries.sort((a, b) => (a.day && b.day ? a.day.getTime() - b.day.getTime() : a.day ? -1 : b.day ? 1 : 0));
  const weekTotals = new Map<IsoWeek, number>();
  const days = entries.map(({ entry, day }) => {
    const periods = (entry.periods ?? [])
      .map((period) => ({ period, start: clockMinutes(period.start), end: clockMinutes(period.end) }))
      .sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
    let minutes = 0;
    const hoursLabels = periods.map(({ period, start, end }) => {
      if (start === null || end === null || start >= end) return `${period.start} – ${period.end}`;
      minutes += end - start;
      return periodLabel({ start, end });
    });
    if (day) weekTotals.set(isoWeekOf(day), (weekTotals.get(isoWeekOf(day)) ?? 0) + minutes);
    return { dayLabel: day ? capitalize(dayFr(day)) : String(entry.date), hours: hoursLabels.join(' puis '), total: clockLabel(minutes) };
  });
  const weeklyTotal =
    weekTotals.size <= 1
      ? clockLabel([...weekTotals.values()].reduce((sum, value) => sum + value, 0))
      : [...weekTotals].map(([week, minutes]) => `${clockLabel(minutes)} (${formatWeekFr(week)})`).join(' ; ');
  return { days, weeklyTotal };
}

export interface PrintedRule {
  text: string;
  reference: string;
}

/**
 * The rules to print in the pupil's convention, in the file's order. The night rule only binds pupils under its age:
 * it is left out when the pupil is already that old on every day of the schedule. Without a schedule (or with an
 * unreadable birth date) every rule is printed: printing one too many is harmless, leaving one out is not.
 */
export function rulesForPrinting(rules: WorkingTimeRules, birthDate: IsoDate, schedule?: InternshipSchedule): PrintedRule[] {
  const birth = parseIsoDay(birthDate);
  const days = schedule ? readSchedule(schedule).days : [];
  const applies = (rule: WorkingTimeRule): boolean => {
    if (rule.id !== 'travail-de-nuit' || !birth || days.length === 0) return true;
    return days.some((day) => ageOn(birth, day.day) < rule.belowAge);
  };
  return rules.rules.filter(applies).map(({ text: ruleText, reference }) => ({ text: ruleText, reference }));
}

/** Monday to Friday, 9 h 00 – 12 h 00 then 13 h 30 – 16 h 30: 6 h a day, 30 h a week. Throws if the day is not a Monday. */
export function defaultSchedule(mondayIso: IsoDate): InternshipSchedule {
  const monday = parseIsoDay(mondayIso);
  if (!monday || weekdayIndex(monday) !== 0) {
    throw new RangeError(`« ${mondayIso} » n’est pas un lundi (attendu AAAA-MM-JJ, ex. 2027-03-01)`);
  }
  return {
    days: [0, 1, 2, 3, 4].map((offset) => ({
      date: isoDay(addDays(monday, offset)),
      periods: [
        { start: '09:00', end: '12:00' },
        { start: '13:30', end: '16:30' },
      ],
    })),
  };
}
