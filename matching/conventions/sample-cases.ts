import { sampleAmendment, sampleInternshipView, sampleOccupationView, sampleRooftopView, sampleSkillsView } from './sample-views';
import type { ConventionView, ObservationInternshipView, SkillsPlacementView, TemporaryOccupationView } from './view-model';

/**
 * The sample views of `sample-views.ts` in every variant that changes which sections of a template are read (free or
 * paid, grouping or not, amendment or not…), each also without the optional details (SIRET, UAI, legal form, email).
 * A template edited online must fill every one of them before it is put in force: a variable used outside the
 * section that guarantees its value would otherwise only fail on the first real convention that lacks it.
 */

export interface SampleCase {
  /** The variant in French, e.g. « avenant, domaine privé, sans mentions facultatives ». */
  name: string;
  view: ConventionView;
}

type Axis<T> = Record<string, Partial<T>>;

/** Keys the view model marks optional wherever they appear (organisations and persons). */
const OPTIONAL_KEYS = new Set(['siret', 'uai', 'legalFormLabel', 'email']);

function withoutOptional(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutOptional);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !OPTIONAL_KEYS.has(key))
      .map(([key, item]) => [key, withoutOptional(item)]),
  );
}

/** Every combination of one option per axis, each with and without the optional details. */
function combine<T extends ConventionView>(make: (overrides: Partial<T>) => T, axes: Axis<T>[]): SampleCase[] {
  let combos: { names: string[]; overrides: Partial<T> }[] = [{ names: [], overrides: {} }];
  for (const axis of axes) {
    combos = combos.flatMap(({ names, overrides }) =>
      Object.entries(axis).map(([name, more]) => ({ names: [...names, name], overrides: { ...overrides, ...more } })),
    );
  }
  return combos.flatMap(({ names, overrides }) => {
    const view = make(overrides);
    return [
      { name: names.join(', '), view },
      { name: [...names, 'sans mentions facultatives'].join(', '), view: withoutOptional(view) as T },
    ];
  });
}

const amendment = {
  'convention initiale': { isAmendment: false, amendment: undefined },
  avenant: { isAmendment: true, amendment: sampleAmendment() },
};

const domain = {
  'domaine public': { publicDomain: true, domainLabel: 'domaine public' },
  'domaine privé': { publicDomain: false, domainLabel: 'domaine privé' },
};

const economicUse = {
  'usage économique': {
    economicUse: true,
    callForOccupation: { reference: 'AAC-2026-LIEU-12', publishedOn: '1er septembre 2026', deadline: '15 octobre 2026' },
  },
  'usage non économique': { economicUse: false, callForOccupation: undefined },
};

const grouping = {
  groupement: { isGrouping: true, members: sampleOccupationView().members },
  'structure seule': { isGrouping: false, members: [] },
};

/** Fixed part, revenue share, both, neither, or free; with or without real rights. */
function rooftopTerms(): Axis<TemporaryOccupationView> {
  const terms = sampleRooftopView().rooftopTerms;
  if (!terms) throw new Error('sampleRooftopView sans rooftopTerms');
  const fees = {
    'part fixe et part variable': {},
    'part fixe seule': { revenueSharePercent: undefined },
    'part variable seule': { fixedFee: undefined },
    'redevance forfaitaire': { fixedFee: undefined, revenueSharePercent: undefined },
  };
  const axis: Axis<TemporaryOccupationView> = {};
  for (const [rights, realRights] of [['droits réels', true], ['sans droits réels', false]] as const) {
    for (const [fee, change] of Object.entries(fees)) {
      axis[`${fee}, ${rights}`] = { free: false, yearlyFee: '1 500,00 €', freeGround: undefined, rooftopTerms: { ...terms, ...change, realRights } };
    }
    axis[`gratuite, ${rights}`] = {
      free: true,
      yearlyFee: undefined,
      freeGround: 'l’occupant est une association à but non lucratif qui concourt à la satisfaction d’un intérêt général.',
      rooftopTerms: { ...terms, realRights },
    };
  }
  return axis;
}

/** Every sample case, all kinds together; `templateIdFor(case.view)` tells which template each one is for. */
export function sampleCases(): SampleCase[] {
  return [
    ...combine<SkillsPlacementView>(sampleSkillsView, [
      { gratuite: { free: true }, remboursée: { free: false, reimbursementAmount: '3 840,00 €', subsidy: undefined } },
      { 'avec télétravail': { remote: true }, 'sans télétravail': { remote: false } },
      { 'frais pris en charge': { expensesReimbursed: true }, 'sans frais': { expensesReimbursed: false, expensesDetails: '' } },
      amendment,
    ]),
    ...combine<TemporaryOccupationView>(sampleOccupationView, [
      grouping,
      domain,
      { gratuite: {}, payante: { free: false, yearlyFee: '4 800,00 €', freeGround: undefined } },
      economicUse,
      amendment,
    ]),
    ...combine<TemporaryOccupationView>(sampleRooftopView, [rooftopTerms(), domain, economicUse, grouping, amendment]),
    ...combine<ObservationInternshipView>(sampleInternshipView, [
      {
        'deux représentants légaux': {},
        'un représentant légal': { legalRepresentatives: sampleInternshipView().legalRepresentatives.slice(0, 1) },
      },
      amendment,
    ]),
  ];
}
