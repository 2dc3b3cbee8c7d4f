import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { rows } from '../../../tests/support/indicator-rows';
import { reportScope, tableCsv, tableXlsx } from './export';
import { reportFromRows, type IndicatorTable } from './report';

const table: IndicatorTable = {
  id: 'essai',
  title: 'Tableau d’essai',
  definition: 'Une définition ; avec « guillemets ».',
  columns: [{ label: 'Libellé' }, { label: 'Nombre', unit: 'nombre' }, { label: 'Heures', unit: 'heures' }],
  rows: [
    ['=SOMME(A1)', 3, 113.8],
    ['Sans valeur', null, 0],
  ],
};
const report = reportFromRows(rows({}), { year: 2026, territory: { level: 'commune', code: '30189' }, kind: 'STAGE' }, '2026-11-28');

describe('exports of a table', () => {
  it('writes a CSV for French spreadsheets: units in the header, decimal commas, formulas neutralised', () => {
    expect(tableCsv(table)).toBe('\uFEFFLibellé;Nombre;Heures (heures)\r\n\'=SOMME(A1);3;113,8\r\nSans valeur;;0\r\n');
  });

  it('writes an XLSX that reads back: data with numbers, then the definition and the filters', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await tableXlsx(table, report, new Date('2026-11-28T10:00:00Z'))).buffer);
    const data = workbook.getWorksheet('Données');
    expect(data?.getRow(1).values).toEqual([undefined, 'Libellé', 'Nombre', 'Heures (heures)']);
    expect(data?.getRow(2).values).toEqual([undefined, '=SOMME(A1)', 3, 113.8]);
    expect(data?.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(data?.getRow(3).getCell(2).value).toBeNull();
    expect(data?.getRow(3).getCell(3).value).toBe(0);
    expect(data?.rowCount).toBe(3);
    const about = workbook.getWorksheet('Définition');
    const pairs = Object.fromEntries((about?.getSheetValues() ?? []).flatMap((row) => (Array.isArray(row) ? [[row[1], row[2]]] : [])));
    expect(pairs).toMatchObject({
      Tableau: 'Tableau d’essai',
      Définition: 'Une définition ; avec « guillemets ».',
      Période: 'du 1 janvier 2026 au 31 décembre 2026',
      'Situation au': '28 novembre 2026',
      Territoire: 'Nîmes',
      Type: 'Stages de 3e',
    });
  });

  it('describes the scope of a report without filters', () => {
    expect(reportScope(reportFromRows(rows({}), { year: 2025 }, '2026-11-28'))).toEqual([
      ['Période', 'du 1 janvier 2025 au 31 décembre 2025'],
      ['Situation au', '31 décembre 2025'],
      ['Territoire', 'Tout le Gard'],
      ['Type', 'Tous les types'],
    ]);
  });
});
