import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserSession } from '../../app/.server/auth/session';
import type { Database } from '../../app/.server/db/connection';
import { publish } from '../../app/.server/publishing/publish';
import type { Services } from '../../app/.server/services';
import type { FormValues } from '../../app/lib/form-values';
import { loader as needSuggestionsLoader } from '../../app/routes/besoins.$needId.suggestions';
import { action as propertyAction } from '../../app/routes/patrimoine.biens.nouveau';
import { action as publishAction } from '../../app/routes/publier.$kind';
import { createCouncilService, createStructure, createUser } from '../../prisma/seed/builders';
import { asCurrentUser, conventionParties } from '../support/convention-fixtures';
import { createTestDatabase } from '../support/test-database';
import { createTestServices, requestWithCookie } from '../support/test-services';
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

const spaceNeed = {
  title: 'Local partagé pour trois associations',
  description: 'Notre groupement cherche un local commun pour un atelier vélo, une épicerie et une ressourcerie.',
  propertyTypes: ['BUILDING'],
  minSurfaceM2: '120',
  stepFreeRequired: 'on',
  intendedUse: 'Atelier, épicerie et ressourcerie',
  communeCode: '30189',
  maxDistanceKm: '20',
  availableFrom: '',
  availableUntil: '',
};
const spaced = (siret: string) => `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`;
const context = () => ({ services, clientIp: '127.0.0.1' });
type Failure = { init: { status: number }; data: { ok: false; formError: string; fieldErrors: Record<string, string[]>; values: FormValues } };

describe('a space need posted by the chef de file of a grouping', () => {
  it('stores the partners named by SIRET, spaces allowed and duplicates ignored, and shows the grouping with the need', async () => {
    const host = await asCurrentUser(db, parties.hostMember.id);
    const cycles = await createStructure(db.prisma, { name: 'Vélos Solidaires' });
    const grocery = await createStructure(db.prisma, { name: 'Épicerie du Partage' });
    const { id } = await publish(services, host, 'besoin-lieu', parties.host.id, {
      ...spaceNeed,
      partnerSirets: `${spaced(cycles.siret ?? '')}\n\n  ${grocery.siret ?? ''}  \r\n${cycles.siret ?? ''}`,
    });
    const members = await db.prisma.spaceNeedMember.findMany({ where: { needId: id }, select: { organisationId: true } });
    expect(members.map((member) => member.organisationId).sort()).toEqual([cycles.id, grocery.id].sort());
    expect(await db.prisma.need.findUniqueOrThrow({ where: { id } })).toMatchObject({ kind: 'LIEU', organisationId: parties.host.id });

    const page = (await needSuggestionsLoader({
      request: requestWithCookie(`/besoins/${id}/suggestions`, await createUserSession(services, parties.hostMember.id)),
      context: context(),
      params: { needId: id },
    })) as { grouping: unknown };
    expect(page.grouping).toEqual({ leader: 'Les Jardins Partagés', partners: ['Épicerie du Partage', 'Vélos Solidaires'] });

    const alone = await publish(services, host, 'besoin-lieu', parties.host.id, { ...spaceNeed, partnerSirets: '  \n' });
    expect(await db.prisma.spaceNeedMember.count({ where: { needId: alone.id } })).toBe(0);
  });

  it('refuses an unknown SIRET by name, the structure’s own SIRET, a malformed line and more than 10 partners, storing nothing', async () => {
    const host = await asCurrentUser(db, parties.hostMember.id);
    const partner = await createStructure(db.prisma, { name: 'Ressourcerie du Gardon' });
    const before = { needs: await db.prisma.need.count(), members: await db.prisma.spaceNeedMember.count() };
    // A valid SIRET (its key checks out) that no structure has registered.
    const unknown = await rejection(publish(services, host, 'besoin-lieu', parties.host.id, { ...spaceNeed, partnerSirets: `${partner.siret ?? ''}\n732 829 320 00074` }));
    expect(unknown.code).toBe('VALIDATION');
    expect(unknown.fieldErrors).toEqual({
      partnerSirets: ['Partenaires : aucune structure inscrite sur Passerelles n’a le SIRET 732 829 320 00074 (vérifiez le numéro, ou demandez-lui de s’inscrire d’abord).'],
    });
    const own = await rejection(publish(services, host, 'besoin-lieu', parties.host.id, { ...spaceNeed, partnerSirets: `${partner.siret ?? ''}\n${spaced(parties.host.siret ?? '')}` }));
    expect(own.fieldErrors.partnerSirets).toEqual([
      `Partenaires : ${spaced(parties.host.siret ?? '')} est le SIRET de votre structure, chef de file du groupement ; indiquez seulement ses partenaires.`,
    ]);
    const malformed = await rejection(publish(services, host, 'besoin-lieu', parties.host.id, { ...spaceNeed, partnerSirets: '732 829 320' }));
    expect(malformed.fieldErrors.partnerSirets).toEqual(['Partenaires : « 732829320 » n’est pas un SIRET (14 chiffres).']);
    const eleven = Array.from({ length: 11 }, (_, index) => `${String(index).padStart(2, '0')}${'0'.repeat(12)}`).join('\n');
    const tooMany = await rejection(publish(services, host, 'besoin-lieu', parties.host.id, { ...spaceNeed, partnerSirets: eleven }));
    expect(tooMany.fieldErrors.partnerSirets).toEqual(['Partenaires : 10 structures au plus.']);
    expect({ needs: await db.prisma.need.count(), members: await db.prisma.spaceNeedMember.count() }).toEqual(before);
  });
});

describe('a refused form comes back with what was typed', () => {
  it('the publication page answers 400 with the typed values, never a file', async () => {
    const body = new URLSearchParams([
      ['title', 'Local pour un atelier vélo'],
      ['description', 'Trop court'],
      ['propertyTypes', 'BUILDING'],
      ['propertyTypes', 'ROOFTOP'],
      ['minSurfaceM2', 'beaucoup'],
      ['intendedUse', 'Atelier vélo'],
      ['partnerSirets', '732 829 320 00074'],
      ['communeCode', '30007'],
      ['maxDistanceKm', '25'],
      ['availableFrom', ''],
      ['availableUntil', ''],
    ]);
    const before = await db.prisma.need.count();
    const failure = (await publishAction({
      request: requestWithCookie(`/publier/besoin-lieu?organisation=${parties.host.id}`, await createUserSession(services, parties.hostMember.id), { method: 'POST', body }),
      context: context(),
      params: { kind: 'besoin-lieu' },
    })) as Failure;
    expect(failure.init.status).toBe(400);
    expect(Object.keys(failure.data.fieldErrors).sort()).toEqual(['description', 'minSurfaceM2']);
    expect(failure.data.values).toEqual({
      title: ['Local pour un atelier vélo'],
      description: ['Trop court'],
      propertyTypes: ['BUILDING', 'ROOFTOP'],
      minSurfaceM2: ['beaucoup'],
      intendedUse: ['Atelier vélo'],
      partnerSirets: ['732 829 320 00074'],
      communeCode: ['30007'],
      maxDistanceKm: ['25'],
      availableFrom: [''],
      availableUntil: [''],
    });
    expect(await db.prisma.need.count()).toBe(before);
  });

  it('the property page keeps the text fields even when a photo over 5 Mo stops the upload', async () => {
    const service = await createCouncilService(db.prisma, { name: 'Direction de l’immobilier' });
    const manager = await createUser(db.prisma, { email: 'immobilier@gard.fr', roles: [{ role: 'PROPERTY_MANAGER', organisationId: service.id }] });
    const form = new FormData();
    form.set('title', 'Ancienne école du Vigan');
    form.set('description', 'Deux salles de classe lumineuses, cour fermée.');
    form.set('propertyType', 'LAND');
    form.set('domain', 'PUBLIC');
    form.set('photo-0', new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'facade.jpg', { type: 'image/jpeg' }));
    form.set('photo-0-alt', 'La façade');
    const failure = (await propertyAction({
      request: requestWithCookie('/patrimoine/biens/nouveau', await createUserSession(services, manager.id), { method: 'POST', body: form }),
      context: context(),
      params: {},
    })) as Failure;
    expect(failure.init.status).toBe(400);
    expect(failure.data.fieldErrors).toEqual({ photos: ['Une photo dépasse 5 Mo.'] });
    // What came before the photo is sent back; the file never is.
    expect(failure.data.values).toEqual({
      title: ['Ancienne école du Vigan'],
      description: ['Deux salles de classe lumineuses, cour fermée.'],
      propertyType: ['LAND'],
      domain: ['PUBLIC'],
    });
    expect(await db.prisma.offer.count({ where: { kind: 'LIEU' } })).toBe(0);
  });
});
