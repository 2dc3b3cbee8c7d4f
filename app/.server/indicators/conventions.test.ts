import { describe, expect, it } from 'vitest';
import { at, conventionRow } from '../../../tests/support/indicator-rows';
import { listHref, placementsOn } from './conventions';

const base = { kind: 'COMPETENCE' as const, start: '2026-01-01', end: '2026-06-30' };

describe('placementsOn', () => {
  const conventions = [
    conventionRow({ ...base, id: 'root', status: 'IN_PROGRESS', signedAt: at('2025-12-15') }),
    conventionRow({ ...base, id: 'avenant-1', status: 'SIGNED', amendsId: 'root', end: '2026-09-30', signedAt: at('2026-06-20') }),
    conventionRow({ ...base, id: 'avenant-2', status: 'SIGNED', amendsId: 'avenant-1', end: '2026-12-31', signedAt: at('2026-09-20') }),
    conventionRow({ ...base, id: 'avenant-projet', status: 'DRAFT', amendsId: 'root', end: '2027-06-30' }),
    conventionRow({ ...base, id: 'annulee', status: 'CANCELLED', signedAt: at('2026-01-10') }),
    conventionRow({ ...base, id: 'projet', status: 'DRAFT' }),
    conventionRow({ ...base, id: 'lieu', kind: 'LIEU', status: 'SIGNED', signedAt: at('2026-01-10') }),
  ];

  it('keeps signed, uncancelled originals of the kind, with the latest amendment signed by the day', () => {
    const [placement, ...others] = placementsOn(conventions, 'COMPETENCE', '2026-11-28');
    expect(others).toEqual([]);
    expect(placement?.convention.id).toBe('root');
    expect(placement?.current.id).toBe('avenant-2');
    expect(placement?.signedAmendments).toBe(2);
  });

  it('ignores what was signed after the day', () => {
    const [placement] = placementsOn(conventions, 'COMPETENCE', '2026-07-01');
    expect(placement?.current.id).toBe('avenant-1');
    expect(placement?.signedAmendments).toBe(1);
    expect(placementsOn(conventions, 'COMPETENCE', '2025-12-14')).toEqual([]);
  });
});

describe('listHref', () => {
  const period = { from: '2026-01-01', to: '2026-12-31' };

  it('adds the kind, state, creation days and commune that the lists accept', () => {
    expect(listHref('/conventions', { period, territory: { level: 'commune', code: '30189', name: 'Nîmes' } }, { kind: 'STAGE', status: 'SIGNED', dated: true })).toBe(
      '/conventions?kind=STAGE&status=SIGNED&from=2026-01-01&to=2026-12-31&commune=30189',
    );
  });

  it('leaves out a territory the lists do not know', () => {
    expect(listHref('/mises-en-relation', { period, territory: { level: 'epci', code: '243000643', name: 'Nîmes Métropole' } }, {})).toBe('/mises-en-relation');
  });
});
