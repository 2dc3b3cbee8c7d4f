import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHardConstraints } from '../../matching/constraints';
import type { Database } from '../../app/.server/db/connection';
import { embedPending } from '../../app/.server/matching/embedding-store';
import { needFacts, needFactsInclude, offerFacts, offerFactsInclude } from '../../app/.server/matching/facts';
import { suggestNeedsForOffer, suggestOffersForNeed } from '../../app/.server/matching/suggestions';
import type { CurrentUser } from '../../app/.server/auth/session';
import type { Services } from '../../app/.server/services';
import { createPropertyOffer, createSpaceNeed } from '../../prisma/seed/builders';
import { seedDemoData } from '../../prisma/seed/seed';
import { createTestDatabase } from '../support/test-database';
import { createTestServices } from '../support/test-services';

let db: Database;
let services: Services;

async function currentUser(email: string): Promise<CurrentUser> {
  const user = await db.prisma.user.findUniqueOrThrow({ where: { email }, include: { roles: true } });
  return { id: user.id, email: user.email, firstName: user.firstName, lastName: user.lastName, roles: user.roles };
}

beforeAll(async () => {
  db = await createTestDatabase();
  services = createTestServices(db).services;
  await seedDemoData(db, { today: new Date('2026-11-28T00:00:00Z') });
  await embedPending(services);
});
afterAll(() => db.close());

describe('suggestions on the demo data', () => {
  it('every published offer and need gets a vector of the configured model', async () => {
    const missing = await db.prisma.offer.count({ where: { status: 'PUBLISHED', embeddingModel: null } });
    expect(missing).toBe(0);
    const models = await db.prisma.need.groupBy({ by: ['embeddingModel'], _count: { _all: true } });
    expect(models.map((row) => row.embeddingModel)).toEqual(['local:lexical-fr:384']);
  });

  it('suggests, for every published need, only offers that satisfy every hard constraint, with French reasons', async () => {
    const admin = await currentUser('mission-ess@demo.gard.fr');
    const needs = await db.prisma.need.findMany({ where: { status: 'PUBLISHED' }, include: needFactsInclude });
    let suggested = 0;
    for (const row of needs) {
      const { suggestions } = await suggestOffersForNeed(services, admin, row.id);
      const offers = await db.prisma.offer.findMany({ where: { id: { in: suggestions.map((s) => s.offerId) } }, include: offerFactsInclude });
      for (const offer of offers) expect(checkHardConstraints(needFacts(row), offerFacts(offer)).violations).toEqual([]);
      for (const s of suggestions) expect(s.reasons.length).toBeGreaterThanOrEqual(2);
      expect(suggestions.map((s) => s.score)).toEqual([...suggestions.map((s) => s.score)].sort((a, b) => b - a));
      suggested += suggestions.length;
    }
    expect(suggested).toBeGreaterThan(needs.length);
  });

  it('matches the exact answer: the SQL pre-filter loses no offer the engine would accept', async () => {
    const admin = await currentUser('mission-ess@demo.gard.fr');
    const offers = (await db.prisma.offer.findMany({ where: { status: 'PUBLISHED' }, include: offerFactsInclude })).map(offerFacts);
    const needs = await db.prisma.need.findMany({ where: { status: 'PUBLISHED' }, include: needFactsInclude });
    for (const row of needs) {
      const need = needFacts(row);
      const feasible = offers.filter((offer) => checkHardConstraints(need, offer).ok).map((offer) => offer.id).sort();
      const { suggestions } = await suggestOffersForNeed(services, admin, row.id);
      const shown = suggestions.map((s) => s.offerId).sort();
      if (feasible.length <= 10) expect(shown).toEqual(feasible);
      else expect(shown).toHaveLength(10);
    }
  });

  it('an agent sees the needs their skill offer could serve', async () => {
    const offer = await db.prisma.offer.findFirstOrThrow({
      where: { kind: 'COMPETENCE', status: 'PUBLISHED', skill: { remote: true } },
      include: { skill: { include: { agent: true } } },
    });
    const agent = await currentUser(offer.skill!.agent.email);
    const { suggestions } = await suggestNeedsForOffer(services, agent, offer.id);
    const needs = await db.prisma.need.findMany({ where: { id: { in: suggestions.map((s) => s.needId) } }, include: needFactsInclude });
    for (const need of needs) {
      expect(need.organisation.eligibilityVerifiedAt).not.toBeNull();
      expect(need.organisation.skillsEligibility).not.toBe('NONE');
    }
  });

  it('proposes a grouping with a chef de file when two space needs share a large property', async () => {
    const admin = await currentUser('mission-ess@demo.gard.fr');
    const [first, second] = await db.prisma.organisation.findMany({ where: { kind: 'STRUCTURE' }, orderBy: { name: 'asc' }, take: 2 });
    const manager = await db.prisma.roleGrant.findFirstOrThrow({ where: { role: 'PROPERTY_MANAGER' } });
    const property = await createPropertyOffer(db.prisma, {
      ownerId: manager.userId,
      organisationId: manager.organisationId ?? undefined,
      communeCode: '30028',
      title: 'Ancienne école de Bagnols',
      description: 'Grandes salles de classe, cour et préau pour ateliers et répétitions',
      surfaceM2: 600,
      stepFreeAccess: true,
    });
    for (const [org, title, surface] of [
      [first!, 'Salles de répétition pour la chorale', 250],
      [second!, 'Atelier de réparation de vélos', 200],
    ] as const) {
      await createSpaceNeed(db.prisma, {
        ownerId: manager.userId,
        organisationId: org.id,
        communeCode: '30028',
        title,
        description: 'Salles et ateliers',
        minSurfaceM2: surface,
        maxDistanceKm: 10,
      });
    }
    await embedPending(services);
    const { grouping } = await suggestNeedsForOffer(services, admin, property.id);
    expect(grouping?.needIds).toHaveLength(2);
    expect(grouping?.reasons[1]).toContain('chef de file proposé : « Salles de répétition pour la chorale »');
  });

  it('another organisation cannot read a need’s suggestions', async () => {
    const need = await db.prisma.need.findFirstOrThrow({ where: { kind: 'STAGE' } });
    const structureMember = await db.prisma.roleGrant.findFirstOrThrow({
      where: { role: 'STRUCTURE_MEMBER', organisationId: { not: need.organisationId } },
      include: { user: true },
    });
    await expect(suggestOffersForNeed(services, await currentUser(structureMember.user.email), need.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
