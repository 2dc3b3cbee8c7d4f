import { describe, expect, it } from 'vitest';
import { ALES, COMMUNES, NIMES, at, breakdownRows, conventionRow, figure } from '../../../tests/support/indicator-rows';
import { competencesIndicators } from './competences';
import { indicatorContext } from './report';
import type { ConventionRow } from './types';

const hosts = { S1: { organisationId: 'S1', organisationName: 'Jardins partagés', communeCode: NIMES }, S2: { organisationId: 'S2', organisationName: 'Ressourcerie', communeCode: ALES } };
const agents = { a1: { id: 'a1', grade: 'Attaché territorial' }, a2: { id: 'a2', grade: 'Rédacteur' }, a3: { id: 'a3', grade: null } };
const signatories: ConventionRow['signatoryRoles'] = ['DEPARTEMENT', 'HOST', 'AGENT'];

const placement = (id: string, host: keyof typeof hosts, agent: keyof typeof agents, fields: Omit<Parameters<typeof conventionRow>[0], 'id' | 'kind'>) =>
  conventionRow({ id, kind: 'COMPETENCE', agent: agents[agent], need: hosts[host], signatoryRoles: signatories, ...fields });

const conventions = [
  placement('k1', 'S1', 'a1', { status: 'IN_PROGRESS', start: '2026-01-01', end: '2026-06-30', signedAt: at('2025-12-15'), hoursPerMonth: 8, activities: 'Comptabilité' }),
  // Renewed to the end of September, 10 hours a month.
  placement('k1a', 'S1', 'a1', { status: 'SIGNED', amendsId: 'k1', start: '2026-01-01', end: '2026-09-30', signedAt: at('2026-06-20'), hoursPerMonth: 10, activities: 'Comptabilité et paie' }),
  placement('k2', 'S2', 'a2', {
    status: 'COMPLETED',
    start: '2025-10-01',
    end: '2026-03-31',
    signedAt: at('2025-09-01'),
    hoursPerMonth: 4,
    activities: 'Communication',
    surveys: [
      { role: 'AGENT', score: 4 },
      { role: 'HOST', score: 5 },
    ],
  }),
  placement('k3', 'S1', 'a3', {
    status: 'COMPLETED',
    start: '2026-02-15',
    end: '2026-04-14',
    signedAt: at('2026-02-01'),
    hoursPerMonth: 6,
    activities: 'Site internet',
    surveys: [{ role: 'AGENT', score: 2 }],
  }),
  placement('k4', 'S2', 'a1', { status: 'CANCELLED', start: '2026-03-15', end: '2026-05-14', signedAt: at('2026-03-01'), hoursPerMonth: 8 }),
  placement('k5', 'S2', 'a2', { status: 'DRAFT', start: '2026-10-01', end: '2026-12-31', hoursPerMonth: 8 }),
  // Over in 2025: its survey belongs to 2025.
  placement('k6', 'S2', 'a2', { status: 'COMPLETED', start: '2025-03-01', end: '2025-08-31', signedAt: at('2025-02-01'), hoursPerMonth: 2, surveys: [{ role: 'AGENT', score: 1 }] }),
];

const compute = (filters: Parameters<typeof indicatorContext>[1]) => competencesIndicators(conventions, indicatorContext(COMMUNES, filters, '2026-11-28'));

describe('action 2.4 indicators for 2026', () => {
  const indicators = compute({ year: 2026 });

  it('counts agents and host structures of the placements in force during the period', () => {
    expect(figure(indicators, 'competences-agents', 'agents')).toBe(3);
    expect(figure(indicators, 'competences-structures', 'structures')).toBe(2);
  });

  it('counts the hours placed within the period with the terms of the latest amendment', () => {
    // k1 renewed: 10 h × 9 months = 90; k2: 4 h × 3 months = 12; k3: 6 h × (14/28 + 1 + 14/30) months = 11.8.
    expect(figure(indicators, 'competences-heures', 'heures')).toBe(113.8);
  });

  it('gives the satisfaction of agents and structures for the placements that ended in the period', () => {
    expect(figure(indicators, 'competences-satisfaction', 'moyenne-agents')).toBe(3);
    expect(figure(indicators, 'competences-satisfaction', 'taux-agents')).toBe(100);
    expect(figure(indicators, 'competences-satisfaction', 'moyenne-structures')).toBe(5);
    expect(figure(indicators, 'competences-satisfaction', 'taux-structures')).toBe(50);
    expect(figure(indicators, 'competences-satisfaction', 'envoyees')).toBe(4);
    expect(breakdownRows(indicators, 'competences-satisfaction-notes')).toEqual([
      ['1 sur 5', 0, 0],
      ['2 sur 5', 1, 0],
      ['3 sur 5', 0, 0],
      ['4 sur 5', 1, 0],
      ['5 sur 5', 0, 1],
    ]);
  });

  it('prepares the employer’s yearly report: grades, purposes, hosts, renewals, without names', () => {
    expect(figure(indicators, 'competences-bilan-annuel', 'mises-a-disposition')).toBe(3);
    expect(figure(indicators, 'competences-bilan-annuel', 'renouvelees')).toBe(1);
    expect(breakdownRows(indicators, 'competences-agents-par-grade')).toEqual([
      ['Attaché territorial', 1, 1],
      ['Rédacteur', 1, 0],
      ['Grade non renseigné', 1, 0],
    ]);
    expect(breakdownRows(indicators, 'competences-mises-a-disposition')).toEqual([
      ['REF-k2', 'Rédacteur', 'Ressourcerie', 'Communication', '2025-10-01', '2026-03-31', 4, 0],
      ['REF-k1', 'Attaché territorial', 'Jardins partagés', 'Comptabilité et paie', '2026-01-01', '2026-09-30', 10, 1],
      ['REF-k3', 'Grade non renseigné', 'Jardins partagés', 'Site internet', '2026-02-15', '2026-04-14', 6, 0],
    ]);
    expect(breakdownRows(indicators, 'competences-organismes-accueil')).toEqual([
      ['Jardins partagés', 'Nîmes', 2, 'Comptabilité et paie ; Site internet'],
      ['Ressourcerie', 'Alès', 1, 'Communication'],
    ]);
  });
});

describe('action 2.4 indicators by territory and year', () => {
  it('keeps the host structures of the commune', () => {
    const indicators = compute({ year: 2026, territory: { level: 'commune', code: ALES } });
    expect(figure(indicators, 'competences-agents', 'agents')).toBe(1);
    expect(figure(indicators, 'competences-heures', 'heures')).toBe(12);
    expect(figure(indicators, 'competences-satisfaction', 'moyenne-agents')).toBe(4);
    expect(figure(indicators, 'competences-satisfaction', 'taux-structures')).toBe(100);
  });

  it('describes 2025', () => {
    const indicators = compute({ year: 2025 });
    // k2 from October (3 months × 4 h) and k6 (6 months × 2 h); k1 starts in 2026.
    expect(figure(indicators, 'competences-agents', 'agents')).toBe(1);
    expect(figure(indicators, 'competences-heures', 'heures')).toBe(24);
    expect(figure(indicators, 'competences-satisfaction', 'moyenne-agents')).toBe(1);
    expect(figure(indicators, 'competences-satisfaction', 'moyenne-structures')).toBeNull();
    expect(figure(indicators, 'competences-satisfaction', 'taux-structures')).toBe(0);
  });
});
