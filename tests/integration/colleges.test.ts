import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserSession } from '../../app/.server/auth/session';
import type { Database } from '../../app/.server/db/connection';
import { registerCollege } from '../../app/.server/organisations/register';
import type { Services } from '../../app/.server/services';
import * as newCollegeRoute from '../../app/routes/colleges.nouveau';
import { createUser } from '../../prisma/seed/builders';
import { loadCommunes } from '../../prisma/seed/communes';
import { asCurrentUser } from '../support/convention-fixtures';
import { rejection } from '../support/rejection';
import { createTestDatabase } from '../support/test-database';
import { createTestServices, requestWithCookie } from '../support/test-services';

let db: Database;
let services: Services;

beforeAll(async () => {
  db = await createTestDatabase();
  services = createTestServices(db).services;
  await loadCommunes(db.prisma);
});
afterAll(() => db.close());

const valid = { name: 'Collège Feuchères', uai: '0300001n', address: '1 rue Feuchères', communeCode: '30189', priorityEducation: 'REP_PLUS', qpv: 'on' };

describe('declaring a collège', () => {
  it('is for staff with an academic address only', async () => {
    const outsider = await asCurrentUser(db, (await createUser(db.prisma, { email: 'parent@example.org' })).id);
    const refused = await rejection(registerCollege(services, outsider, valid));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toContain('ac-montpellier.fr');
    expect(await db.prisma.organisation.count()).toBe(0);
  });

  it('checks the UAI (format, Gard, key letter) and the commune, then makes the declarant its first staff member', async () => {
    const principal = await asCurrentUser(db, (await createUser(db.prisma, { email: 'principale@ac-montpellier.fr' })).id);
    const wrongKey = await rejection(registerCollege(services, principal, { ...valid, uai: '0300001K' }));
    expect(wrongKey.fieldErrors.uai).toEqual(['UAI : la lettre de contrôle ne correspond pas, vérifiez le numéro.']);
    const herault = await rejection(registerCollege(services, principal, { ...valid, uai: '0340001S' }));
    expect(herault.fieldErrors.uai?.[0]).toContain('Gard');
    const bad = await rejection(registerCollege(services, principal, { ...valid, uai: '12', communeCode: '13055', priorityEducation: 'ZEP' }));
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(['communeCode', 'priorityEducation', 'uai']);
    expect(await db.prisma.organisation.count()).toBe(0);

    const { id } = await registerCollege(services, principal, valid);
    expect(await db.prisma.organisation.findUniqueOrThrow({ where: { id } })).toMatchObject({
      kind: 'COLLEGE',
      uai: '0300001N',
      rep: false,
      repPlus: true,
      qpv: true,
      communeCode: '30189',
    });
    expect(await db.prisma.roleGrant.findFirst({ where: { userId: principal.id, organisationId: id, role: 'COLLEGE_STAFF' } })).not.toBeNull();
    const twice = await rejection(registerCollege(services, principal, { ...valid, uai: '0300001N' }));
    expect(twice.code).toBe('CONFLICT');
    expect(twice.fieldErrors.uai).toEqual(['Cet UAI est déjà inscrit.']);
  });

  it('the form answers bad input with a 400 and French field errors, and a good one with the collège’s space', async () => {
    const teacher = await createUser(db.prisma, { email: 'prof@ac-montpellier.fr' });
    const cookie = await createUserSession(services, teacher.id);
    const post = (fields: Record<string, string>) =>
      newCollegeRoute.action({
        request: requestWithCookie('/colleges/nouveau', cookie, { method: 'POST', body: new URLSearchParams(fields) }),
        context: { services, clientIp: '127.0.0.1' },
        params: {},
      }) as Promise<unknown>;
    const failed = (await post({ ...valid, uai: '0301234A', name: '' })) as { init: { status: number }; data: { fieldErrors: Record<string, string[]> } };
    expect(failed.init.status).toBe(400);
    expect(Object.keys(failed.data.fieldErrors).sort()).toEqual(['name', 'uai']);
    const created = (await post({ ...valid, uai: '0301234D', name: 'Collège Diderot' })) as Response;
    expect(created.status).toBe(302);
    expect(created.headers.get('Location')).toMatch(/^\/espace\/college\//);
  });
});
