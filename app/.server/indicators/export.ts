import ExcelJS from 'exceljs';
import { formatDate, kindLabels } from '../../lib/labels';
import { toCsv } from '../csv-export';
import type { IndicatorReport, IndicatorTable } from './report';
import type { Column } from './types';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const header = (column: Column) => (column.unit && column.unit !== 'nombre' ? `${column.label} (${column.unit})` : column.label);

/** What the figures describe, in French: period, situation day, territory, kind. */
export function reportScope(report: IndicatorReport): [string, string][] {
  return [
    ['Période', `du ${formatDate(report.period.from)} au ${formatDate(report.period.to)}`],
    ['Situation au', formatDate(report.referenceDay)],
    ['Territoire', report.territory?.name ?? 'Tout le Gard'],
    ['Type', report.kinds.length === 1 && report.kinds[0] ? kindLabels[report.kinds[0]].plural : 'Tous les types'],
  ];
}

/** CSV for French spreadsheets: decimals with a comma. */
export function tableCsv(table: IndicatorTable): string {
  return toCsv(
    table.columns.map(header),
    table.rows.map((row) => row.map((cell) => (typeof cell === 'number' && !Number.isInteger(cell) ? String(cell).replace('.', ',') : cell))),
  );
}

/** A workbook with the table (sheet « Données », numbers as numbers) and what it means (sheet « Définition »). */
export async function tableXlsx(table: IndicatorTable, report: IndicatorReport, generatedAt: Date): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Passerelles';
  workbook.created = generatedAt;
  const data = workbook.addWorksheet('Données');
  data.addRow(table.columns.map(header)).font = { bold: true };
  for (const row of table.rows) data.addRow(row);
  data.columns.forEach((column, index) => {
    const longest = Math.max(...[table.columns[index]?.label ?? '', ...table.rows.map((row) => String(row[index] ?? ''))].map((text) => text.length));
    column.width = Math.min(60, Math.max(10, longest + 2));
  });
  data.views = [{ state: 'frozen', ySplit: 1 }];
  const about = workbook.addWorksheet('Définition');
  about.addRows([['Tableau', table.title], ['Définition', table.definition], ...reportScope(report), ['Produit le', formatDate(generatedAt)], ['Source', 'Passerelles, plateforme ESS du Gard : indicateurs calculés à partir des données, jamais saisis']]);
  about.getColumn(1).font = { bold: true };
  about.getColumn(1).width = 16;
  about.getColumn(2).width = 100;
  about.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export function xlsxResponse(fileName: string, body: Uint8Array<ArrayBuffer>): Response {
  return new Response(body, {
    headers: {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
