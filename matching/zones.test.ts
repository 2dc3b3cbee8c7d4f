import { describe, expect, it } from 'vitest';
import {
  MAX_REPORTED_PROBLEMS,
  ZoneFileError,
  areasWithin,
  hasFrrHeader,
  parseQpvCollection,
  pointInGeometry,
  qpvOf,
  readFrrRows,
  touchesOutline,
  type QpvArea,
  type SheetRow,
  type ZoneGeometry,
} from './zones';

const square = (lon: number, lat: number, size: number): [number, number][] => [
  [lon, lat],
  [lon + size, lat],
  [lon + size, lat + size],
  [lon, lat + size],
  [lon, lat],
];

/** A 2 km square in western Nîmes with a hole in its middle. */
const withHole: ZoneGeometry = { type: 'Polygon', coordinates: [square(4.32, 43.826, 0.02), square(4.326, 43.832, 0.008)] };
/** Two separate pieces in Alès. */
const twoPieces: ZoneGeometry = { type: 'MultiPolygon', coordinates: [[square(4.08, 44.118, 0.01)], [square(4.1, 44.135, 0.005)]] };

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ZoneFileError) return error.problems;
    throw error;
  }
  throw new Error('expected a ZoneFileError');
}

describe('point in polygon', () => {
  it('is inside the outer ring but not in a hole, in longitude/latitude order', () => {
    expect(pointInGeometry({ lon: 4.322, lat: 43.828 }, withHole)).toBe(true);
    expect(pointInGeometry({ lon: 4.33, lat: 43.836 }, withHole)).toBe(false);
    expect(pointInGeometry({ lon: 4.35, lat: 43.828 }, withHole)).toBe(false);
    // Latitude and longitude swapped: far away, outside.
    expect(pointInGeometry({ lon: 43.828, lat: 4.322 }, withHole)).toBe(false);
  });

  it('is inside any piece of a MultiPolygon, and outside between the pieces', () => {
    expect(pointInGeometry({ lon: 4.085, lat: 44.12 }, twoPieces)).toBe(true);
    expect(pointInGeometry({ lon: 4.102, lat: 44.137 }, twoPieces)).toBe(true);
    expect(pointInGeometry({ lon: 4.095, lat: 44.13 }, twoPieces)).toBe(false);
  });

  it('handles a concave outline (a U shape)', () => {
    const u: ZoneGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [3, 0],
          [3, 3],
          [2, 3],
          [2, 1],
          [1, 1],
          [1, 3],
          [0, 3],
          [0, 0],
        ],
      ],
    };
    expect(pointInGeometry({ lon: 0.5, lat: 2 }, u)).toBe(true);
    expect(pointInGeometry({ lon: 1.5, lat: 2 }, u)).toBe(false);
    expect(pointInGeometry({ lon: 1.5, lat: 0.5 }, u)).toBe(true);
  });

  it('qpvOf names the quartier containing the point, or none', () => {
    const areas: QpvArea[] = [
      { code: 'QP030901', name: 'Pissevin', communes: 'Nîmes', geometry: withHole },
      { code: 'QP030902', name: 'Prés Saint-Jean', communes: 'Alès', geometry: twoPieces },
    ];
    expect(qpvOf({ lon: 4.322, lat: 43.828 }, areas)?.code).toBe('QP030901');
    expect(qpvOf({ lon: 4.085, lat: 44.12 }, areas)?.code).toBe('QP030902');
    expect(qpvOf({ lon: 4.33, lat: 43.836 }, areas)).toBeNull();
    expect(qpvOf({ lon: 4.322, lat: 43.828 }, [])).toBeNull();
  });

  it('keeps the areas with a vertex inside an outline', () => {
    const outline: ZoneGeometry = { type: 'Polygon', coordinates: [square(4, 43.5, 1)] };
    const montpellier: ZoneGeometry = { type: 'Polygon', coordinates: [square(3.87, 43.6, 0.01)] };
    const straddling: ZoneGeometry = { type: 'Polygon', coordinates: [square(3.995, 43.7, 0.01)] };
    expect(touchesOutline(withHole, outline)).toBe(true);
    expect(touchesOutline(montpellier, outline)).toBe(false);
    expect(touchesOutline(straddling, outline)).toBe(true);
    const areas = [withHole, montpellier].map((geometry, index) => ({ code: `Q${index}`, name: 'Q', communes: 'X', geometry }));
    const { kept, outside } = areasWithin(areas, outline);
    expect(kept.map((area) => area.code)).toEqual(['Q0']);
    expect(outside).toBe(1);
  });
});

const feature = (properties: Record<string, unknown>, geometry: unknown = withHole) => ({ type: 'Feature', properties, geometry });
const good = { code_qp: 'QP030901', nom_qp: 'Pissevin', commune_qp: 'Nîmes' };

describe('the ANCT QPV file', () => {
  it('reads each feature’s code, name, communes and geometry', () => {
    const areas = parseQpvCollection({
      type: 'FeatureCollection',
      features: [feature(good), feature({ code_qp: 'QP030902', nom_qp: 'Prés Saint-Jean', commune_qp: 'Alès' }, twoPieces)],
    });
    expect(areas).toEqual([
      { code: 'QP030901', name: 'Pissevin', communes: 'Nîmes', geometry: withHole },
      { code: 'QP030902', name: 'Prés Saint-Jean', communes: 'Alès', geometry: twoPieces },
    ]);
  });

  it('accepts property names in capitals, and lib_qp / lib_com for the name and communes', () => {
    const [upper, lib] = parseQpvCollection({
      type: 'FeatureCollection',
      features: [
        feature({ CODE_QP: 'QP030901', NOM_QP: 'Pissevin', COMMUNE_QP: 'Nîmes' }),
        feature({ code_qp: 'QP030902', lib_qp: 'Prés Saint-Jean', lib_com: 'Alès' }, twoPieces),
      ],
    });
    expect(upper?.name).toBe('Pissevin');
    expect(lib).toMatchObject({ name: 'Prés Saint-Jean', communes: 'Alès' });
  });

  it('names the feature of each problem, in French', () => {
    const problems = problemsOf(() =>
      parseQpvCollection({
        type: 'FeatureCollection',
        features: [
          feature(good),
          feature({ code_qp: 'QP030902', commune_qp: 'Alès' }),
          feature({ ...good, code_qp: 'QP030903' }, { type: 'Point', coordinates: [4.3, 43.8] }),
          feature({ ...good, code_qp: 'QP030904' }, { type: 'Polygon', coordinates: [[[4.3, 43.8], [4.31, 43.8], [4.31, 43.81], [4.3, 43.81]]] }),
          feature(good),
          feature({ ...good, code_qp: 'QP030906' }, { type: 'Polygon', coordinates: [square(810000, 6300000, 500)] }),
        ],
      }),
    );
    expect(problems).toEqual([
      'Entité n° 2 (features[1]) : properties.nom_qp : nom_qp manquant.',
      'Entité n° 3 (features[2]) : geometry.type : géométrie Polygon ou MultiPolygon attendue.',
      'Entité n° 4 (features[3]) : geometry.coordinates[0] : contour non fermé : la dernière position doit répéter la première.',
      'Entité n° 5 (features[4]) : code_qp QP030901 déjà porté par l’entité n° 1.',
      expect.stringMatching(/^Entité n° 6 \(features\[5\]\) : geometry\.coordinates\[0\]\[0\] : coordonnées hors des bornes WGS 84 .*Lambert 93/),
    ]);
  });

  it('refuses what is not a FeatureCollection, or an empty one', () => {
    expect(problemsOf(() => parseQpvCollection({ type: 'Feature' }))).toEqual([
      'type : « FeatureCollection » attendu : le fichier doit être une FeatureCollection GeoJSON',
      'features : liste des quartiers manquante',
    ]);
    expect(problemsOf(() => parseQpvCollection([]))).toEqual(['(fichier) : FeatureCollection GeoJSON attendue']);
    expect(problemsOf(() => parseQpvCollection({ type: 'FeatureCollection', features: [] }))).toEqual([
      'Le fichier ne contient aucun quartier (liste « features » vide).',
    ]);
  });

  it('reports at most a hundred problems, and counts the rest', () => {
    const features = Array.from({ length: 130 }, () => feature({}));
    const problems = problemsOf(() => parseQpvCollection({ type: 'FeatureCollection', features }));
    expect(problems).toHaveLength(MAX_REPORTED_PROBLEMS + 1);
    expect(problems.at(-1)).toBe('… et 30 autre(s) problème(s).');
  });
});

const rows = (...lines: string[][]): SheetRow[] => lines.map((cells, index) => ({ line: index + 1, cells }));

describe('the DGCL list of FRR communes', () => {
  it('keeps the Gard’s communes with their classification as written, and counts the others', () => {
    const list = readFrrRows(
      rows(
        ['Code_insee', 'Departement', 'Commune', 'FRR'],
        ['30339', '30', 'Val-d’Aigoual', 'FRR+'],
        [' 30350 ', 'Gard', 'Le Vigan', ' FRR '],
        ['48095', '48', 'Mende', 'FRR'],
        ['2A004', '2A', 'Ajaccio', 'FRR'],
        ['1004', '01', 'Ambérieu-en-Bugey', 'FRR'],
      ),
    );
    expect(list).toEqual({
      communes: [
        { line: 2, code: '30339', name: 'Val-d’Aigoual', classification: 'FRR+' },
        { line: 3, code: '30350', name: 'Le Vigan', classification: 'FRR' },
      ],
      otherDepartments: 3,
    });
  });

  it('finds the header under a title, whatever the DGCL named the classification column', () => {
    for (const name of ['Classement FRR', 'Zonage FRR', 'zonage_frr', 'FRR']) {
      const sheet = rows(['Liste des communes classées en zone France Ruralités Revitalisation'], [], ['Code INSEE', 'Département', 'Commune', name], ['30045', '30', 'Bordezac', 'FRR']);
      expect(hasFrrHeader(sheet), name).toBe(true);
      expect(readFrrRows(sheet).communes.map((commune) => commune.code), name).toEqual(['30045']);
    }
    expect(hasFrrHeader(rows(['Notice'], ['Ce classeur contient la liste FRR']))).toBe(false);
  });

  it('reads « NC » or « Non classée » as a commune listed but not classified', () => {
    const list = readFrrRows(rows(['Code_insee', 'Departement', 'Commune', 'Classement FRR'], ['30189', '30', 'Nîmes', 'Non classée'], ['30007', '30', 'Alès', 'NC']));
    expect(list.communes.map((commune) => commune.classification)).toEqual([null, null]);
  });

  it('reports every bad line, and refuses the whole file', () => {
    const problems = problemsOf(() =>
      readFrrRows(
        rows(
          ['Code_insee', 'Departement', 'Commune', 'Classement FRR'],
          ['30339', '30', 'Val-d’Aigoual', 'FRR+'],
          ['3035', '30', 'Le Vigan', 'FRR'],
          ['30045', '', 'Bordezac', ''],
          ['30339', '30', 'Val-d’Aigoual', 'FRR'],
        ),
      ),
    );
    expect(problems).toEqual([
      'Ligne 3 : code INSEE invalide (« 3035 », 5 caractères attendus, ex. 30189).',
      'Ligne 4 : département manquant ; classement FRR manquant.',
      'Ligne 5 : commune 30339 déjà présente à la ligne 2.',
    ]);
  });

  it('names the missing columns, and refuses a list without any Gard commune', () => {
    expect(problemsOf(() => readFrrRows(rows(['Code_insee', 'Commune', 'FRR'], ['30339', 'Val-d’Aigoual', 'FRR'])))).toEqual([
      'Ligne 1 : colonne(s) absente(s) : Departement.',
    ]);
    expect(problemsOf(() => readFrrRows(rows(['Commune', 'Population']))))
      .toEqual(['Ligne d’en-tête introuvable : la liste doit avoir les colonnes Code_insee, Departement, Commune, FRR (ou « Classement FRR », « Zonage FRR »).']);
    expect(problemsOf(() => readFrrRows(rows(['Code_insee', 'Departement', 'Commune', 'FRR'])))).toEqual(['Le fichier ne contient aucune commune.']);
    expect(problemsOf(() => readFrrRows(rows(['Code_insee', 'Departement', 'Commune', 'FRR'], ['48095', '48', 'Mende', 'FRR'])))).toEqual([
      'Aucune commune du Gard (code INSEE 30xxx) dans le fichier.',
    ]);
  });
});
