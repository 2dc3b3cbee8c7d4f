import { describe, expect, it } from 'vitest';
import { ALES, COMMUNES, LE_VIGAN, NIMES, at, breakdownRows, conventionRow, figure } from '../../../tests/support/indicator-rows';
import { indicatorContext } from './report';
import { stagesIndicators } from './stages';
import type { CollegeRow, ConventionRow, PupilRow } from './types';

const colleges: CollegeRow[] = [
  { id: 'K1', name: 'Collège Arènes', communeCode: NIMES, rep: false, repPlus: false, qpv: false },
  { id: 'K2', name: 'Collège Aigoual', communeCode: LE_VIGAN, rep: false, repPlus: false, qpv: false },
  { id: 'K3', name: 'Collège Gardon', communeCode: ALES, rep: true, repPlus: false, qpv: false },
];
const communeOf: Record<string, string> = { K1: NIMES, K2: LE_VIGAN, K3: ALES };

const pupil = (id: string, collegeId: string, createdAt = '2026-09-10', anonymisedAt: string | null = null): PupilRow => ({
  id,
  collegeId,
  createdAt: at(createdAt),
  anonymisedAt: anonymisedAt ? at(anonymisedAt) : null,
});
const pupils = [
  pupil('p1', 'K1'),
  pupil('p2', 'K1'),
  pupil('p3', 'K1'),
  pupil('p4', 'K2'),
  pupil('p5', 'K2'),
  pupil('p6', 'K2', '2024-09-10', '2025-08-01'),
  pupil('p7', 'K3'),
];

const stage = (
  id: string,
  pupilId: string,
  collegeId: string,
  mode: 'INDIVIDUAL' | 'GROUP',
  start: string,
  status: ConventionRow['status'],
  hostId: string,
  extra: { priority?: boolean; amendsId?: string } = {},
) =>
  conventionRow({
    id,
    kind: 'STAGE',
    status,
    start,
    end: start,
    amendsId: extra.amendsId ?? null,
    pupil: { id: pupilId, priority: extra.priority ?? false },
    need: { organisationId: collegeId, communeCode: communeOf[collegeId] ?? NIMES, mode },
    offer: { organisationId: hostId, organisationName: hostId },
  });

const conventions = [
  stage('s1', 'p1', 'K1', 'INDIVIDUAL', '2026-02-02', 'SIGNED', 'H1'),
  stage('s2', 'p2', 'K1', 'GROUP', '2026-03-02', 'DRAFT', 'H2'),
  stage('s3', 'p4', 'K2', 'GROUP', '2026-03-02', 'COMPLETED', 'H2', { priority: true }),
  stage('s4', 'p5', 'K2', 'INDIVIDUAL', '2026-03-02', 'CANCELLED', 'H1'),
  // A second stage of p1: the pupil counts once, the host counts.
  stage('s5', 'p1', 'K1', 'INDIVIDUAL', '2026-05-04', 'SIGNED', 'H3'),
  stage('s6', 'p7', 'K3', 'INDIVIDUAL', '2026-11-16', 'READY_TO_SIGN', 'H1'),
  stage('s7', 'p3', 'K1', 'INDIVIDUAL', '2027-01-11', 'DRAFT', 'H4'),
  stage('s8', 'p1', 'K1', 'INDIVIDUAL', '2026-02-02', 'SIGNED', 'H5', { amendsId: 's1' }),
];

const compute = (filters: Parameters<typeof indicatorContext>[1]) =>
  stagesIndicators(conventions, pupils, colleges, indicatorContext(COMMUNES, filters, '2026-11-28'));

describe('action 2.2 indicators for 2026', () => {
  const indicators = compute({ year: 2026 });

  it('counts pupils placed alone or in a group, once each', () => {
    expect(figure(indicators, 'stages-eleves-accueillis', 'individuels')).toBe(2);
    expect(figure(indicators, 'stages-eleves-accueillis', 'groupes')).toBe(2);
    expect(figure(indicators, 'stages-eleves-accueillis', 'total')).toBe(4);
  });

  it('counts the host structures of every stage of the period', () => {
    expect(figure(indicators, 'stages-structures-accueil', 'structures')).toBe(3);
  });

  it('counts placed and unplaced pupils per collège', () => {
    expect(breakdownRows(indicators, 'stages-par-college')).toEqual([
      ['Collège Aigoual', 1, 1, 2],
      ['Collège Arènes', 2, 1, 3],
      ['Collège Gardon', 1, 0, 1],
    ]);
    expect(figure(indicators, 'stages-colleges', 'inscrits')).toBe(6);
    expect(figure(indicators, 'stages-colleges', 'places')).toBe(4);
    expect(figure(indicators, 'stages-colleges', 'sans-stage')).toBe(2);
  });

  it('gives the shares of priority pupils (QPV, REP) and of rural collèges (FRR)', () => {
    // p4 is flagged by its collège, p7 is at a REP collège; p4's collège is in Le Vigan (FRR).
    expect(figure(indicators, 'stages-part-prioritaires', 'nombre')).toBe(2);
    expect(figure(indicators, 'stages-part-prioritaires', 'part')).toBe(50);
    expect(figure(indicators, 'stages-part-frr', 'nombre')).toBe(1);
    expect(figure(indicators, 'stages-part-frr', 'part')).toBe(25);
  });

  it('distributes the placements by the EPCI of the collège', () => {
    expect(breakdownRows(indicators, 'stages-placements-par-epci')).toEqual([
      ['CA de Nîmes Métropole', 2],
      ['CA Alès Agglomération', 1],
      ['CC du Pays Viganais', 1],
    ]);
  });
});

describe('action 2.2 indicators by territory and year', () => {
  it('keeps the collèges of the arrondissement of Nîmes', () => {
    const indicators = compute({ year: 2026, territory: { level: 'arrondissement', code: '302' } });
    expect(figure(indicators, 'stages-eleves-accueillis', 'total')).toBe(2);
    expect(figure(indicators, 'stages-eleves-accueillis', 'individuels')).toBe(1);
    expect(figure(indicators, 'stages-structures-accueil', 'structures')).toBe(3);
    expect(breakdownRows(indicators, 'stages-par-college')).toEqual([['Collège Arènes', 2, 1, 3]]);
    expect(figure(indicators, 'stages-part-prioritaires', 'part')).toBe(0);
  });

  it('gives no share when nobody is placed', () => {
    const indicators = compute({ year: 2025 });
    expect(figure(indicators, 'stages-eleves-accueillis', 'total')).toBe(0);
    expect(figure(indicators, 'stages-part-frr', 'part')).toBeNull();
    // In 2025, only p6 was registered (at K2); the others arrived in September 2026.
    expect(breakdownRows(indicators, 'stages-par-college')).toEqual([
      ['Collège Aigoual', 0, 1, 1],
      ['Collège Arènes', 0, 0, 0],
      ['Collège Gardon', 0, 0, 0],
    ]);
  });
});
