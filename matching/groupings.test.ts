import { describe, expect, it } from 'vitest';
import { places, propertyOffer, spaceNeed } from '../tests/support/matching-builders';
import { suggestGrouping } from './groupings';

describe('suggestGrouping', () => {
  const offer = propertyOffer({ surfaceM2: 300 });

  it('groups needs whose surfaces add up within the property, led by the largest', () => {
    const grouping = suggestGrouping(offer, [
      spaceNeed({ id: 'musique', title: 'École de musique', minSurfaceM2: 120 }),
      spaceNeed({ id: 'theatre', title: 'Compagnie de théâtre', minSurfaceM2: 150 }),
      spaceNeed({ id: 'atelier', title: 'Atelier vélo', minSurfaceM2: 60 }),
    ]);
    expect(grouping?.needIds).toEqual(['theatre', 'musique']);
    expect(grouping?.leadNeedId).toBe('theatre');
    expect(grouping?.reasons[0]).toBe('« Compagnie de théâtre » et « École de musique » tiennent ensemble dans les 300 m² (150 + 120 m² demandés)');
    expect(grouping?.reasons[1]).toContain('chef de file proposé : « Compagnie de théâtre »');
  });

  it('leaves out needs that break a hard constraint on their own', () => {
    const grouping = suggestGrouping(offer, [
      spaceNeed({ id: 'a', minSurfaceM2: 100 }),
      spaceNeed({ id: 'loin', minSurfaceM2: 50, place: places.leVigan }),
      spaceNeed({ id: 'terrain', minSurfaceM2: 50, propertyTypes: ['terrain'] }),
      spaceNeed({ id: 'b', minSurfaceM2: 90 }),
    ]);
    expect(grouping?.needIds).toEqual(['a', 'b']);
  });

  it('suggests nothing when only one need fits, or for another kind of offer', () => {
    expect(suggestGrouping(offer, [spaceNeed({ id: 'a', minSurfaceM2: 200 }), spaceNeed({ id: 'b', minSurfaceM2: 150 })])).toBeNull();
    expect(suggestGrouping({ ...offer, kind: 'competence' }, [spaceNeed(), spaceNeed({ id: 'x' })])).toBeNull();
  });
});
