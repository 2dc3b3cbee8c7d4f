import { describe, expect, it } from 'vitest';
import { ExchangeFormatError, parseExchangeFile, toEngine } from './exchange-format';

const nimes = { code: '30189', name: 'Nîmes', lat: 43.8446, lon: 4.34761 };

function problems(value: unknown): string[] {
  try {
    parseExchangeFile(value);
  } catch (error) {
    expect(error).toBeInstanceOf(ExchangeFormatError);
    return (error as ExchangeFormatError).problems;
  }
  throw new Error('expected the file to be refused');
}

describe('exchange format', () => {
  it('applies defaults and keeps what the constraints need', () => {
    const file = parseExchangeFile({
      offers: [{ id: 'o', kind: 'stage', title: 'Radio', commune: '30189', weeks: ['2026-W53'], capacity: 2 }],
      needs: [{ id: 'n', kind: 'lieu', title: 'Salle', commune: '30189', maxDistanceKm: 10, propertyTypes: ['batiment'] }],
    });
    expect(file.pupils).toEqual([]);
    expect(file.needs[0]).toMatchObject({ minSurfaceM2: 0, needsPMR: false, description: '' });
    const engine = toEngine(file, new Map([[nimes.code, nimes]]));
    expect(engine.offers[0]?.place).toEqual(nimes);
  });

  it('names every bad field', () => {
    expect(
      problems({
        offers: [{ id: 'o', kind: 'lieu', title: 'Hangar', commune: '30189', propertyType: 'garage', surfaceM2: 0 }],
        needs: [{ id: 'n', kind: 'competence', title: 'Compta', commune: '30189', maxDistanceKm: 10 }],
      }),
    ).toEqual([
      expect.stringMatching(/^offers\[0\]\.propertyType : /),
      expect.stringMatching(/^offers\[0\]\.surfaceM2 : /),
      expect.stringMatching(/^needs\[0\]\.requesterEligibleMecenat : /),
    ]);
  });

  it('refuses a week 53 in a year that has none, duplicate ids and unknown kinds', () => {
    expect(problems({ offers: [{ id: 'o', kind: 'stage', title: 'S', commune: '30189', weeks: ['2027-W53'], capacity: 1 }] })[0]).toMatch(
      /^offers\[0\]\.weeks\[0\] : semaine ISO attendue/,
    );
    const twice = { id: 'n', kind: 'stage', title: 'S', commune: '30189', maxDistanceKm: 5, week: '2027-W07' };
    expect(problems({ needs: [twice, twice] })).toEqual(['needs[1].id : identifiant en double : n']);
    expect(problems({ needs: [{ ...twice, kind: 'vélo' }] })[0]).toMatch(/^needs\[0\]\.kind/);
  });

  it('refuses a commune outside the Gard, naming the field', () => {
    const file = parseExchangeFile({ pupils: [{ id: 'p', commune: '75056', week: '2027-W07', maxDistanceKm: 10 }] });
    expect(() => toEngine(file, new Map([[nimes.code, nimes]]))).toThrow(/pupils\[0\]\.commune : commune inconnue dans le Gard \(75056\)/);
  });
});
