import { describe, expect, it } from 'vitest';
import { COMMUNES } from '../../../tests/support/indicator-rows';
import { indicatorFiltersQuery, parseIndicatorFilters, strictIndicatorFilters } from './filters';

const parse = (query: string) => parseIndicatorFilters(new URLSearchParams(query), COMMUNES, '2026-11-28');

describe('parseIndicatorFilters', () => {
  it('defaults to the current year, the whole Gard and every kind', () => {
    expect(parse('')).toEqual({ filters: { year: 2026, territory: undefined, kind: undefined }, warnings: [] });
  });

  it('reads a year, a territory of each level and a kind', () => {
    expect(parse('year=2025&territory=epci:243000643&kind=LIEU').filters).toEqual({ year: 2025, territory: { level: 'epci', code: '243000643' }, kind: 'LIEU' });
    expect(parse('territory=arrondissement:301').filters.territory).toEqual({ level: 'arrondissement', code: '301' });
    expect(parse('territory=commune:30350').filters.territory).toEqual({ level: 'commune', code: '30350' });
  });

  it('ignores bad values and says why, in French', () => {
    const { filters, warnings } = parse('year=2031&territory=region:76&kind=VELO');
    expect(filters).toEqual({ year: 2026, territory: undefined, kind: undefined });
    expect(warnings).toEqual([
      'L’année doit être comprise entre 2024 et 2026 : ce filtre a été ignoré.',
      'Le territoire demandé n’est pas reconnu : ce filtre a été ignoré.',
      'Le type demandé n’existe pas : ce filtre a été ignoré.',
    ]);
    expect(parse('year=deux-mille').warnings).toEqual(['L’année doit être un nombre : ce filtre a été ignoré.']);
    expect(parse('territory=commune:34172').warnings).toEqual(['Aucune commune du Gard n’appartient au territoire « 34172 » : ce filtre a été ignoré.']);
  });

  it('refuses bad values for an export', () => {
    expect(strictIndicatorFilters(parse('year=2025&kind=STAGE'))).toEqual({ year: 2025, territory: undefined, kind: 'STAGE' });
    expect(() => strictIndicatorFilters(parse('year=2023'))).toThrow('Export impossible : L’année doit être comprise entre 2024 et 2026 : ce filtre a été ignoré.');
  });

  it('writes the filters back as a query', () => {
    expect(indicatorFiltersQuery({ year: 2025, territory: { level: 'commune', code: '30189' }, kind: 'COMPETENCE' })).toBe('year=2025&territory=commune%3A30189&kind=COMPETENCE');
    expect(parse(indicatorFiltersQuery({ year: 2025, territory: { level: 'commune', code: '30189' } })).filters).toEqual({ year: 2025, territory: { level: 'commune', code: '30189' }, kind: undefined });
  });
});
