// Builds the Gard geographic reference data: prisma/data/communes-gard.json and public/geo/*.geojson.
// Run: npx tsx prisma/data/build-geo.ts  (contours dir overridable with GEO_SOURCE_DIR)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Position = [number, number];
type Ring = Position[];
type Polygon = Ring[];
type Geometry = { type: 'Polygon'; coordinates: Polygon } | { type: 'MultiPolygon'; coordinates: Polygon[] };
interface Feature { type: 'Feature'; properties: { code: string; nom: string }; geometry: Geometry }
interface FeatureCollection { type: 'FeatureCollection'; features: Feature[] }

interface EtalabCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  arrondissement?: string;
  codesPostaux?: string[];
  population?: number;
  anciensCodes?: string[];
  chefLieu?: string;
}
interface EtalabEpci { code: string; nom: string; membres: { code: string }[] }
interface EtalabArrondissement { code: string; nom: string; departement: string }

const DEP = '30';
const BBOX = { minLon: 3.2, maxLon: 4.9, minLat: 43.4, maxLat: 44.5 };
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SOURCE_DIR = process.env.GEO_SOURCE_DIR ?? '/work/shared/data/geo';

function fail(message: string): never {
  throw new Error(`build-geo: ${message}`);
}

const require = createRequire(import.meta.url);
const etalab = (file: string): string => require.resolve(`@etalab/decoupage-administratif/data/${file}`);
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const readSource = <T>(file: string): T => readJson<T>(join(SOURCE_DIR, file));

// ---------- geometry helpers (planar, lon/lat) ----------

const round5 = (v: number): number => Math.round(v * 1e5) / 1e5;
const key = (p: Position): string => `${p[0]},${p[1]}`;

function segments(ring: Ring): [Position, Position][] {
  return ring.slice(1).map((b, i): [Position, Position] => [ring[i] ?? b, b]);
}

function signedArea(ring: Ring): number {
  return segments(ring).reduce((s, [[x0, y0], [x1, y1]]) => s + x0 * y1 - x1 * y0, 0) / 2;
}

// RFC 7946 winding (outer counter-clockwise, holes clockwise): lets signed areas add up directly.
function normalise(polygon: Polygon): Polygon {
  return polygon.map((ring, i) => {
    const r = ring.map((p): Position => [round5(p[0]), round5(p[1])]);
    const ccw = signedArea(r) > 0;
    return (i === 0) === ccw ? r : r.reverse();
  });
}

function pointInRing([x, y]: Position, ring: Ring): boolean {
  let inside = false;
  for (const [[xi, yi], [xj, yj]] of segments(ring)) {
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

// Dissolves adjacent pieces by cancelling the edges they share (the 2018 contours share exact vertices).
// Returns null when the result is not a clean set of rings, in which case the caller keeps the pieces.
function dissolve(pieces: Polygon[]): Polygon[] | null {
  const edges = pieces.flatMap((poly) => poly.flatMap(segments));
  const present = new Set(edges.map(([a, b]) => `${key(a)}>${key(b)}`));
  const kept = edges.filter(([a, b]) => !present.has(`${key(b)}>${key(a)}`));
  const byStart = new Map<string, [Position, Position]>();
  for (const e of kept) {
    if (byStart.has(key(e[0]))) return null; // pinch point: ring tracing would be ambiguous
    byStart.set(key(e[0]), e);
  }
  const used = new Set<string>();
  const rings: Ring[] = [];
  for (const start of kept) {
    if (used.has(key(start[0]))) continue;
    const ring: Ring = [start[0]];
    let edge = start;
    while (!used.has(key(edge[0]))) {
      used.add(key(edge[0]));
      ring.push(edge[1]);
      const next = byStart.get(key(edge[1]));
      if (!next) return null;
      edge = next;
    }
    if (key(edge[0]) !== key(start[0])) return null;
    rings.push(ring);
  }
  const outers = rings.filter((r) => signedArea(r) > 0).map((r): Polygon => [r]);
  for (const hole of rings.filter((r) => signedArea(r) < 0)) {
    const owner = outers.find(([outer]) => outer && pointInRing(hole[0] ?? fail('empty ring'), outer));
    if (!owner) return null;
    owner.push(hole);
  }
  return outers;
}

function centroid(polygons: Polygon[]): { lat: number; lon: number } {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (const ring of polygons.flat()) {
    for (const [[x0, y0], [x1, y1]] of segments(ring)) {
      const cross = x0 * y1 - x1 * y0;
      area += cross / 2;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
  }
  return { lon: round5(cx / (6 * area)), lat: round5(cy / (6 * area)) };
}

const polygonsOf = (g: Geometry): Polygon[] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
function geometryOf(polygons: Polygon[]): Geometry {
  const [only] = polygons;
  return polygons.length === 1 && only ? { type: 'Polygon', coordinates: only } : { type: 'MultiPolygon', coordinates: polygons };
}

// ---------- administrative data ----------

const allCommunes = readJson<EtalabCommune[]>(etalab('communes.json'));
const current = allCommunes
  .filter((c) => c.departement === DEP && c.type === 'commune-actuelle')
  .sort((a, b) => a.code.localeCompare(b.code));
const currentCodes = new Set(current.map((c) => c.code));

const epciByCommune = new Map<string, { code: string; nom: string }>();
if (existsSync(etalab('epci.json'))) {
  for (const epci of readJson<EtalabEpci[]>(etalab('epci.json'))) {
    for (const m of epci.membres) {
      if (epciByCommune.has(m.code)) fail(`commune ${m.code} belongs to two EPCI`);
      epciByCommune.set(m.code, { code: epci.code, nom: epci.nom });
    }
  }
}

// A 2018 code is either still current, or was absorbed: recorded as a commune déléguée/associée (chefLieu)
// and/or listed in the new commune's anciensCodes. Both must agree.
function currentCodeFor(code2018: string): string {
  if (currentCodes.has(code2018)) return code2018;
  const candidates = new Set([
    ...allCommunes.filter((c) => c.code === code2018 && c.chefLieu).map((c) => c.chefLieu as string),
    ...current.filter((c) => c.anciensCodes?.includes(code2018)).map((c) => c.code),
  ]);
  const [target] = candidates;
  if (candidates.size !== 1 || !target) {
    fail(`cannot resolve 2018 commune ${code2018} (candidates: ${[...candidates].join(', ') || 'none'})`);
  }
  if (!currentCodes.has(target)) fail(`2018 commune ${code2018} resolves to ${target}, not a current Gard commune`);
  return target;
}

// ---------- shapes ----------

const source2018 = readSource<FeatureCollection>('communes-30-gard.geojson');
const piecesByCode = new Map<string, Polygon[]>();
for (const f of [...source2018.features].sort((a, b) => a.properties.code.localeCompare(b.properties.code))) {
  const target = currentCodeFor(f.properties.code);
  if (target !== f.properties.code) console.log(`merge: ${f.properties.code} ${f.properties.nom} -> ${target}`);
  piecesByCode.set(target, [...(piecesByCode.get(target) ?? []), ...polygonsOf(f.geometry).map(normalise)]);
}

const communeFeatures: Feature[] = [];
const rows = current.map((c) => {
  const pieces = piecesByCode.get(c.code) ?? fail(`current commune ${c.code} ${c.nom} has no shape`);
  const shape = pieces.length > 1 ? dissolve(pieces) ?? pieces : pieces;
  if (pieces.length > 1) console.log(`union: ${c.code} ${c.nom}: ${pieces.length} pieces -> ${shape.length} polygon(s)`);
  const { lat, lon } = centroid(shape);
  if (lon < BBOX.minLon || lon > BBOX.maxLon || lat < BBOX.minLat || lat > BBOX.maxLat) {
    fail(`centroid of ${c.code} ${c.nom} (${lat}, ${lon}) is outside the Gard bounding box`);
  }
  if (c.population === undefined || !c.codesPostaux) fail(`commune ${c.code} lacks population or postcodes`);
  communeFeatures.push({ type: 'Feature', properties: { code: c.code, nom: c.nom }, geometry: geometryOf(shape) });
  const epci = epciByCommune.get(c.code);
  return {
    code: c.code,
    name: c.nom,
    postcodes: [...c.codesPostaux].sort(),
    population: c.population,
    lat,
    lon,
    arrondissement: c.arrondissement ?? null,
    epciCode: epci?.code ?? null,
    epciName: epci?.nom ?? null,
  };
});

// france-geojson codes arrondissements as "30001"; the INSEE code used by the communes data is "301".
const arrondissementNames = new Map(
  readJson<EtalabArrondissement[]>(etalab('arrondissements.json')).map((a) => [a.code, a.nom] as const),
);
const arrondissements = readSource<FeatureCollection>('arrondissements-30-gard.geojson').features.map((f): Feature => {
  const code = DEP + String(Number(f.properties.code.slice(DEP.length)));
  const nom = arrondissementNames.get(code) ?? fail(`unknown arrondissement ${f.properties.code} ${f.properties.nom}`);
  return { type: 'Feature', properties: { code, nom }, geometry: geometryOf(polygonsOf(f.geometry).map(normalise)) };
});

const departement = readSource<Feature>('departement-30-gard.geojson');

// ---------- output (one record per line, for readable diffs) ----------

const lines = (items: unknown[]): string => items.map((i) => JSON.stringify(i)).join(',\n');
const collection = (features: Feature[]): string =>
  `{"type":"FeatureCollection","features":[\n${lines([...features].sort((a, b) => a.properties.code.localeCompare(b.properties.code)))}\n]}\n`;
const write = (path: string, text: string): void => writeFileSync(join(ROOT, path), text);

write('prisma/data/communes-gard.json', `[\n${lines(rows)}\n]\n`);
write('public/geo/gard-communes.geojson', collection(communeFeatures));
write('public/geo/gard-arrondissements.geojson', collection(arrondissements));
write(
  'public/geo/gard-departement.geojson',
  `${JSON.stringify({
    type: 'Feature',
    properties: { code: departement.properties.code, nom: departement.properties.nom },
    geometry: geometryOf(polygonsOf(departement.geometry).map(normalise)),
  })}\n`,
);
console.log(`${rows.length} communes (${source2018.features.length} 2018 contours), ${arrondissements.length} arrondissements`);
