import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideApproval, openApproval, requestManagerApproval } from '../../app/.server/agents/manager-approval';
import type { Database } from '../../app/.server/db/connection';
import type { Services } from '../../app/.server/services';
import { createAgent, createCouncilService, createSkillOffer, createUser } from '../../prisma/seed/builders';
import { loadCommunes } from '../../prisma/seed/communes';
import { asCurrentUser } from '../support/convention-fixtures';
import { createTestDatabase } from '../support/test-database';
import { createTestServices } from '../support/test-services';
import { rejection } from '../support/rejection';

let db: Database;
let services: Services;
let clock: ReturnType<typeof createTestServices>['clock'];
const ids: Record<string, string> = {};

async function tokenSentTo(email: string): Promise<string> {
  const sent = await db.prisma.outboxEmail.findFirstOrThrow({ where: { to: email, template: 'manager-approval-request' }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  return /\/accord\/([A-Za-z0-9_-]+)/.exec(sent.text)?.[1] ?? '';
}

beforeAll(async () => {
  db = await createTestDatabase();
  ({ services, clock } = createTestServices(db));
  await loadCommunes(db.prisma);
  const service = await createCouncilService(db.prisma);
  const manager = await createUser(db.prisma, { email: 'chef@gard.fr', firstName: 'Paul', lastName: 'Chef', roles: [{ role: 'LINE_MANAGER', organisationId: service.id }] });
  const agent = await createAgent(db.prisma, { email: 'agent@gard.fr', firstName: 'Marc', lastName: 'Chabert', serviceId: service.id, lineManagerId: manager.id });
  const outsideManager = await createAgent(db.prisma, { email: 'autre@gard.fr', serviceId: service.id, lineManagerEmail: 'chef@gmail.com' });
  ids.agent = agent.id;
  ids.outsideManager = outsideManager.id;
  ids.offer = (await createSkillOffer(db.prisma, { agentId: agent.id, status: 'PENDING_APPROVAL', skills: ['comptabilité'] })).id;
  ids.second = (await createSkillOffer(db.prisma, { agentId: agent.id, status: 'PENDING_APPROVAL', skills: ['paie'] })).id;
  ids.outsideOffer = (await createSkillOffer(db.prisma, { agentId: outsideManager.id, status: 'PENDING_APPROVAL' })).id;
});
afterAll(() => db.close());

describe('line manager approval by link', () => {
  it('only the agent may ask, and only a council address may answer', async () => {
    const other = await asCurrentUser(db, ids.outsideManager ?? '');
    expect((await rejection(requestManagerApproval(services, other, ids.offer ?? ''))).code).toBe('NOT_FOUND');
    const error = await rejection(requestManagerApproval(services, other, ids.outsideOffer ?? ''));
    expect(error.message).toContain('doit être une adresse du Département (gard.fr)');
    expect(await db.prisma.outboxEmail.count()).toBe(0);
  });

  it('sends a personal link; asking again at once sends nothing more', async () => {
    const agent = await asCurrentUser(db, ids.agent ?? '');
    expect(await requestManagerApproval(services, agent, ids.offer ?? '')).toEqual({ sent: true, email: 'chef@gard.fr' });
    expect(await requestManagerApproval(services, agent, ids.offer ?? '')).toEqual({ sent: false, email: 'chef@gard.fr' });
    expect(await db.prisma.outboxEmail.count({ where: { template: 'manager-approval-request' } })).toBe(1);
    const page = await openApproval(services, await tokenSentTo('chef@gard.fr'));
    expect(page).toMatchObject({ state: 'VALID', agentName: 'Marc Chabert', offer: { skills: ['comptabilité'] } });
  });

  it('an approval is recorded once, publishes the offer and tells the agent', async () => {
    const token = await tokenSentTo('chef@gard.fr');
    const unnamed = await rejection(decideApproval(services, token, { decision: 'approve', reason: '', managerName: '' }));
    expect(unnamed.fieldErrors.managerName?.[0]).toContain('Indiquez votre nom');
    expect(await decideApproval(services, token, { decision: 'approve', reason: '', managerName: 'Paul Chef' })).toEqual({ approved: true });
    const offer = await db.prisma.offer.findUniqueOrThrow({ where: { id: ids.offer ?? '' }, include: { skill: true } });
    expect(offer.status).toBe('PUBLISHED');
    expect(offer.skill).toMatchObject({ managerApproval: 'APPROVED', managerDecisionAt: clock.now() });
    const told = await db.prisma.outboxEmail.findFirstOrThrow({ where: { template: 'manager-decision' } });
    expect(told.to).toBe('agent@gard.fr');
    expect((await rejection(decideApproval(services, token, { decision: 'refuse', reason: 'Changement d’avis', managerName: 'Paul Chef' }))).message).toContain('déjà servi');
    expect((await openApproval(services, token)).state).toBe('DECIDED');
  });

  it('a refusal needs a reason, keeps the offer unpublished and gives the reason to the agent', async () => {
    const agent = await asCurrentUser(db, ids.agent ?? '');
    clock.advance(11 * 60_000);
    await requestManagerApproval(services, agent, ids.second ?? '');
    const token = await tokenSentTo('chef@gard.fr');
    expect((await rejection(decideApproval(services, token, { decision: 'refuse', reason: '', managerName: 'Paul Chef' }))).fieldErrors.reason).toBeDefined();
    await decideApproval(services, token, { decision: 'refuse', reason: 'Clôture budgétaire en cours', managerName: 'Paul Chef' });
    const offer = await db.prisma.offer.findUniqueOrThrow({ where: { id: ids.second ?? '' }, include: { skill: true } });
    expect(offer.status).toBe('PENDING_APPROVAL');
    expect(offer.skill).toMatchObject({ managerApproval: 'REFUSED', managerRefusal: 'Clôture budgétaire en cours' });
    const emails = await db.prisma.outboxEmail.findMany({ where: { template: 'manager-decision' } });
    expect(emails.some((e) => e.text.includes('Clôture budgétaire en cours'))).toBe(true);
  });

  it('an expired link is refused', async () => {
    const offer = await createSkillOffer(db.prisma, { agentId: ids.agent ?? '', status: 'PENDING_APPROVAL' });
    clock.advance(11 * 60_000);
    await requestManagerApproval(services, await asCurrentUser(db, ids.agent ?? ''), offer.id);
    const token = await tokenSentTo('chef@gard.fr');
    clock.advance(15 * 86_400_000);
    expect((await openApproval(services, token)).state).toBe('EXPIRED');
    expect((await rejection(decideApproval(services, token, { decision: 'approve', reason: '', managerName: 'Paul Chef' }))).message).toContain('expiré');
  });
});
