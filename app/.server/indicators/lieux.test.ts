import { describe, expect, it } from 'vitest';
import { ALES, COMMUNES, LE_VIGAN, NIMES, at, breakdownRows, conventionRow, figure } from '../../../tests/support/indicator-rows';
import { lieuxIndicators } from './lieux';
import { indicatorContext } from './report';
import type { PropertyRow } from './types';

const property = (offerId: string, fields: Omit<PropertyRow, 'offerId'>): PropertyRow => ({ offerId, ...fields });

const properties = [
  property('P1', { propertyType: 'BUILDING', surfaceM2: 100, communeCode: NIMES, status: 'PUBLISHED', publishedAt: at('2025-06-01') }),
  property('P2', { propertyType: 'LAND', surfaceM2: 2000, communeCode: ALES, status: 'PUBLISHED', publishedAt: at('2026-03-01') }),
  property('P3', { propertyType: 'ROOFTOP', surfaceM2: 300, communeCode: LE_VIGAN, status: 'PUBLISHED', publishedAt: at('2025-01-10') }),
  property('P4', { propertyType: 'BUILDING', surfaceM2: 50, communeCode: NIMES, status: 'ARCHIVED', publishedAt: at('2025-02-01') }),
  property('P5', { propertyType: 'BUILDING', surfaceM2: 80, communeCode: NIMES, status: 'PUBLISHED', publishedAt: at('2026-06-01') }),
];

const occupation = (id: string, offerId: string, communeCode: string, fields: Parameters<typeof conventionRow>[0] extends infer T ? Omit<T, 'id' | 'kind'> : never) =>
  conventionRow({ id, kind: 'LIEU', ...fields, offer: { id: offerId, communeCode } });

const conventions = [
  // P1: occupied from mid-January 2026, signed in December 2025, for a tiers-lieu.
  occupation('C1', 'P1', NIMES, { status: 'IN_PROGRESS', start: '2026-01-15', end: '2026-12-31', signedAt: at('2025-12-20'), need: { tiersLieu: true } }),
  // P2: signed in November 2026, occupied from December, for a tiers-lieu.
  occupation('C2', 'P2', ALES, { status: 'SIGNED', start: '2026-12-01', end: '2027-11-30', signedAt: at('2026-11-20'), need: { tiersLieu: true } }),
  // P3: occupied for the last nine months of 2025 only.
  occupation('C3', 'P3', LE_VIGAN, { status: 'COMPLETED', start: '2025-04-01', end: '2025-12-31', signedAt: at('2025-03-01') }),
  // P5: signed then cancelled: never an occupation.
  occupation('C4', 'P5', NIMES, { status: 'CANCELLED', start: '2026-07-01', end: '2027-06-30', signedAt: at('2026-07-01') }),
  // P1: a draft for later, not signed.
  occupation('C5', 'P1', NIMES, { status: 'DRAFT', start: '2027-01-01', end: '2027-12-31' }),
];

const compute = (filters: Parameters<typeof indicatorContext>[1], today = '2026-11-28') =>
  lieuxIndicators(properties, conventions, indicatorContext(COMMUNES, filters, today));

describe('action 1.3 indicators, 2026 seen on 28 November', () => {
  const indicators = compute({ year: 2026 });

  it('counts the buildings and unbuilt spaces occupied during the period, and their surface', () => {
    expect(figure(indicators, 'lieux-mis-a-disposition', 'batiments')).toBe(1);
    expect(figure(indicators, 'lieux-mis-a-disposition', 'espaces-non-batis')).toBe(1);
    expect(breakdownRows(indicators, 'lieux-par-type')).toEqual([
      ['Bâtiment', 1, 100],
      ['Terrain', 1, 2000],
      ['Toiture (solaire)', 0, 0],
    ]);
    expect(figure(indicators, 'lieux-surface', 'surface')).toBe(2100);
  });

  it('counts the occupations under way on the situation day and the new tiers-lieux signed in the period', () => {
    expect(figure(indicators, 'lieux-occupations-en-cours', 'en-cours')).toBe(1);
    expect(figure(indicators, 'lieux-tiers-lieux', 'tiers-lieux')).toBe(1);
  });

  it('counts vacant properties at the start and at the end', () => {
    // 1 January: P1 (not yet occupied) and P3 (its occupation ended); P2 and P5 not yet published, P4 withdrawn.
    expect(figure(indicators, 'lieux-vacance', 'debut')).toBe(2);
    // 28 November: P2 (occupied from December), P3 and P5 (cancelled convention); P1 is occupied.
    expect(figure(indicators, 'lieux-vacance', 'fin')).toBe(3);
    expect(figure(indicators, 'lieux-vacance', 'reduction')).toBe(-1);
    expect(breakdownRows(indicators, 'lieux-vacance-debut-fin')).toEqual([
      ['1 janvier 2026', 2],
      ['28 novembre 2026', 3],
    ]);
  });

  it('links the figures to the lists of records', () => {
    const vacancy = indicators.find((indicator) => indicator.id === 'lieux-vacance');
    expect(vacancy?.figures[0]?.href).toBe('/admin/publications?type=offre&kind=LIEU&status=PUBLISHED');
    const underWay = indicators.find((indicator) => indicator.id === 'lieux-occupations-en-cours');
    expect(underWay?.figures[0]?.href).toBe('/conventions?kind=LIEU&status=IN_PROGRESS');
  });
});

describe('action 1.3 indicators by territory and year', () => {
  it('keeps the properties of the commune', () => {
    const indicators = compute({ year: 2026, territory: { level: 'commune', code: NIMES } });
    expect(figure(indicators, 'lieux-mis-a-disposition', 'batiments')).toBe(1);
    expect(figure(indicators, 'lieux-mis-a-disposition', 'espaces-non-batis')).toBe(0);
    expect(figure(indicators, 'lieux-surface', 'surface')).toBe(100);
    expect(figure(indicators, 'lieux-tiers-lieux', 'tiers-lieux')).toBe(0);
    expect(figure(indicators, 'lieux-vacance', 'debut')).toBe(1);
    expect(figure(indicators, 'lieux-vacance', 'fin')).toBe(1);
    expect(indicators.find((indicator) => indicator.id === 'lieux-surface')?.figures[0]?.href).toBe('/conventions?kind=LIEU&commune=30189');
  });

  it('keeps the properties of the arrondissement', () => {
    const indicators = compute({ year: 2026, territory: { level: 'arrondissement', code: '301' } });
    expect(figure(indicators, 'lieux-mis-a-disposition', 'batiments')).toBe(0);
    expect(figure(indicators, 'lieux-mis-a-disposition', 'espaces-non-batis')).toBe(1);
    expect(figure(indicators, 'lieux-tiers-lieux', 'tiers-lieux')).toBe(1);
  });

  it('describes 2025 as it ended', () => {
    const indicators = compute({ year: 2025 });
    expect(figure(indicators, 'lieux-mis-a-disposition', 'batiments')).toBe(0);
    expect(breakdownRows(indicators, 'lieux-par-type')[2]).toEqual(['Toiture (solaire)', 1, 300]);
    expect(figure(indicators, 'lieux-occupations-en-cours', 'en-cours')).toBe(1);
    // C1 was signed on 20 December 2025, for an occupation starting in 2026.
    expect(figure(indicators, 'lieux-tiers-lieux', 'tiers-lieux')).toBe(1);
    // 1 January 2025: nothing published yet. 31 December 2025: P1 (published, not yet occupied); P3 occupied.
    expect(figure(indicators, 'lieux-vacance', 'debut')).toBe(0);
    expect(figure(indicators, 'lieux-vacance', 'fin')).toBe(1);
    expect(figure(indicators, 'lieux-vacance', 'reduction')).toBe(-1);
  });
});
