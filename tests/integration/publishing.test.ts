import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../app/.server/db/connection';
import { publish } from '../../app/.server/publishing/publish';
import type { Services } from '../../app/.server/services';
import { asCurrentUser, conventionParties } from '../support/convention-fixtures';
import { createTestDatabase } from '../support/test-database';
import { createTestServices } from '../support/test-services';
import { rejection } from '../support/rejection';

let db: Database;
let services: Services;
let parties: Awaited<ReturnType<typeof conventionParties>>;

beforeAll(async () => {
  db = await createTestDatabase();
  services = createTestServices(db).services;
  parties = await conventionParties(db, new Date('2026-11-28T10:00:00Z'));
});
afterAll(() => db.close());

const description = 'Nous cherchons un appui régulier pour structurer notre activité.';

describe('posting needs and offers', () => {
  it('a structure posts a skills need: published, embedded, with its skills as a list', async () => {
    const host = await asCurrentUser(db, parties.hostMember.id);
    const { id } = await publish(services, host, 'besoin-competences', parties.host.id, {
      title: 'Refaire notre site web',
      description,
      skills: 'site web, WordPress ; accessibilité\nsite web',
      hoursPerMonth: '',
      remoteOk: 'on',
      communeCode: '30007',
      maxDistanceKm: '40',
      availableFrom: '2027-01-04',
      availableUntil: '',
    });
    const need = await db.prisma.need.findUniqueOrThrow({ where: { id }, include: { skill: true } });
    expect(need).toMatchObject({ kind: 'COMPETENCE', status: 'PUBLISHED', communeCode: '30007', maxDistanceKm: 40, organisationId: parties.host.id });
    expect(need.skill).toMatchObject({ skills: ['site web', 'WordPress', 'accessibilité'], hoursPerMonth: null, remoteOk: true });
    expect(need.embeddingModel).toBe('local:lexical-fr:384');
  });

  it('refuses bad input field by field and creates nothing', async () => {
    const host = await asCurrentUser(db, parties.hostMember.id);
    const before = await db.prisma.need.count();
    const error = await rejection(
      publish(services, host, 'besoin-lieu', parties.host.id, {
        title: 'Lieu',
        description: 'court',
        propertyTypes: [],
        minSurfaceM2: 'beaucoup',
        intendedUse: 'Atelier vélo',
        communeCode: '75056',
        maxDistanceKm: '30',
        availableFrom: '2027-03-01',
        availableUntil: '2027-02-01',
      }),
    );
    expect(error.code).toBe('VALIDATION');
    expect(Object.keys(error.fieldErrors).sort()).toEqual(['communeCode', 'description', 'minSurfaceM2', 'propertyTypes', 'title']);
    expect(error.fieldErrors.minSurfaceM2?.[0]).toBe('Surface minimale : nombre attendu.');
    // The order of the dates is checked once each field is valid on its own.
    const backwards = await rejection(
      publish(services, host, 'besoin-lieu', parties.host.id, {
        title: 'Local pour un atelier vélo',
        description,
        propertyTypes: ['BUILDING'],
        minSurfaceM2: '80',
        intendedUse: 'Atelier vélo',
        communeCode: '30189',
        maxDistanceKm: '30',
        availableFrom: '2027-03-01',
        availableUntil: '2027-02-01',
      }),
    );
    expect(backwards.fieldErrors).toEqual({ availableUntil: ['La fin de la période doit suivre son début.'] });
    expect(await db.prisma.need.count()).toBe(before);
  });

  it('a collège asks for stages on a Monday; an agent’s skills wait for their manager; a structure offers stage weeks', async () => {
    const principal = await asCurrentUser(db, parties.principal.id);
    const tuesday = await rejection(
      publish(services, principal, 'besoin-stage', parties.college.id, { title: 'Stages de 3e A', description, week: '2027-02-09', pupilCount: '4', mode: 'GROUP', interests: '', communeCode: '30189', maxDistanceKm: '15' }),
    );
    expect(tuesday.fieldErrors.week?.[0]).toBe('Semaine : choisissez le lundi de la semaine.');
    const stage = await publish(services, principal, 'besoin-stage', parties.college.id, { title: 'Stages de 3e A', description, week: '2027-02-08', pupilCount: '4', mode: 'GROUP', interests: 'vélo, cuisine', communeCode: '30189', maxDistanceKm: '15' });
    expect(await db.prisma.internshipNeed.findUniqueOrThrow({ where: { needId: stage.id } })).toMatchObject({ pupilCount: 4, mode: 'GROUP', interests: ['vélo', 'cuisine'] });

    const agent = await asCurrentUser(db, parties.agent.id);
    const skills = await publish(services, agent, 'offre-competences', null, { title: 'Aide à la paie', description, skills: 'paie', hoursPerMonth: '6', radiusKm: '20', remote: '', communeCode: '30189', availableFrom: '', availableUntil: '' });
    expect(skills.pendingApproval).toBe(true);
    expect(await db.prisma.offer.findUniqueOrThrow({ where: { id: skills.id }, include: { skill: true } })).toMatchObject({ status: 'PENDING_APPROVAL', skill: { managerApproval: 'PENDING', agentId: parties.agent.id } });

    const host = await asCurrentUser(db, parties.hostMember.id);
    const groupTooBig = await rejection(
      publish(services, host, 'offre-stage', parties.host.id, { title: 'Découvrir le jardinage', description, activities: 'semis\narrosage', weeks: ['2027-02-08'], capacityPerWeek: '2', maxGroupSize: '3', tutorName: 'Lucie Arnaud', tutorRole: '', wheelchairAccessible: 'on', accessibilityNotes: '', communeCode: '30189' }),
    );
    expect(groupTooBig.fieldErrors.maxGroupSize?.[0]).toContain('ne peut dépasser');
    const offer = await publish(services, host, 'offre-stage', parties.host.id, { title: 'Découvrir le jardinage', description, activities: 'semis\narrosage', weeks: ['2027-03-01', '2027-02-08', '2027-02-08'], capacityPerWeek: '2', maxGroupSize: '2', tutorName: 'Lucie Arnaud', tutorRole: '', wheelchairAccessible: 'on', accessibilityNotes: '', communeCode: '30189' });
    const internship = await db.prisma.internshipOffer.findUniqueOrThrow({ where: { offerId: offer.id } });
    expect(internship.weeks.map((w) => w.toISOString().slice(0, 10))).toEqual(['2027-02-08', '2027-03-01']);
    expect(internship).toMatchObject({ activities: ['semis', 'arrosage'], wheelchairAccessible: true, tutorRole: null });
  });

  it('nobody posts for an organisation they do not belong to', async () => {
    const outsider = await asCurrentUser(db, parties.outsider.id);
    const principal = await asCurrentUser(db, parties.principal.id);
    const admin = await asCurrentUser(db, parties.admin.id);
    const input = { title: 'Besoin usurpé', description, skills: 'x', communeCode: '30189', maxDistanceKm: '10' };
    expect((await rejection(publish(services, outsider, 'besoin-competences', parties.host.id, input))).code).toBe('FORBIDDEN');
    expect((await rejection(publish(services, principal, 'besoin-competences', parties.host.id, input))).code).toBe('FORBIDDEN');
    expect((await rejection(publish(services, admin, 'besoin-stage', parties.college.id, input))).code).toBe('FORBIDDEN');
    expect((await rejection(publish(services, outsider, 'offre-competences', null, input))).code).toBe('FORBIDDEN');
    expect(await db.prisma.need.count({ where: { title: 'Besoin usurpé' } })).toBe(0);
  });
});
