import { describe, expect, it } from 'vitest';
import { LE_VIGAN, NIMES, at, conventionRow, rows } from '../../../tests/support/indicator-rows';
import { indicatorTables, reportFromRows } from './report';

const data = rows({
  properties: [{ offerId: 'P1', propertyType: 'ROOFTOP', surfaceM2: 300, communeCode: LE_VIGAN, status: 'PUBLISHED', publishedAt: at('2026-02-01') }],
  colleges: [{ id: 'K1', name: 'Collège Arènes', communeCode: NIMES, rep: false, repPlus: false, qpv: true }],
  conventions: [
    conventionRow({
      id: 'lieu',
      kind: 'LIEU',
      status: 'IN_PROGRESS',
      start: '2026-03-01',
      end: '2027-02-28',
      signedAt: at('2026-02-20'),
      createdAt: at('2026-02-10'),
      need: { organisationName: 'Coopérative solaire', tiersLieu: false, communeCode: NIMES },
      offer: { id: 'P1', communeCode: LE_VIGAN, organisationName: 'Service du patrimoine' },
      surveys: [{ role: 'OCCUPANT', score: 4 }],
    }),
    conventionRow({
      id: 'stage',
      kind: 'STAGE',
      status: 'DRAFT',
      start: '2026-03-02',
      end: '2026-03-06',
      pupil: { id: 'p1', priority: false },
      need: { organisationId: 'K1', organisationName: 'Collège Arènes', mode: 'GROUP', communeCode: NIMES },
      offer: { organisationName: 'Ressourcerie' },
    }),
    conventionRow({
      id: 'competence',
      kind: 'COMPETENCE',
      status: 'SIGNED',
      start: '2025-01-01',
      end: '2025-06-30',
      signedAt: at('2024-12-01'),
      createdAt: at('2024-11-20'),
      agent: { id: 'a1', grade: 'Rédacteur' },
      hoursPerMonth: 8,
    }),
  ],
});

describe('reportFromRows', () => {
  it('computes the sections of every action, then the platform, with unique table ids', () => {
    const report = reportFromRows(data, { year: 2026 }, '2026-11-28');
    expect(report.period).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(report.referenceDay).toBe('2026-11-28');
    expect([...new Set(report.indicators.map((indicator) => indicator.action))]).toEqual(['1.3', '2.2', '2.4', 'plateforme']);
    const ids = indicatorTables(report).map((table) => table.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('lieux-vacance');
    expect(ids).toContain('stages-par-college');
    expect(ids).toContain('competences-organismes-accueil');
  });

  it('shows one action and the platform for that kind only', () => {
    const report = reportFromRows(data, { year: 2026, kind: 'STAGE' }, '2026-11-28');
    expect([...new Set(report.indicators.map((indicator) => indicator.action))]).toEqual(['2.2', 'plateforme']);
    expect(report.records.rows.map((row) => row[0])).toEqual(['REF-stage']);
  });

  it('names the territory and refuses one that is not in the Gard', () => {
    expect(reportFromRows(data, { year: 2026, territory: { level: 'epci', code: '243000270' } }, '2026-11-28').territory).toEqual({
      level: 'epci',
      code: '243000270',
      name: 'CC du Pays Viganais',
    });
    expect(reportFromRows(data, { year: 2026, territory: { level: 'arrondissement', code: '302' } }, '2026-11-28').territory?.name).toBe('Arrondissement de Nîmes');
    expect(() => reportFromRows(data, { year: 2026, territory: { level: 'commune', code: '34172' } }, '2026-11-28')).toThrow('La commune 34172 n’existe pas dans le Gard.');
  });

  it('turns each indicator’s figures into a table: measure, value, unit', () => {
    const report = reportFromRows(data, { year: 2026 }, '2026-11-28');
    const surface = indicatorTables(report).find((table) => table.id === 'lieux-surface');
    expect(surface).toMatchObject({ title: 'Surface mise à disposition', columns: [{ label: 'Mesure' }, { label: 'Valeur' }, { label: 'Unité' }], rows: [['Surface', 300, 'm²']] });
    expect(surface?.definition).toContain('Somme des surfaces');
  });
});

describe('records behind the indicators', () => {
  it('lists the conventions of the period in the territory, with places and organisations only', () => {
    const report = reportFromRows(data, { year: 2026 }, '2026-11-28');
    const { columns, rows: records } = report.records;
    expect(records).toHaveLength(2);
    const byLabel = (row: (typeof records)[number]) => Object.fromEntries(columns.map((column, index) => [column.label, row[index]]));
    expect(byLabel(records[0] ?? [])).toMatchObject({
      Référence: 'REF-lieu',
      Type: 'Lieu',
      État: 'En cours',
      'Créée le': '2026-02-10',
      'Signée le': '2026-02-20',
      Commune: 'Le Vigan',
      Intercommunalité: 'CC du Pays Viganais',
      'Type de bien': 'Toiture (solaire)',
      Surface: 300,
      'Tiers-lieu': 'non',
      'Notes de satisfaction': '4',
    });
    expect(byLabel(records[1] ?? [])).toMatchObject({ Référence: 'REF-stage', Commune: 'Nîmes', 'Accueil (stage)': 'en groupe', 'Élève prioritaire ou collège REP/QPV': 'oui' });
    expect(reportFromRows(data, { year: 2025 }, '2026-11-28').records.rows.map((row) => row[0])).toEqual(['REF-competence']);
    expect(reportFromRows(data, { year: 2026, territory: { level: 'commune', code: NIMES } }, '2026-11-28').records.rows.map((row) => row[0])).toEqual(['REF-stage']);
  });

  it('has no column for a person', () => {
    const labels = reportFromRows(data, { year: 2026 }, '2026-11-28').records.columns.map((column) => column.label.toLowerCase());
    for (const word of ['nom', 'prénom', 'e-mail', 'courriel', 'naissance', 'adresse']) expect(labels.join('|')).not.toContain(word);
  });
});
