import type { Services } from '../services';

/**
 * The grouping a space need was posted for: the need's structure leads it (chef de file), the partners named at
 * publication follow, by name. Null for a need of a structure alone. Reads names only: call it once the page has
 * checked who may see the need.
 */
export async function groupingOfNeed(services: Services, needId: string): Promise<{ leader: string; partners: string[] } | null> {
  const space = await services.prisma.spaceNeed.findUnique({
    where: { needId },
    select: {
      need: { select: { organisation: { select: { name: true } } } },
      members: { select: { organisation: { select: { name: true } } } },
    },
  });
  if (!space?.members.length) return null;
  // In French alphabetical order (« Épicerie » before « Vélos »), which the database's byte order is not.
  const partners = space.members.map((member) => member.organisation.name).sort(new Intl.Collator('fr').compare);
  return { leader: space.need.organisation.name, partners };
}
