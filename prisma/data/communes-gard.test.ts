import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';

interface CommuneRow {
  code: string;
  name: string;
  postcodes: string[];
  population: number;
  lat: number;
  lon: number;
  arrondissement: string | null;
  epciCode: string | null;
  epciName: string | null;
}

const read = <T>(relative: string): T => JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as T;
const communes = read<CommuneRow[]>('./communes-gard.json');
const geojson = read<{ type: string; features: { properties: { code: string; nom: string } }[] }>(
  '../../public/geo/gard-communes.geojson',
);

describe('communes-gard.json', () => {
  it('has the 350 current Gard communes, unique codes in order', () => {
    expect(communes).toHaveLength(350);
    const codes = communes.map((c) => c.code);
    expect(new Set(codes).size).toBe(350);
    expect(codes.every((c) => /^30\d{3}$/.test(c))).toBe(true);
    expect(codes).toEqual([...codes].sort());
  });

  it('includes Nîmes and Alès with more than 30,000 inhabitants', () => {
    for (const code of ['30189', '30007']) {
      const commune = communes.find((c) => c.code === code);
      expect(commune, code).toBeDefined();
      expect(commune!.population).toBeGreaterThan(30000);
    }
  });

  it('places every centroid inside the Gard bounding box', () => {
    const outside = communes.filter((c) => !(c.lon >= 3.2 && c.lon <= 4.9 && c.lat >= 43.4 && c.lat <= 44.5));
    expect(outside).toEqual([]);
  });

  it('maps the communes merged since 2018 to their current commune', () => {
    const codes = new Set(communes.map((c) => c.code));
    for (const gone of ['30094', '30157', '30190']) expect(codes.has(gone)).toBe(false);
    for (const merged of ['30052', '30329', '30339']) expect(codes.has(merged)).toBe(true);
  });

  it('has the same codes as the communes GeoJSON', () => {
    expect(geojson.type).toBe('FeatureCollection');
    expect(geojson.features.map((f) => f.properties.code)).toEqual(communes.map((c) => c.code));
  });
});
