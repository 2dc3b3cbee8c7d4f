import { describe, expect, it } from 'vitest';
import { ALES, COMMUNES, LE_VIGAN, NIMES, at, breakdownRows, conventionRow, figure } from '../../../tests/support/indicator-rows';
import { plateformeIndicators } from './plateforme';
import { indicatorContext } from './report';
import type { MatchRow, NeedRow } from './types';

const need = (id: string, kind: NeedRow['kind'], communeCode: string, publishedAt: string | null): NeedRow => ({
  id,
  kind,
  communeCode,
  publishedAt: publishedAt ? new Date(publishedAt) : null,
});
const needs = [
  need('n1', 'COMPETENCE', NIMES, '2026-02-01T00:00:00Z'),
  need('n2', 'LIEU', ALES, '2026-05-01T00:00:00Z'),
  need('n3', 'STAGE', NIMES, '2025-12-31T00:00:00Z'),
  need('n4', 'STAGE', LE_VIGAN, '2026-10-10T00:00:00Z'),
  need('n5', 'COMPETENCE', ALES, null),
];

const match = (id: string, kind: MatchRow['kind'], status: MatchRow['status'], createdAt: string, needCommuneCode: string, offerCommuneCode: string): MatchRow => ({
  id,
  kind,
  status,
  createdAt: at(createdAt),
  needCommuneCode,
  offerCommuneCode,
});
const matches = [
  match('m1', 'COMPETENCE', 'ACCEPTED', '2026-02-10', NIMES, NIMES),
  match('m2', 'COMPETENCE', 'DECLINED', '2026-03-01', NIMES, ALES),
  match('m3', 'LIEU', 'SUGGESTED', '2026-05-02', ALES, LE_VIGAN),
  match('m4', 'LIEU', 'ACCEPTED_BY_NEED', '2026-05-03', ALES, LE_VIGAN),
  match('m5', 'STAGE', 'ACCEPTED', '2025-12-01', NIMES, NIMES),
];

const signed = (id: string, needId: string, kind: NeedRow['kind'], publishedAt: string, signedAt: string, communeCode: string, extra: { amendsId?: string } = {}) =>
  conventionRow({
    id,
    kind,
    status: 'SIGNED',
    start: '2026-12-01',
    end: '2026-12-31',
    signedAt: new Date(signedAt),
    amendsId: extra.amendsId ?? null,
    need: { id: needId, publishedAt: new Date(publishedAt), communeCode },
    offer: { communeCode },
  });
const conventions = [
  signed('c1', 'n1', 'COMPETENCE', '2026-02-01T00:00:00Z', '2026-03-03T12:00:00Z', NIMES),
  // A later convention of the same need does not count.
  signed('c2', 'n1', 'COMPETENCE', '2026-02-01T00:00:00Z', '2026-04-01T00:00:00Z', NIMES),
  signed('c3', 'n2', 'LIEU', '2026-05-01T00:00:00Z', '2026-05-11T00:00:00Z', LE_VIGAN),
  signed('c4', 'n4', 'STAGE', '2026-10-10T00:00:00Z', '2026-10-30T00:00:00Z', LE_VIGAN),
  // Published in 2025, signed in 2026: it counts for 2026.
  signed('c5', 'n3', 'STAGE', '2025-12-31T00:00:00Z', '2026-01-05T00:00:00Z', NIMES),
  // An amendment is not the need's first convention.
  signed('c6', 'n4', 'STAGE', '2026-10-10T00:00:00Z', '2026-10-12T00:00:00Z', LE_VIGAN, { amendsId: 'c4' }),
];

const ALL = ['COMPETENCE', 'LIEU', 'STAGE'] as const;
const compute = (kinds: readonly NeedRow['kind'][], filters: Parameters<typeof indicatorContext>[1]) =>
  plateformeIndicators(needs, matches, conventions, kinds, indicatorContext(COMMUNES, filters, '2026-11-28'));

describe('platform indicators for 2026', () => {
  const indicators = compute(ALL, { year: 2026 });

  it('counts the needs published in the period, by kind', () => {
    expect(figure(indicators, 'plateforme-besoins', 'total')).toBe(3);
    expect(breakdownRows(indicators, 'plateforme-besoins-par-type')).toEqual([
      ['Compétences', 1],
      ['Lieux', 1],
      ['Stages de 3e', 1],
    ]);
  });

  it('counts the matches proposed, accepted and declined', () => {
    expect(figure(indicators, 'plateforme-mises-en-relation', 'proposees')).toBe(3);
    expect(figure(indicators, 'plateforme-mises-en-relation', 'acceptees')).toBe(1);
    expect(figure(indicators, 'plateforme-mises-en-relation', 'refusees')).toBe(1);
    expect(breakdownRows(indicators, 'plateforme-mises-en-relation-par-type')).toEqual([
      ['Compétences', 2, 1, 1],
      ['Lieux', 1, 0, 0],
      ['Stages de 3e', 0, 0, 0],
    ]);
    const accepted = indicators.find((indicator) => indicator.id === 'plateforme-mises-en-relation')?.figures[1];
    expect(accepted?.href).toBe('/mises-en-relation?status=ACCEPTED&from=2026-01-01&to=2026-12-31');
  });

  it('gives the median time from a need to its first signed convention', () => {
    // 30.5, 10, 20 and 5 days: the median is (10 + 20) / 2.
    expect(figure(indicators, 'plateforme-delai-signature', 'mediane')).toBe(15);
    expect(figure(indicators, 'plateforme-delai-signature', 'besoins')).toBe(4);
  });
});

describe('platform indicators by kind and territory', () => {
  it('keeps one kind', () => {
    const indicators = compute(['STAGE'], { year: 2026 });
    expect(figure(indicators, 'plateforme-besoins', 'total')).toBe(1);
    expect(figure(indicators, 'plateforme-mises-en-relation', 'proposees')).toBe(0);
    expect(figure(indicators, 'plateforme-delai-signature', 'mediane')).toBe(12.5);
    expect(indicators.find((indicator) => indicator.id === 'plateforme-mises-en-relation')?.figures[0]?.href).toBe(
      '/mises-en-relation?kind=STAGE&from=2026-01-01&to=2026-12-31',
    );
  });

  it('places a place’s match at the property, other records at the need', () => {
    const indicators = compute(ALL, { year: 2026, territory: { level: 'commune', code: LE_VIGAN } });
    expect(figure(indicators, 'plateforme-besoins', 'total')).toBe(1);
    expect(figure(indicators, 'plateforme-mises-en-relation', 'proposees')).toBe(1);
    expect(figure(indicators, 'plateforme-delai-signature', 'mediane')).toBe(15);
  });

  it('has no median without a signed convention', () => {
    const indicators = compute(ALL, { year: 2024 });
    expect(figure(indicators, 'plateforme-delai-signature', 'mediane')).toBeNull();
    expect(figure(indicators, 'plateforme-delai-signature', 'besoins')).toBe(0);
  });
});
