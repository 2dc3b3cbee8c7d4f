import { z } from 'zod';
import { describeIssues } from './exchange-format';
import type { LatLon } from './geo';

/**
 * Priority zones from the official files: the France Ruralités Revitalisation list of communes (DGCL) and the
 * boundaries of the quartiers prioritaires de la politique de la ville (ANCT GeoJSON). Pure: the files are read,
 * and the database written, by app/.server/zones.
 */

/** A bad file: every problem found, one French sentence each (line or feature first). */
export class ZoneFileError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.length === 1 ? (problems[0] ?? '') : `${problems.length} problèmes dans le fichier.`);
    this.name = 'ZoneFileError';
  }
}

/** A national file can be wrong everywhere: beyond this many problems, the rest are only counted. */
export const MAX_REPORTED_PROBLEMS = 100;

function capped(problems: string[]): string[] {
  if (problems.length <= MAX_REPORTED_PROBLEMS) return problems;
  const rest = problems.length - MAX_REPORTED_PROBLEMS;
  return [...problems.slice(0, MAX_REPORTED_PROBLEMS), `… et ${rest} autre(s) problème(s).`];
}

const simplify = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9+]+/g, ' ')
    .trim();

// ——— Geometry (GeoJSON, WGS 84: positions are [longitude, latitude]) ———

const outOfBounds =
  'coordonnées hors des bornes WGS 84 (longitude, latitude) : le fichier est sans doute en Lambert 93 ; prenez sa version WGS 84 (EPSG:4326)';

const position = z
  .tuple([z.number(), z.number()], z.number(), { error: 'position [longitude, latitude] attendue' })
  .refine(([lon, lat]) => Math.abs(lon) <= 180 && Math.abs(lat) <= 90, outOfBounds);

const ring = z
  .array(position, { error: 'contour attendu (liste de positions)' })
  .min(4, 'un contour a au moins 4 positions')
  .refine((points) => {
    const first = points[0];
    const last = points[points.length - 1];
    return first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
  }, 'contour non fermé : la dernière position doit répéter la première');

const polygonCoordinates = z.array(ring, { error: 'liste de contours attendue' }).min(1, 'polygone sans contour');

const geometrySchema = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('Polygon'), coordinates: polygonCoordinates }),
    z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(polygonCoordinates, { error: 'liste de polygones attendue' }).min(1, 'multipolygone vide') }),
  ],
  { error: 'géométrie Polygon ou MultiPolygon attendue' },
);

type Position = z.infer<typeof position>;
type Ring = Position[];
export type ZoneGeometry = z.infer<typeof geometrySchema>;

const polygonsOf = (geometry: ZoneGeometry): Ring[][] => (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates);

/** Ray casting (even–odd rule): is the point inside this closed ring? Longitude is x, latitude is y. */
function insideRing(point: LatLon, points: Ring): boolean {
  let inside = false;
  let previous = points[points.length - 1];
  for (const current of points) {
    if (previous) {
      const [x1, y1] = current;
      const [x2, y2] = previous;
      if (y1 > point.lat !== y2 > point.lat && point.lon < ((x2 - x1) * (point.lat - y1)) / (y2 - y1) + x1) inside = !inside;
    }
    previous = current;
  }
  return inside;
}

/** Inside the outer ring and in none of the holes. */
function insidePolygon(point: LatLon, rings: Ring[]): boolean {
  const [outer, ...holes] = rings;
  return outer !== undefined && insideRing(point, outer) && !holes.some((hole) => insideRing(point, hole));
}

/** Is the point inside a Polygon or MultiPolygon (holes excluded)? */
export function pointInGeometry(point: LatLon, geometry: ZoneGeometry): boolean {
  return polygonsOf(geometry).some((rings) => insidePolygon(point, rings));
}

interface Bounds {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

function geometryBounds(geometry: ZoneGeometry): Bounds {
  const bounds = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
  for (const rings of polygonsOf(geometry)) {
    for (const [lon, lat] of rings[0] ?? []) {
      bounds.minLon = Math.min(bounds.minLon, lon);
      bounds.maxLon = Math.max(bounds.maxLon, lon);
      bounds.minLat = Math.min(bounds.minLat, lat);
      bounds.maxLat = Math.max(bounds.maxLat, lat);
    }
  }
  return bounds;
}

const boundsOverlap = (a: Bounds, b: Bounds) => a.minLon <= b.maxLon && b.minLon <= a.maxLon && a.minLat <= b.maxLat && b.minLat <= a.maxLat;

/** True when some vertex of the geometry lies inside the outline (a QPV of the Gard inside the département's outline). */
export function touchesOutline(geometry: ZoneGeometry, outline: ZoneGeometry): boolean {
  if (!boundsOverlap(geometryBounds(geometry), geometryBounds(outline))) return false;
  return polygonsOf(geometry).some((rings) => (rings[0] ?? []).some(([lon, lat]) => pointInGeometry({ lat, lon }, outline)));
}

// ——— QPV (ANCT GeoJSON) ———

export interface QpvArea {
  code: string;
  name: string;
  /** As written in the file (names or INSEE codes). */
  communes: string;
  geometry: ZoneGeometry;
}

/** The quartier that contains the point, if any. */
export function qpvOf(point: LatLon, areas: readonly QpvArea[]): QpvArea | null {
  return areas.find((area) => pointInGeometry(point, area.geometry)) ?? null;
}

const label = (name: string) =>
  z
    .string({ error: `${name} manquant` })
    .trim()
    .min(1, `${name} vide`)
    .max(300, `${name} trop long (300 caractères au plus)`);

const featureSchema = z.object(
  {
    type: z.literal('Feature', { error: 'type « Feature » attendu' }),
    properties: z.object(
      { code_qp: label('code_qp'), nom_qp: label('nom_qp'), commune_qp: label('commune_qp') },
      { error: 'propriétés (code_qp, nom_qp, commune_qp) manquantes' },
    ),
    geometry: geometrySchema,
  },
  { error: 'objet GeoJSON « Feature » attendu' },
);

/**
 * Property names as the ANCT writes them, whatever their case (the 2015 file wrote CODE_QP…); lib_qp and lib_com,
 * the names of another edition, stand in for nom_qp and commune_qp.
 */
function normaliseProperties(feature: unknown): unknown {
  if (typeof feature !== 'object' || feature === null || !('properties' in feature)) return feature;
  const { properties } = feature;
  if (typeof properties !== 'object' || properties === null) return feature;
  const lower = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key.toLowerCase(), value]));
  return {
    ...feature,
    properties: { ...lower, nom_qp: lower.nom_qp ?? lower.lib_qp, commune_qp: lower.commune_qp ?? lower.lib_com },
  };
}

const collectionSchema = z.object(
  {
    type: z.literal('FeatureCollection', { error: '« FeatureCollection » attendu : le fichier doit être une FeatureCollection GeoJSON' }),
    features: z.array(z.unknown(), { error: 'liste des quartiers manquante' }),
  },
  { error: 'FeatureCollection GeoJSON attendue' },
);

/**
 * Checks an ANCT FeatureCollection of QPV (already parsed from JSON): every feature named by its position, with its
 * code when it has one; throws ZoneFileError listing every problem.
 */
export function parseQpvCollection(value: unknown): QpvArea[] {
  const collection = collectionSchema.safeParse(value);
  if (!collection.success) throw new ZoneFileError(describeIssues(collection.error));
  if (collection.data.features.length === 0) throw new ZoneFileError(['Le fichier ne contient aucun quartier (liste « features » vide).']);
  const problems: string[] = [];
  const areas: QpvArea[] = [];
  const firstIndex = new Map<string, number>();
  collection.data.features.forEach((raw, index) => {
    const parsed = featureSchema.safeParse(normaliseProperties(raw));
    const where = `Entité n° ${index + 1} (features[${index}])`;
    if (!parsed.success) {
      const messages = [...new Set(describeIssues(parsed.error))];
      problems.push(`${where} : ${messages.slice(0, 3).join(' ; ')}${messages.length > 3 ? ' ; …' : ''}.`);
      return;
    }
    const { code_qp: code, nom_qp: name, commune_qp: communes } = parsed.data.properties;
    const first = firstIndex.get(code);
    if (first !== undefined) {
      problems.push(`${where} : code_qp ${code} déjà porté par l’entité n° ${first + 1}.`);
      return;
    }
    firstIndex.set(code, index);
    areas.push({ code, name, communes, geometry: parsed.data.geometry });
  });
  if (problems.length) throw new ZoneFileError(capped(problems));
  return areas;
}

/** Keeps the quartiers inside the outline (the Gard); the others are only counted. */
export function areasWithin(areas: readonly QpvArea[], outline: ZoneGeometry): { kept: QpvArea[]; outside: number } {
  const kept = areas.filter((area) => touchesOutline(area.geometry, outline));
  return { kept, outside: areas.length - kept.length };
}

/** Validates a GeoJSON geometry given to the code (the département outline shipped in public/geo). */
export function parseOutline(value: unknown): ZoneGeometry {
  const parsed = z.object({ geometry: geometrySchema }).safeParse(value);
  if (!parsed.success) throw new ZoneFileError(describeIssues(parsed.error));
  return parsed.data.geometry;
}

// ——— France Ruralités Revitalisation (DGCL list) ———

/** One row of a spreadsheet or CSV file, with its line number in the file. */
export interface SheetRow {
  line: number;
  cells: string[];
}

export interface FrrCommune {
  line: number;
  code: string;
  name: string;
  /** As written (« FRR », « FRR+ »…); null when the file lists the commune as not classified (« NC », « Non classée »). */
  classification: string | null;
}

export interface FrrList {
  /** Gard communes only (INSEE code 30xxx). */
  communes: FrrCommune[];
  /** Rows of other départements, ignored. */
  otherDepartments: number;
}

const GARD_PREFIX = '30';

const frrColumns = {
  code: ['code insee', 'codeinsee', 'code commune', 'insee', 'codgeo', 'code geo', 'insee com'],
  department: ['departement', 'dep', 'dept', 'code departement', 'nom departement', 'libelle departement'],
  name: ['commune', 'nom commune', 'nom de la commune', 'libelle commune', 'libgeo', 'nom'],
  classification: [
    'frr',
    'classement frr',
    'zonage frr',
    'classement',
    'zonage',
    'classement en frr',
    'france ruralites revitalisation',
    'classement france ruralites revitalisation',
    'zonage france ruralites revitalisation',
  ],
} as const;

type FrrColumn = keyof typeof frrColumns;

const frrColumnLabels: Record<FrrColumn, string> = {
  code: 'Code_insee',
  department: 'Departement',
  name: 'Commune',
  classification: 'FRR (ou « Classement FRR », « Zonage FRR »)',
};

/** The header may come after a title: it is looked for in the first rows. */
const HEADER_SEARCH_ROWS = 10;

function columnPositions(row: SheetRow): Map<FrrColumn, number> {
  const positions = new Map<FrrColumn, number>();
  row.cells.forEach((cell, index) => {
    const name = simplify(cell);
    for (const [column, aliases] of Object.entries(frrColumns) as [FrrColumn, readonly string[]][]) {
      if (!positions.has(column) && aliases.includes(name)) positions.set(column, index);
    }
  });
  return positions;
}

function findHeader(rows: SheetRow[]): { index: number; positions: Map<FrrColumn, number> } | null {
  for (const [index, row] of rows.slice(0, HEADER_SEARCH_ROWS).entries()) {
    const positions = columnPositions(row);
    if (positions.has('code') && positions.has('classification')) return { index, positions };
  }
  return null;
}

/** Whether these rows (one sheet of a workbook) hold the list: its header is among the first rows. */
export function hasFrrHeader(rows: SheetRow[]): boolean {
  return findHeader(rows) !== null;
}

/** A code stored as a number loses its leading zero (1004 for 01004): put it back when the département says so. */
const normaliseCode = (value: string, department: string) => {
  const code = value.replace(/\s+/g, '').toUpperCase();
  return /^\d{4}$/.test(code) && /^0?[1-9]$/.test(department.trim()) ? `0${code}` : code;
};

const notClassified = (value: string) => /^(nc|non)( |$)/.test(simplify(value));

const frrRowSchema = z.object({
  code: z
    .string()
    .refine((code) => /^(\d{5}|2[AB]\d{3})$/.test(code), { error: (issue) => `code INSEE invalide (« ${String(issue.input)} », 5 caractères attendus, ex. 30189)` }),
  department: z.string().trim().min(1, 'département manquant'),
  name: z.string().trim().min(1, 'nom de la commune manquant').max(200, 'nom de la commune trop long'),
  classification: z
    .string()
    .trim()
    .min(1, 'classement FRR manquant')
    .max(50, 'classement FRR trop long (50 caractères au plus)')
    .transform((value) => (notClassified(value) ? null : value.replace(/\s+/g, ' '))),
});

/**
 * Reads the DGCL list (its rows from a workbook sheet or a CSV file): every row is checked, and the file is refused
 * as a whole, one message per bad line, if any is wrong. Only the Gard's communes are returned.
 */
export function readFrrRows(rows: SheetRow[]): FrrList {
  const header = findHeader(rows);
  if (!header) {
    const expected = Object.values(frrColumnLabels).join(', ');
    throw new ZoneFileError([`Ligne d’en-tête introuvable : la liste doit avoir les colonnes ${expected}.`]);
  }
  const headerLine = rows[header.index]?.line ?? 1;
  const missing = (Object.keys(frrColumns) as FrrColumn[]).filter((column) => !header.positions.has(column));
  if (missing.length) {
    throw new ZoneFileError([`Ligne ${headerLine} : colonne(s) absente(s) : ${missing.map((column) => frrColumnLabels[column]).join(', ')}.`]);
  }
  const data = rows.slice(header.index + 1);
  if (data.length === 0) throw new ZoneFileError(['Le fichier ne contient aucune commune.']);

  const cell = (row: SheetRow, column: FrrColumn) => row.cells[header.positions.get(column) ?? -1] ?? '';
  const problems: string[] = [];
  const communes: FrrCommune[] = [];
  const seen = new Map<string, number>();
  let otherDepartments = 0;
  for (const row of data) {
    const parsed = frrRowSchema.safeParse({
      code: normaliseCode(cell(row, 'code'), cell(row, 'department')),
      department: cell(row, 'department'),
      name: cell(row, 'name'),
      classification: cell(row, 'classification'),
    });
    if (!parsed.success) {
      problems.push(`Ligne ${row.line} : ${parsed.error.issues.map((issue) => issue.message).join(' ; ')}.`);
      continue;
    }
    const { code, name, classification } = parsed.data;
    const first = seen.get(code);
    if (first !== undefined) {
      problems.push(`Ligne ${row.line} : commune ${code} déjà présente à la ligne ${first}.`);
      continue;
    }
    seen.set(code, row.line);
    if (code.startsWith(GARD_PREFIX)) communes.push({ line: row.line, code, name, classification });
    else otherDepartments++;
  }
  if (problems.length) throw new ZoneFileError(capped(problems));
  if (communes.length === 0) throw new ZoneFileError([`Aucune commune du Gard (code INSEE ${GARD_PREFIX}xxx) dans le fichier.`]);
  return { communes, otherDepartments };
}
