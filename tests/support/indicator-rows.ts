import type { Cell, CommuneRow, ConventionRow, Indicator, IndicatorRows } from '../../app/.server/indicators/types';

/** Plain rows for the indicator unit tests: three communes of three arrondissements and EPCIs, Le Vigan in FRR. */
export const COMMUNES: CommuneRow[] = [
  { code: '30189', name: 'Nîmes', arrondissement: '302', epciCode: '243000643', epciName: 'CA de Nîmes Métropole', frr: false },
  { code: '30007', name: 'Alès', arrondissement: '301', epciCode: '200066918', epciName: 'CA Alès Agglomération', frr: false },
  { code: '30350', name: 'Le Vigan', arrondissement: '303', epciCode: '243000270', epciName: 'CC du Pays Viganais', frr: true },
];

export const NIMES = '30189';
export const ALES = '30007';
export const LE_VIGAN = '30350';

export const at = (iso: string) => new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);

type ConventionInput = Pick<ConventionRow, 'id' | 'kind' | 'status' | 'start' | 'end'> &
  Partial<Omit<ConventionRow, 'need' | 'offer'>> & { need?: Partial<ConventionRow['need']>; offer?: Partial<ConventionRow['offer']> };

/** A convention row with neutral defaults: created on its start day, signed when its status says so. */
export function conventionRow(input: ConventionInput): ConventionRow {
  const { need, offer, ...fields } = input;
  return {
    reference: `REF-${input.id}`,
    amendsId: null,
    createdAt: at(input.start),
    signedAt: null,
    hoursPerMonth: null,
    activities: null,
    agent: null,
    pupil: null,
    signatoryRoles: [],
    surveys: [],
    ...fields,
    need: {
      id: `need-${input.id}`,
      publishedAt: null,
      communeCode: NIMES,
      organisationId: 'structure',
      organisationName: 'Structure',
      mode: null,
      tiersLieu: false,
      ...need,
    },
    offer: { id: `offer-${input.id}`, communeCode: NIMES, organisationId: null, organisationName: null, ...offer },
  };
}

export function rows(input: Partial<IndicatorRows>): IndicatorRows {
  return { communes: COMMUNES, properties: [], conventions: [], pupils: [], colleges: [], needs: [], matches: [], ...input };
}

/** The value of one figure; fails the test when the indicator or the figure is missing. */
export function figure(indicators: readonly Indicator[], id: string, key: string): number | null {
  const found = indicators.find((indicator) => indicator.id === id)?.figures.find((item) => item.key === key);
  if (!found) throw new Error(`figure ${id}/${key} introuvable`);
  return found.value;
}

/** The rows of one breakdown, across indicators. */
export function breakdownRows(indicators: readonly Indicator[], id: string): Cell[][] {
  const found = indicators.flatMap((indicator) => indicator.breakdowns).find((item) => item.id === id);
  if (!found) throw new Error(`tableau ${id} introuvable`);
  return found.rows;
}
