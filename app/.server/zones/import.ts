import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { LatLon } from '../../../matching/geo';
import {
  areasWithin,
  hasFrrHeader,
  parseOutline,
  parseQpvCollection,
  qpvOf,
  readFrrRows,
  ZoneFileError,
  type QpvArea,
  type SheetRow,
  type ZoneGeometry,
} from '../../../matching/zones';
import type { Prisma } from '../db/generated/client';
import { AppError } from '../errors';
import { CsvSyntaxError, parseCsv } from '../pupils/csv';
import type { Services } from '../services';

/** An uploaded or read file: its name (for the audit log) and its bytes. */
export interface ZoneFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportOptions {
  /** Who imported (null from the command line). */
  actorId?: string | null;
}

const FRR_REFUSED = 'Liste FRR non importée : rien n’a été modifié.';
const QPV_REFUSED = 'Périmètres QPV non importés : rien n’a été modifié.';

const refusal = (summary: string, problems: string[]) => new AppError('VALIDATION', summary, { fieldErrors: { file: problems } });

function requireFile(file: ZoneFile | null, summary: string): ZoneFile {
  if (!file || file.bytes.length === 0) throw refusal(summary, ['Choisissez un fichier.']);
  return file;
}

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((byte, index) => bytes[index] === byte);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

/** French spreadsheets export CSV in UTF-8 or in Windows-1252: the latter is read when the bytes are not UTF-8. */
function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Non-empty rows of a sheet, with their row numbers, as the text Excel shows. */
function sheetRows(sheet: ExcelJS.Worksheet): SheetRow[] {
  const rows: SheetRow[] = [];
  sheet.eachRow((row, line) => {
    const cells = Array.from({ length: row.cellCount }, (_, index) => row.getCell(index + 1).text);
    if (cells.some((cell) => cell.trim() !== '')) rows.push({ line, cells });
  });
  return rows;
}

/** The rows of the list, from the first sheet that has its header (or the first sheet, to report what is missing). */
async function frrRows(bytes: Uint8Array): Promise<{ rows: SheetRow[]; sheet: string | null }> {
  if (startsWith(bytes, OLE)) {
    throw refusal(FRR_REFUSED, ['Ancien format Excel (.xls) : enregistrez le classeur au format .xlsx, ou en CSV.']);
  }
  if (!startsWith(bytes, ZIP)) {
    try {
      return { rows: parseCsv(decodeCsv(bytes)), sheet: null };
    } catch (error) {
      if (error instanceof CsvSyntaxError) throw refusal(FRR_REFUSED, [error.message]);
      throw error;
    }
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch {
    throw refusal(FRR_REFUSED, ['Classeur illisible : enregistrez-le au format .xlsx (Excel), ou en CSV.']);
  }
  const sheets = workbook.worksheets.map((sheet) => ({ sheet: sheet.name, rows: sheetRows(sheet) }));
  const found = sheets.find((candidate) => hasFrrHeader(candidate.rows)) ?? sheets[0];
  if (!found) throw refusal(FRR_REFUSED, ['Le classeur ne contient aucune feuille.']);
  return found;
}

export interface FrrImportResult {
  /** Gard communes now classified, by classification as written (« FRR », « FRR+ »). */
  classified: Record<string, number>;
  /** Gard communes of the database now without classification. */
  notClassified: number;
  /** Rows of other départements, ignored. */
  otherDepartments: number;
  /** Gard codes of the file unknown to the database (e.g. a commune since merged): one sentence each, ignored. */
  unknownCommunes: string[];
}

/**
 * Imports the DGCL's France Ruralités Revitalisation list (XLSX or CSV), all or nothing: the Gard communes it
 * classifies get their classification, every other commune loses it.
 */
export async function importFrr(services: Services, input: ZoneFile | null, options: ImportOptions = {}): Promise<FrrImportResult> {
  const file = requireFile(input, FRR_REFUSED);
  const { rows, sheet } = await frrRows(file.bytes);
  let list;
  try {
    list = readFrrRows(rows);
  } catch (error) {
    if (error instanceof ZoneFileError) throw refusal(sheet ? `${FRR_REFUSED} (feuille « ${sheet} »)` : FRR_REFUSED, error.problems);
    throw error;
  }
  const known = new Set((await services.prisma.commune.findMany({ select: { code: true } })).map((commune) => commune.code));
  if (known.size === 0) throw new AppError('CONFLICT', 'Aucune commune en base : chargez d’abord les communes du Gard (npm run db:seed).');
  const unknownCommunes = list.communes
    .filter((commune) => !known.has(commune.code))
    .map((commune) => `Ligne ${commune.line} : ${commune.name} (${commune.code}) n’est pas une commune actuelle du Gard : ligne ignorée.`);
  const byClassification = new Map<string, string[]>();
  for (const commune of list.communes) {
    if (commune.classification && known.has(commune.code)) {
      byClassification.set(commune.classification, [...(byClassification.get(commune.classification) ?? []), commune.code]);
    }
  }
  const classifiedCodes = [...byClassification.values()].flat();
  const classified = Object.fromEntries([...byClassification].map(([classification, codes]) => [classification, codes.length]));
  const result: FrrImportResult = {
    classified,
    notClassified: known.size - classifiedCodes.length,
    otherDepartments: list.otherDepartments,
    unknownCommunes,
  };
  await services.prisma.$transaction(async (tx) => {
    await tx.commune.updateMany({ where: { code: { notIn: classifiedCodes } }, data: { frr: false, frrClassification: null } });
    for (const [classification, codes] of byClassification) {
      await tx.commune.updateMany({ where: { code: { in: codes } }, data: { frr: true, frrClassification: classification } });
    }
    await tx.auditLog.create({
      data: {
        actorId: options.actorId ?? null,
        action: 'frr.imported',
        targetType: 'Commune',
        details: { file: file.name, ...result, unknownCommunes: unknownCommunes.length },
        at: services.clock.now(),
      },
    });
  });
  return result;
}

let outline: ZoneGeometry | undefined;

/** The Gard's outline shipped for the map (IGN Admin Express): a QPV of the file is kept when it lies inside. */
function gardOutline(): ZoneGeometry {
  if (!outline) {
    const file = path.resolve(process.cwd(), 'public/geo/gard-departement.geojson');
    try {
      outline = parseOutline(JSON.parse(fs.readFileSync(file, 'utf8')));
    } catch (error) {
      throw new AppError('CONFIG', `Contour du Gard illisible (${file}).`, { cause: error });
    }
  }
  return outline;
}

interface Located {
  id: string;
  lat: number | null;
  lon: number | null;
}

/** Which of these addresses lie in a quartier, and which do not (those without coordinates are left out). */
function placeAll(rows: Located[], areas: QpvArea[]): { inside: string[]; outside: string[] } {
  const inside: string[] = [];
  const outside: string[] = [];
  for (const { id, lat, lon } of rows) {
    if (lat === null || lon === null) continue;
    const point: LatLon = { lat, lon };
    (qpvOf(point, areas) ? inside : outside).push(id);
  }
  return { inside, outside };
}

export interface QpvImportResult {
  /** Quartiers of the Gard now in the database. */
  areas: number;
  /** Quartiers of the file outside the Gard, ignored. */
  outsideGard: number;
  /** Addresses with coordinates, placed again; the others keep their declared value. */
  organisations: { located: number; inQpv: number };
  properties: { located: number; inQpv: number };
}

/**
 * Imports the ANCT's QPV boundaries (GeoJSON), all or nothing: the Gard's quartiers replace the previous ones, and
 * every organisation and property with coordinates is placed in or out of a quartier again.
 */
export async function importQpv(services: Services, input: ZoneFile | null, options: ImportOptions = {}): Promise<QpvImportResult> {
  const file = requireFile(input, QPV_REFUSED);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(file.bytes));
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : 'le texte n’est pas en UTF-8';
    throw refusal(QPV_REFUSED, [`Le fichier n’est pas un GeoJSON lisible (${reason}).`]);
  }
  let areas: QpvArea[];
  try {
    areas = parseQpvCollection(value);
  } catch (error) {
    if (error instanceof ZoneFileError) throw refusal(QPV_REFUSED, error.problems);
    throw error;
  }
  const { kept, outside } = areasWithin(areas, gardOutline());
  if (kept.length === 0) throw refusal(QPV_REFUSED, [`Aucun des ${areas.length} quartier(s) du fichier n’est dans le Gard.`]);
  const now = services.clock.now();
  return services.prisma.$transaction(
    async (tx) => {
      await tx.qpvArea.deleteMany();
      await tx.qpvArea.createMany({
        data: kept.map((area) => ({ ...area, geometry: area.geometry as Prisma.InputJsonValue, importedAt: now })),
      });
      const where = { lat: { not: null }, lon: { not: null } };
      const organisations = placeAll(await tx.organisation.findMany({ where, select: { id: true, lat: true, lon: true } }), kept);
      await tx.organisation.updateMany({ where: { id: { in: organisations.inside } }, data: { inQpv: true } });
      await tx.organisation.updateMany({ where: { id: { in: organisations.outside } }, data: { inQpv: false } });
      const properties = placeAll(
        (await tx.propertyOffer.findMany({ where, select: { offerId: true, lat: true, lon: true } })).map(({ offerId, ...point }) => ({ id: offerId, ...point })),
        kept,
      );
      await tx.propertyOffer.updateMany({ where: { offerId: { in: properties.inside } }, data: { inQpv: true } });
      await tx.propertyOffer.updateMany({ where: { offerId: { in: properties.outside } }, data: { inQpv: false } });
      const result: QpvImportResult = {
        areas: kept.length,
        outsideGard: outside,
        organisations: { located: organisations.inside.length + organisations.outside.length, inQpv: organisations.inside.length },
        properties: { located: properties.inside.length + properties.outside.length, inQpv: properties.inside.length },
      };
      await tx.auditLog.create({
        data: { actorId: options.actorId ?? null, action: 'qpv.imported', targetType: 'QpvArea', details: { file: file.name, ...result }, at: now },
      });
      return result;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
