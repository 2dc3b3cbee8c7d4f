import { describe, expect, it } from 'vitest';
import {
  internshipNeed,
  internshipOffer,
  places,
  propertyOffer,
  skillNeed,
  skillOffer,
  spaceNeed,
} from '../tests/support/matching-builders';
import { checkHardConstraints } from './constraints';

const ok = (check: { ok: boolean }) => expect(check.ok).toBe(true);
const refused = (check: { ok: boolean; violations: string[] }, reason: RegExp) => {
  expect(check.ok).toBe(false);
  expect(check.violations.join(' ; ')).toMatch(reason);
};

describe('hard constraints', () => {
  it('the three reference pairs satisfy every constraint', () => {
    ok(checkHardConstraints(skillNeed(), skillOffer()));
    ok(checkHardConstraints(spaceNeed(), propertyOffer()));
    ok(checkHardConstraints(internshipNeed(), internshipOffer()));
  });

  it('same kind', () => {
    refused(checkHardConstraints(skillNeed(), propertyOffer()), /même type/);
  });

  describe('distance', () => {
    // Nîmes – Alès ≈ 37 km between centroids.
    it('within the need’s maximum distance', () => {
      refused(checkHardConstraints(spaceNeed({ maxDistanceKm: 30 }), propertyOffer({ place: places.ales })), /au-delà des 30 km acceptés/);
      ok(checkHardConstraints(spaceNeed({ maxDistanceKm: 40 }), propertyOffer({ place: places.ales })));
    });

    it('skills: also within the agent’s travel radius', () => {
      refused(
        checkHardConstraints(skillNeed({ maxDistanceKm: 50 }), skillOffer({ place: places.ales, radiusKm: 20 })),
        /au-delà des 20 km de déplacement/,
      );
      ok(checkHardConstraints(skillNeed({ maxDistanceKm: 50 }), skillOffer({ place: places.ales, radiusKm: 40 })));
    });

    it('a remote skill offer ignores distance', () => {
      ok(checkHardConstraints(skillNeed({ maxDistanceKm: 5 }), skillOffer({ place: places.leVigan, radiusKm: 5, remote: true })));
    });

    it('remote does not lift distance for property', () => {
      refused(checkHardConstraints(spaceNeed({ maxDistanceKm: 5 }), propertyOffer({ place: places.ales })), /km/);
    });
  });

  describe('availability windows', () => {
    it('must overlap when both sides give one', () => {
      refused(
        checkHardConstraints(
          skillNeed({ from: '2027-02-01', to: '2027-06-30' }),
          skillOffer({ availableFrom: '2027-07-01', availableTo: '2027-12-17' }),
        ),
        /ne se recouvrent pas/,
      );
      ok(
        checkHardConstraints(
          skillNeed({ from: '2027-02-01', to: '2027-06-30' }),
          skillOffer({ availableFrom: '2027-06-30', availableTo: '2027-12-17' }),
        ),
      );
    });

    it('an open end is unlimited, and a side without a window accepts any', () => {
      ok(checkHardConstraints(spaceNeed({ from: '2030-01-01' }), propertyOffer({ availableFrom: '2027-01-01' })));
      ok(checkHardConstraints(spaceNeed({ from: '2030-01-01', to: '2030-02-01' }), propertyOffer()));
      refused(checkHardConstraints(spaceNeed({ to: '2026-12-31' }), propertyOffer({ availableFrom: '2027-01-01' })), /recouvrent/);
    });
  });

  it('skills only for eligible structures (intérêt général, ARUP, fondation)', () => {
    refused(checkHardConstraints(skillNeed({ requesterEligibleMecenat: false }), skillOffer()), /pas éligible/);
    refused(checkHardConstraints(skillNeed({ requesterEligibleMecenat: undefined }), skillOffer()), /pas éligible/);
  });

  describe('property', () => {
    it('type among the types wanted', () => {
      refused(checkHardConstraints(spaceNeed({ propertyTypes: ['terrain', 'toiture'] }), propertyOffer()), /type de bien/);
      ok(checkHardConstraints(spaceNeed({ propertyTypes: ['terrain', 'batiment'] }), propertyOffer()));
    });

    it('surface at least the minimum', () => {
      refused(checkHardConstraints(spaceNeed({ minSurfaceM2: 311 }), propertyOffer({ surfaceM2: 310 })), /inférieure aux 311 m²/);
      ok(checkHardConstraints(spaceNeed({ minSurfaceM2: 310 }), propertyOffer({ surfaceM2: 310 })));
    });

    it('step-free access when required', () => {
      refused(checkHardConstraints(spaceNeed({ needsPMR: true }), propertyOffer({ accessiblePMR: false })), /mobilité réduite/);
      ok(checkHardConstraints(spaceNeed({ needsPMR: false }), propertyOffer({ accessiblePMR: false })));
    });
  });

  describe('internships', () => {
    it('the need’s week is one of the offer’s weeks', () => {
      refused(checkHardConstraints(internshipNeed({ week: '2027-W08' }), internshipOffer()), /semaine/);
    });

    it('a group fits the group size and the capacity', () => {
      refused(checkHardConstraints(internshipNeed({ pupils: 3 }), internshipOffer({ groupMax: 2, capacity: 4 })), /ensemble/);
      refused(checkHardConstraints(internshipNeed({ pupils: 3 }), internshipOffer({ groupMax: 3, capacity: 2 })), /places/);
    });

    it('individual placements need at least one seat', () => {
      ok(checkHardConstraints(internshipNeed({ group: false, pupils: 5 }), internshipOffer({ capacity: 1, groupMax: 1 })));
      refused(checkHardConstraints(internshipNeed({ group: false }), internshipOffer({ capacity: 0 })), /aucune place/);
    });
  });
});
