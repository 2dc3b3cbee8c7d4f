import { describe, expect, it } from 'vitest';
import rulesData from './data/minor-working-time.json' with { type: 'json' };
import {
  checkInternshipSchedule,
  defaultSchedule,
  defaultWorkingTimeRules,
  describeSchedule,
  parseWorkingTimeRules,
  rulesForPrinting,
  type InternshipPeriod,
  type InternshipSchedule,
  type WorkingTimeRuleId,
} from './working-time';

// 1 March 2027 is a Monday; no public holiday that week.
const MONDAY = '2027-03-01';
const AGED_14 = { birthDate: '2012-09-15' };
const AGED_15 = { birthDate: '2011-09-15' };
const AGED_16 = { birthDate: '2010-09-15' };

const p = (start: string, end: string): InternshipPeriod => ({ start, end });
const SIX_HOURS = [p('09:00', '12:00'), p('13:30', '16:30')];
/** 8:30–12:00 then 13:00–16:30: 7 h, inside 8 h – 18 h, with a 1-hour break. */
const SEVEN_HOURS = [p('08:30', '12:00'), p('13:00', '16:30')];

/** The default week with some days replaced; `day` is 0 for Monday … 4 for Friday. */
function weekWith(changes: Record<number, InternshipPeriod[]>, monday = MONDAY): InternshipSchedule {
  const schedule = defaultSchedule(monday);
  return { days: schedule.days.map((day, index) => ({ ...day, periods: changes[index] ?? day.periods })) };
}

const days = (dates: string[], periods = SIX_HOURS): InternshipSchedule => ({ days: dates.map((date) => ({ date, periods })) });
const ruleIds = (schedule: InternshipSchedule, context = AGED_14, rules = defaultWorkingTimeRules): WorkingTimeRuleId[] =>
  checkInternshipSchedule(schedule, context, rules).map((violation) => violation.ruleId as WorkingTimeRuleId);

describe('defaultSchedule', () => {
  it('is Monday to Friday, 9:00–12:00 then 13:30–16:30', () => {
    expect(defaultSchedule(MONDAY)).toEqual(
      days(['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-04', '2027-03-05']),
    );
  });

  it('passes every check for a 14-year-old', () => {
    expect(checkInternshipSchedule(defaultSchedule(MONDAY), AGED_14, defaultWorkingTimeRules)).toEqual([]);
    // Across a month and a year end too (Monday 27 December 2027: Christmas was the Saturday before).
    expect(checkInternshipSchedule(defaultSchedule('2027-12-27'), AGED_14)).toEqual([]);
  });

  it('refuses a day that is not a Monday', () => {
    expect(() => defaultSchedule('2027-03-02')).toThrow(RangeError);
    expect(() => defaultSchedule('2027-02-30')).toThrow(RangeError);
  });
});

describe('daily presence', () => {
  it('fails at 7 h 30, quoting the rule and L3162-1', () => {
    // Tuesday 8:30–12:00 + 13:00–17:00 = 7 h 30; Wednesday cut to 4 h 30 so the week stays at 30 h.
    const schedule = weekWith({ 1: [p('08:30', '12:00'), p('13:00', '17:00')], 2: [p('09:00', '12:00'), p('13:30', '15:00')] });
    expect(checkInternshipSchedule(schedule, AGED_14)).toEqual([
      {
        ruleId: 'duree-quotidienne',
        message:
          'Mardi 2 mars 2027 : 7 h 30 de présence, au-delà de 7 h par jour. Règle : « La durée de présence de l’élève ne ' +
          'dépasse pas 7 heures par jour. » (Code du travail, art. L3162-1 ; code de l’éducation, art. D331-6 ; ' +
          'circulaire du 12 juillet 2024).',
      },
    ]);
  });

  it('accepts exactly 7 h', () => {
    // 6 + 7 + 5 + 6 + 6 = 30 h.
    expect(ruleIds(weekWith({ 1: SEVEN_HOURS, 2: [p('09:00', '12:00'), p('13:30', '15:30')] }))).toEqual([]);
  });
});

describe('weekly presence', () => {
  // Four days of 6 h and one of 7 h.
  const thirtyOne = weekWith({ 4: SEVEN_HOURS });

  it('fails at 31 h for a 14-year-old', () => {
    const violations = checkInternshipSchedule(thirtyOne, AGED_14);
    expect(violations.map((violation) => violation.ruleId)).toEqual(['duree-hebdomadaire']);
    expect(violations[0]?.message).toContain(
      'Semaine du 1er mars 2027 : 31 h 00 de présence, au-delà de 30 h par semaine avant 15 ans (l’élève a 14 ans le lundi 1er mars 2027',
    );
    expect(violations[0]?.message).toContain('(Code du travail, art. L3162-1');
  });

  it('passes at 31 h and at 35 h from 15, fails at 35 h 30', () => {
    expect(ruleIds(thirtyOne, AGED_15)).toEqual([]);
    const thirtyFive = weekWith({ 0: SEVEN_HOURS, 1: SEVEN_HOURS, 2: SEVEN_HOURS, 3: SEVEN_HOURS, 4: SEVEN_HOURS });
    expect(ruleIds(thirtyFive, AGED_15)).toEqual([]);
    const thirtyFiveAndAHalf = weekWith({ ...thirtyFive.days.map((day) => day.periods), 4: [p('08:30', '12:00'), p('13:00', '17:00')] });
    expect(ruleIds(thirtyFiveAndAHalf, AGED_15)).toEqual(['duree-quotidienne', 'duree-hebdomadaire']);
  });

  it('takes the age on the first day of presence of the week', () => {
    // Turns 15 on Monday 1 March: 35 h limit.
    expect(ruleIds(thirtyOne, { birthDate: '2012-03-01' })).toEqual([]);
    // Turns 15 on Wednesday 3 March: still 14 on Monday, 30 h for the whole week.
    const violations = checkInternshipSchedule(thirtyOne, { birthDate: '2012-03-03' });
    expect(violations.map((violation) => violation.ruleId)).toEqual(['duree-hebdomadaire']);
    expect(violations[0]?.message).toContain('au-delà de 30 h par semaine avant 15 ans (l’élève a 14 ans le lundi 1er mars 2027');
  });

  it('counts someone born on 29 February as a year older on 1 March in common years', () => {
    expect(ruleIds(thirtyOne, { birthDate: '2012-02-29' })).toEqual([]);
    // The week of Monday 22 February 2027 with Sunday 28 February still at 14: 30 h limit.
    const week = defaultSchedule('2027-02-22');
    week.days[4] = { date: '2027-02-26', periods: SEVEN_HOURS };
    expect(ruleIds(week, { birthDate: '2012-02-29' })).toEqual(['duree-hebdomadaire']);
  });

  it('checks each ISO week of a sequence split over two weeks', () => {
    // Three days of 7 h then two of 7 h: 21 h and 14 h, both under 30 h.
    const split = days(['2027-03-03', '2027-03-04', '2027-03-05', '2027-03-08', '2027-03-09'], SEVEN_HOURS);
    expect(ruleIds(split)).toEqual([]);
  });
});

describe('break', () => {
  const monday = (periods: InternshipPeriod[]) => weekWith({ 0: periods });

  it('fails 5 h without a break', () => {
    const violations = checkInternshipSchedule(monday([p('09:00', '14:00')]), AGED_14);
    expect(violations.map((violation) => violation.ruleId)).toEqual(['pause']);
    expect(violations[0]?.message).toContain(
      'Lundi 1er mars 2027 : 5 h 00 de présence de 9 h 00 à 14 h 00 sans pause d’au moins 30 minutes consécutives, au-delà de 4 h 30',
    );
    expect(violations[0]?.message).toContain('(Code du travail, art. L3162-3)');
  });

  it('passes 5 h with a 30-minute break', () => {
    expect(ruleIds(monday([p('09:00', '11:30'), p('12:00', '14:30')]))).toEqual([]);
  });

  it('fails 5 h with a 20-minute break: 2 h 30 + 2 h 30 count as one stretch', () => {
    const violations = checkInternshipSchedule(monday([p('09:00', '11:30'), p('11:50', '14:20')]), AGED_14);
    expect(violations.map((violation) => violation.ruleId)).toEqual(['pause']);
    expect(violations[0]?.message).toContain('5 h 00 de présence de 9 h 00 à 14 h 20');
  });

  it('accepts 4 h 30 in one stretch, not 4 h 31', () => {
    expect(ruleIds(monday([p('09:00', '13:30')]))).toEqual([]);
    expect(ruleIds(monday([p('09:00', '13:31')]))).toEqual(['pause']);
  });

  it('fails a 30-minute break that comes after 5 h of presence', () => {
    expect(ruleIds(monday([p('08:00', '13:00'), p('13:30', '14:00')]))).toEqual(['pause']);
  });
});

describe('presence window', () => {
  it('fails a 7:30 arrival with the default 8 h – 18 h window', () => {
    const violations = checkInternshipSchedule(weekWith({ 0: [p('07:30', '12:00'), p('13:30', '15:00')] }), AGED_14);
    expect(violations.map((violation) => violation.ruleId)).toEqual(['plage-horaire']);
    expect(violations[0]?.message).toContain('Lundi 1er mars 2027 : arrivée à 7 h 30, avant 8 h. Règle : « L’élève est présent entre 8 h et 18 h. »');
  });

  it('accepts 8:00 to 18:00 exactly', () => {
    // 8:00–12:00 + 14:00–18:00 = 8 h: only the daily limit fails.
    expect(ruleIds(weekWith({ 0: [p('08:00', '12:00'), p('14:00', '18:00')] }), AGED_15)).toEqual(['duree-quotidienne']);
  });
});

describe('night work', () => {
  // On Friday, so that the short night before Saturday concerns no day of the sequence.
  const lateFriday = weekWith({ 4: [p('19:00', '20:30')] });

  it('fails 19:00–20:30 at 14, besides the window', () => {
    const violations = checkInternshipSchedule(lateFriday, AGED_14);
    expect(violations.map((violation) => violation.ruleId)).toEqual(['plage-horaire', 'travail-de-nuit']);
    expect(violations[1]?.message).toContain(
      'Vendredi 5 mars 2027 : présence de nuit (entre 20 h et 6 h) pendant la période 19 h 00 – 20 h 30, interdite avant 16 ans (l’élève a 14 ans)',
    );
    expect(violations[1]?.message).toContain('(Code du travail, art. L3163-1)');
  });

  it('does not apply from 16', () => {
    expect(ruleIds(lateFriday, AGED_16)).toEqual(['plage-horaire']);
  });

  it('applies to early mornings, until the day the pupil turns 16', () => {
    // On Monday, so that no rest between days is involved.
    const earlyMonday = weekWith({ 0: [p('05:30', '07:00')] });
    // Turns 16 on Monday 1 March: the night rule no longer applies that day.
    expect(ruleIds(earlyMonday, { birthDate: '2011-03-01' })).toEqual(['plage-horaire']);
    expect(ruleIds(earlyMonday, { birthDate: '2011-03-02' })).toEqual(['plage-horaire', 'travail-de-nuit']);
  });

  it('checks the rest before an early start on a later day', () => {
    // Thursday until 16:30, Friday from 5:30: 13 h of rest, short of 14 h at 15.
    expect(ruleIds(weekWith({ 4: [p('05:30', '07:00')] }), AGED_15)).toEqual(['plage-horaire', 'travail-de-nuit', 'repos-quotidien']);
  });
});

describe('daily rest', () => {
  // A window widened to 7 h – 19 h by the Mission ESS, so that the rest between days can be short.
  const wideWindow = parseWorkingTimeRules({
    ...rulesData,
    rules: rulesData.rules.map((rule) =>
      rule.id === 'plage-horaire' ? { ...rule, text: 'L’élève est présent entre 7 h et 19 h.', earliest: '07:00', latest: '19:00' } : rule,
    ),
  });
  // Monday until 19:00, Tuesday from 8:00: 13 h of rest.
  const shortNight = weekWith({ 0: [p('12:30', '15:30'), p('16:00', '19:00')], 1: [p('08:00', '12:00'), p('13:00', '15:00')] });

  it('fails 13 h of rest at 14 (14 h required)', () => {
    const violations = checkInternshipSchedule(shortNight, AGED_14, wideWindow);
    expect(violations.map((violation) => violation.ruleId)).toEqual(['repos-quotidien']);
    expect(violations[0]?.message).toContain(
      'Nuit du lundi 1er mars 2027 au mardi 2 mars 2027 : 13 h 00 de repos, moins de 14 h avant 16 ans (l’élève a 14 ans)',
    );
    expect(violations[0]?.message).toContain('(Code du travail, art. L3164-1)');
  });

  it('passes 13 h of rest at 16 (12 h required), fails 11 h 30', () => {
    expect(ruleIds(shortNight, AGED_16, wideWindow)).toEqual([]);
    // Monday until 19:00, Tuesday from 7:00 would be 12 h; Tuesday from 6:30 is outside the window, so shorten the
    // evening instead: rules with a 6 h – 20 h window.
    const widest = parseWorkingTimeRules({
      ...rulesData,
      rules: rulesData.rules.map((rule) =>
        rule.id === 'plage-horaire' ? { ...rule, text: 'L’élève est présent entre 6 h et 20 h.', earliest: '06:00', latest: '20:00' } : rule,
      ),
    });
    const shorter = weekWith({ 0: [p('13:30', '16:30'), p('17:00', '20:00')], 1: [p('07:30', '12:00'), p('13:00', '14:30')] });
    const violations = checkInternshipSchedule(shorter, AGED_16, widest);
    expect(violations.map((violation) => violation.ruleId)).toEqual(['repos-quotidien']);
    expect(violations[0]?.message).toContain('11 h 30 de repos, moins de 12 h à partir de 16 ans (l’élève a 16 ans)');
  });

  it('takes the age on the evening the rest starts', () => {
    // Turns 16 on Tuesday 2 March: 15 on Monday evening, so 14 h are still due.
    const violations = checkInternshipSchedule(shortNight, { birthDate: '2011-03-02' }, wideWindow);
    expect(violations.map((violation) => violation.ruleId)).toEqual(['repos-quotidien']);
    expect(violations[0]?.message).toContain('moins de 14 h avant 16 ans (l’élève a 15 ans)');
  });

  it('accepts exactly 14 h at 14', () => {
    // Monday until 18:00, Tuesday from 8:00.
    const exact = weekWith({ 0: [p('09:00', '12:00'), p('15:00', '18:00')], 1: [p('08:00', '12:00'), p('13:00', '15:00')] });
    expect(ruleIds(exact, AGED_14)).toEqual([]);
  });
});

describe('weekly rest', () => {
  it('fails a week worked Monday, Tuesday, Thursday and Saturday, whose rest days are never two in a row', () => {
    const spread = days(['2027-03-01', '2027-03-02', '2027-03-04', '2027-03-06', '2027-03-08']);
    const violations = checkInternshipSchedule(spread, AGED_14);
    expect(violations.map((violation) => violation.ruleId)).toEqual(['repos-hebdomadaire']);
    expect(violations[0]?.message).toContain(
      'Semaine du 1er mars 2027 : pas de 2 jours de repos consécutifs entre lundi et dimanche (présence lundi, mardi, jeudi, samedi)',
    );
    expect(violations[0]?.message).toContain('(Code du travail, art. L3164-2)');
  });

  it('passes Monday to Wednesday and Saturday, then the next Monday: Thursday and Friday are off', () => {
    expect(ruleIds(days(['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-06', '2027-03-08']))).toEqual([]);
  });

  it('counts only the days of each ISO week: Sunday then Monday are not two rest days of one week', () => {
    // Week 1: Tuesday to Saturday, rest only on Monday and Sunday.
    const violations = checkInternshipSchedule(days(['2027-03-02', '2027-03-03', '2027-03-04', '2027-03-05', '2027-03-06']), AGED_14);
    expect(violations.map((violation) => violation.ruleId)).toEqual(['repos-hebdomadaire']);
  });
});

describe('public holidays', () => {
  it('fails a day on 14 July', () => {
    // Monday 12 July 2027: Wednesday is 14 July.
    const violations = checkInternshipSchedule(defaultSchedule('2027-07-12'), AGED_14);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toEqual({
      ruleId: 'jours-feries',
      message:
        'Mercredi 14 juillet 2027 : jour férié (Fête nationale). Règle : « L’élève n’est pas présent les jours fériés. » ' +
        '(Code du travail, art. L3164-6).',
    });
  });

  it('fails Whit Monday', () => {
    expect(ruleIds(defaultSchedule('2027-05-17'))).toEqual(['jours-feries']);
  });
});

describe('number of days', () => {
  it('fails 4 days', () => {
    const four = { days: defaultSchedule(MONDAY).days.slice(0, 4) };
    const violations = checkInternshipSchedule(four, AGED_14);
    expect(violations.map((violation) => violation.ruleId)).toEqual(['cinq-jours']);
    expect(violations[0]?.message).toBe(
      'Séquence : 4 jours de présence au lieu de 5. Règle : « La séquence d’observation en milieu professionnel dure 5 jours, ' +
        'consécutifs ou non. » (Code de l’éducation, art. D332-14 ; circulaire du 12 juillet 2024).',
    );
  });

  it('fails 6 days, which also break the weekly limit and the weekly rest', () => {
    const six = { days: [...defaultSchedule(MONDAY).days, { date: '2027-03-06', periods: SIX_HOURS }] };
    const violations = checkInternshipSchedule(six, AGED_14);
    expect(violations.map((violation) => violation.ruleId)).toEqual(['cinq-jours', 'duree-hebdomadaire', 'repos-hebdomadaire']);
    expect(violations[0]?.message).toContain('Séquence : 6 jours de présence au lieu de 5.');
    expect(violations[1]?.message).toContain('36 h 00 de présence');
  });
});

describe('malformed input', () => {
  it('reports bad times, empty or reversed periods and overlaps instead of throwing', () => {
    const schedule = weekWith({
      0: [p('9h', '12:00'), p('13:30', '25:00')],
      1: [p('12:00', '09:00')],
      2: [p('09:00', '12:00'), p('11:00', '13:00')],
      3: [],
      4: [p('10:00', '10:00')],
    });
    expect(checkInternshipSchedule(schedule, AGED_14)).toEqual([
      { ruleId: 'saisie', message: 'Lundi 1er mars 2027 : horaire « 9h » invalide (attendu HH:MM, ex. 09:00).' },
      { ruleId: 'saisie', message: 'Lundi 1er mars 2027 : horaire « 25:00 » invalide (attendu HH:MM, ex. 09:00).' },
      { ruleId: 'saisie', message: 'Mardi 2 mars 2027 : la période 12 h 00 – 9 h 00 finit avant de commencer.' },
      { ruleId: 'saisie', message: 'Mercredi 3 mars 2027 : les périodes 9 h 00 – 12 h 00 et 11 h 00 – 13 h 00 se chevauchent.' },
      { ruleId: 'saisie', message: 'Jeudi 4 mars 2027 : aucun horaire de présence.' },
      { ruleId: 'saisie', message: 'Vendredi 5 mars 2027 : la période 10 h 00 – 10 h 00 est vide.' },
    ]);
  });

  it('reports bad and repeated dates and a bad birth date', () => {
    const schedule = {
      days: [
        { date: '2027-02-30', periods: SIX_HOURS },
        { date: '2027-03-01', periods: SIX_HOURS },
        { date: '2027-03-01', periods: SIX_HOURS },
        { date: '2027-03-02', periods: SIX_HOURS },
        { date: '2027-03-03', periods: SIX_HOURS },
        { date: '2027-03-04', periods: SIX_HOURS },
      ],
    };
    expect(checkInternshipSchedule(schedule, { birthDate: '15/09/2012' })).toEqual([
      { ruleId: 'saisie', message: 'Jour n° 1 : date « 2027-02-30 » invalide (attendu AAAA-MM-JJ, ex. 2027-03-01).' },
      { ruleId: 'saisie', message: 'Lundi 1er mars 2027 : jour saisi plusieurs fois.' },
      { ruleId: 'saisie', message: 'Date de naissance « 15/09/2012 » invalide (attendu AAAA-MM-JJ, ex. 2012-09-15).' },
    ]);
  });

  it('reports a birth date after the sequence', () => {
    expect(ruleIds(defaultSchedule(MONDAY), { birthDate: '2027-06-01' })).toEqual(['saisie']);
  });

  it('survives input of the wrong shape', () => {
    const broken = { days: [{ date: 20270301, periods: [{ start: 9, end: null }] }, null] } as unknown as InternshipSchedule;
    expect(() => checkInternshipSchedule(broken, AGED_14)).not.toThrow();
    expect(() => checkInternshipSchedule({} as InternshipSchedule, AGED_14)).not.toThrow();
    expect(ruleIds({} as InternshipSchedule)).toEqual(['cinq-jours']);
  });
});

describe('describeSchedule', () => {
  it('labels each day and the week', () => {
    expect(describeSchedule(defaultSchedule(MONDAY))).toEqual({
      days: [
        { dayLabel: 'Lundi 1er mars 2027', hours: '9 h 00 – 12 h 00 puis 13 h 30 – 16 h 30', total: '6 h 00' },
        { dayLabel: 'Mardi 2 mars 2027', hours: '9 h 00 – 12 h 00 puis 13 h 30 – 16 h 30', total: '6 h 00' },
        { dayLabel: 'Mercredi 3 mars 2027', hours: '9 h 00 – 12 h 00 puis 13 h 30 – 16 h 30', total: '6 h 00' },
        { dayLabel: 'Jeudi 4 mars 2027', hours: '9 h 00 – 12 h 00 puis 13 h 30 – 16 h 30', total: '6 h 00' },
        { dayLabel: 'Vendredi 5 mars 2027', hours: '9 h 00 – 12 h 00 puis 13 h 30 – 16 h 30', total: '6 h 00' },
      ],
      weeklyTotal: '30 h 00',
    });
  });

  it('sorts days and periods, and totals each week of a split sequence', () => {
    const described = describeSchedule({
      days: [
        { date: '2027-03-08', periods: [p('13:00', '16:30'), p('08:30', '12:00')] },
        { date: '2027-03-03', periods: [p('09:15', '11:45')] },
        { date: '2027-03-09', periods: SIX_HOURS },
      ],
    });
    expect(described.days).toEqual([
      { dayLabel: 'Mercredi 3 mars 2027', hours: '9 h 15 – 11 h 45', total: '2 h 30' },
      { dayLabel: 'Lundi 8 mars 2027', hours: '8 h 30 – 12 h 00 puis 13 h 00 – 16 h 30', total: '7 h 00' },
      { dayLabel: 'Mardi 9 mars 2027', hours: '9 h 00 – 12 h 00 puis 13 h 30 – 16 h 30', total: '6 h 00' },
    ]);
    expect(described.weeklyTotal).toBe('2 h 30 (semaine du 1er mars 2027) ; 13 h 00 (semaine du 8 mars 2027)');
  });
});

describe('rulesForPrinting', () => {
  const texts = (printed: { text: string }[]) => printed.map((rule) => rule.text);
  const night = defaultWorkingTimeRules.rules.find((rule) => rule.id === 'travail-de-nuit')?.text;

  it('prints every rule, in the file’s order, for a 14-year-old', () => {
    const printed = rulesForPrinting(defaultWorkingTimeRules, AGED_14.birthDate, defaultSchedule(MONDAY));
    expect(printed).toEqual(rulesData.rules.map(({ text, reference }) => ({ text, reference })));
  });

  it('leaves out the night rule for a pupil already 16 on every day, not for one turning 16 during the sequence', () => {
    const week = defaultSchedule(MONDAY);
    expect(texts(rulesForPrinting(defaultWorkingTimeRules, AGED_16.birthDate, week))).toHaveLength(8);
    expect(texts(rulesForPrinting(defaultWorkingTimeRules, AGED_16.birthDate, week))).not.toContain(night);
    expect(texts(rulesForPrinting(defaultWorkingTimeRules, '2011-03-03', week))).toContain(night);
  });

  it('prints every rule when the schedule is not known', () => {
    expect(rulesForPrinting(defaultWorkingTimeRules, AGED_16.birthDate)).toHaveLength(9);
  });
});

describe('parseWorkingTimeRules', () => {
  const withRule = (id: string, change: Record<string, unknown>) => ({
    ...rulesData,
    rules: rulesData.rules.map((rule) => (rule.id === id ? { ...rule, ...change } : rule)),
  });

  it('accepts the shipped file', () => {
    expect(parseWorkingTimeRules(rulesData)).toEqual(rulesData);
  });

  it('applies an edited limit', () => {
    const six = parseWorkingTimeRules(withRule('duree-quotidienne', { maxHours: 6, text: 'Au plus 6 heures de présence par jour.' }));
    expect(ruleIds(defaultSchedule(MONDAY), AGED_14, six)).toEqual([]);
    // 6 h 30 on Monday; at 15 the week's 30 h 30 is within 35 h.
    expect(ruleIds(weekWith({ 0: [p('09:00', '12:00'), p('13:30', '17:00')] }), AGED_15, six)).toEqual(['duree-quotidienne']);
  });

  it('refuses a text that does not quote its limit', () => {
    expect(() => parseWorkingTimeRules(withRule('duree-quotidienne', { maxHours: 8 }))).toThrow(
      /règle « duree-quotidienne », text : le texte doit citer la valeur « 8 h » du paramètre maxHours/,
    );
    // "7 h" is not found inside "17 heures" nor inside "7 h 30".
    expect(() => parseWorkingTimeRules(withRule('duree-quotidienne', { text: 'Au plus 17 heures par jour.' }))).toThrow(/« 7 h »/);
    expect(() => parseWorkingTimeRules(withRule('duree-quotidienne', { text: 'Au plus 7 h 30 par jour.' }))).toThrow(/« 7 h »/);
    expect(() => parseWorkingTimeRules(withRule('pause', { afterHours: 4 }))).toThrow(/« 4 h » du paramètre afterHours/);
    expect(() => parseWorkingTimeRules(withRule('duree-hebdomadaire', { age: 14 }))).toThrow(/« 14 ans » du paramètre age/);
  });

  it('refuses missing, repeated and misspelt rules', () => {
    expect(() => parseWorkingTimeRules({ ...rulesData, rules: rulesData.rules.filter((rule) => rule.id !== 'pause') })).toThrow(
      /règle « pause » absente/,
    );
    expect(() => parseWorkingTimeRules({ ...rulesData, rules: [...rulesData.rules, rulesData.rules[1]] })).toThrow(
      /règle « duree-quotidienne » en double/,
    );
    expect(() => parseWorkingTimeRules(withRule('duree-quotidienne', { maxHour: 7 }))).toThrow(/duree-quotidienne/);
    expect(() => parseWorkingTimeRules(withRule('pause', { id: 'pauses' }))).toThrow(
      /règle « pauses », id : identifiant de règle inconnu \(attendu : cinq-jours, duree-quotidienne/,
    );
    expect(() => parseWorkingTimeRules(withRule('plage-horaire', { latest: '18h' }))).toThrow(/plage-horaire/);
    expect(() => parseWorkingTimeRules(withRule('plage-horaire', { earliest: '19:00', text: 'Entre 19 h et 18 h.' }))).toThrow(
      /la plage doit commencer avant de finir/,
    );
  });
});
