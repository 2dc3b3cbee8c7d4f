import { describe, it, expect } from 'vitest';
import { EARTH_RADIUS_KM, haversineKm, type LatLon } from './geo';

// Centroids from prisma/data/communes-gard.json, hard-coded so this test stays pure.
const nimes: LatLon = { lat: 43.8446, lon: 4.34761 };
const ales: LatLon = { lat: 44.12516, lon: 4.08854 };

const rad = (deg: number): number => (deg * Math.PI) / 180;

// Independent reference: spherical law of cosines, d = R · acos(sin φ1 sin φ2 + cos φ1 cos φ2 cos Δλ).
function lawOfCosinesKm(a: LatLon, b: LatLon): number {
  const c =
    Math.sin(rad(a.lat)) * Math.sin(rad(b.lat)) +
    Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.cos(rad(b.lon - a.lon));
  return EARTH_RADIUS_KM * Math.acos(Math.min(1, c));
}

describe('haversineKm', () => {
  it('is zero for identical points', () => {
    expect(haversineKm(nimes, nimes)).toBe(0);
    expect(haversineKm({ lat: -33.9, lon: 151.2 }, { lat: -33.9, lon: 151.2 })).toBe(0);
  });

  it('is symmetric', () => {
    expect(haversineKm(nimes, ales)).toBe(haversineKm(ales, nimes));
    const p = { lat: 48.8566, lon: 2.3522 };
    const q = { lat: -22.9068, lon: -43.1729 };
    expect(haversineKm(p, q)).toBeCloseTo(haversineKm(q, p), 9);
  });

  it('matches independent estimates for Nîmes → Alès (≈ 37.45 km)', () => {
    const d = haversineKm(nimes, ales);
    expect(d).toBeCloseTo(lawOfCosinesKm(nimes, ales), 6);
    // Equirectangular approximation, fine at this scale: R · √(Δφ² + (cos φm · Δλ)²) ≈ 37.454 km.
    const phiM = rad((nimes.lat + ales.lat) / 2);
    const flat = EARTH_RADIUS_KM * Math.hypot(rad(ales.lat - nimes.lat), Math.cos(phiM) * rad(ales.lon - nimes.lon));
    expect(Math.abs(d - flat)).toBeLessThan(0.01);
    expect(Math.abs(d - 37.45)).toBeLessThan(0.05);
  });

  it('matches a well-known reference distance (Paris → London ≈ 343.5 km)', () => {
    const paris = { lat: 48.8566, lon: 2.3522 };
    const london = { lat: 51.5074, lon: -0.1278 };
    expect(haversineKm(paris, london)).toBeCloseTo(lawOfCosinesKm(paris, london), 6);
    expect(Math.abs(haversineKm(paris, london) - 343.5)).toBeLessThan(1);
  });

  it('gives a quarter meridian of πR/2 ≈ 10007.5 km', () => {
    const d = haversineKm({ lat: 0, lon: 0 }, { lat: 90, lon: 0 });
    expect(d).toBeCloseTo((Math.PI * EARTH_RADIUS_KM) / 2, 6);
    expect(Math.abs(d - 10007.5)).toBeLessThan(0.1);
  });

  it('gives half the circumference (πR) for antipodal points, without NaN', () => {
    const half = Math.PI * EARTH_RADIUS_KM;
    expect(haversineKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(half, 6);
    expect(haversineKm(nimes, { lat: -nimes.lat, lon: nimes.lon - 180 })).toBeCloseTo(half, 6);
    expect(haversineKm({ lat: 90, lon: 0 }, { lat: -90, lon: 0 })).toBeCloseTo(half, 6);
  });
});
