import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createUserSession } from '../../app/.server/auth/session';
import type { Database } from '../../app/.server/db/connection';
import type { Services } from '../../app/.server/services';
import { importFrr, importQpv, type ZoneFile } from '../../app/.server/zones/import';
import { MAX_FRR_FILE_BYTES } from '../../app/lib/zone-file-limits';
import type { zonesState } from '../../app/.server/zones/state';
import { action as zonesAction, loader as zonesLoader } from '../../app/routes/admin.zones';
import { createCollege, createPropertyOffer, createStructure, createUser } from '../../prisma/seed/builders';
import { loadCommunes } from '../../prisma/seed/communes';
import { registerStructure } from '../../app/.server/organisations/register';
import { asCurrentUser } from '../support/convention-fixtures';
import { rejection } from '../support/rejection';
import { statusOf } from '../support/route-calls';
import { createTestDatabase } from '../support/test-database';
import { createTestServices, requestWithCookie } from '../support/test-services';

const fixtures = path.resolve('tests/fixtures/zones');
const csvFixture = (): ZoneFile => ({ name: 'frr-communes.csv', bytes: fs.readFileSync(path.join(fixtures, 'frr-communes.csv')) });
const qpvFixture = () => JSON.parse(fs.readFileSync(path.join(fixtures, 'qpv-gard.geojson'), 'utf8')) as { type: string; features: unknown[] };
const geojson = (value: unknown, name = 'qpv.geojson'): ZoneFile => ({ name, bytes: Buffer.from(JSON.stringify(value)) });
const csv = (text: string, name = 'frr.csv'): ZoneFile => ({ name, bytes: Buffer.from(text) });

/** A quartier of Montpellier (Hérault), inside the Gard's bounding box but outside its outline. */
const montpellier = {
  type: 'Feature',
  properties: { code_qp: 'QP034901', nom_qp: 'Quartier de Montpellier (extrait de test)', commune_qp: 'Montpellier' },
  geometry: { type: 'Polygon', coordinates: [[[3.87, 43.6], [3.88, 43.6], [3.88, 43.61], [3.87, 43.61], [3.87, 43.6]]] },
};

/** The DGCL list as a workbook: a notice sheet first, then the list under a title, codes typed as numbers. */
async function frrWorkbook(): Promise<ZoneFile> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Notice').addRow(['Liste des communes classées en zone France Ruralités Revitalisation']);
  const sheet = workbook.addWorksheet('Communes FRR');
  sheet.addRow(['Communes classées en FRR (arrêté de 2025)']);
  sheet.addRow([]);
  sheet.addRow(['Code_insee', 'Departement', 'Commune', 'Zonage FRR']);
  sheet.addRow([30132, 30, 'La Grand-Combe', 'FRR']);
  sheet.addRow([30007, 30, 'Alès', 'FRR']);
  sheet.addRow([30157, 30, 'Mars', 'FRR']);
  sheet.addRow([1004, 1, 'Ambérieu-en-Bugey', 'FRR']);
  return { name: 'frr.xlsx', bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) };
}

let db: Database;
let services: Services;
let clock: ReturnType<typeof createTestServices>['clock'];
const people: Record<string, string> = {};
const cookies: Record<string, string | null> = { anonymous: null };
const org: Record<string, string> = {};
const property: Record<string, string> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  ({ services, clock } = createTestServices(db));
  const p = db.prisma;
  await loadCommunes(p);
  const structure = await createStructure(p, { name: 'Hors zone' });
  const college = await createCollege(p);
  people.admin = (await createUser(p, { firstName: 'Claire', lastName: 'Mission', roles: [{ role: 'MISSION_ESS_ADMIN' }] })).id;
  people.structure = (await createUser(p, { roles: [{ role: 'STRUCTURE_MEMBER', organisationId: structure.id }] })).id;
  people.agent = (await createUser(p, { roles: [{ role: 'COUNCIL_AGENT' }] })).id;
  people.college = (await createUser(p, { roles: [{ role: 'COLLEGE_STAFF', organisationId: college.id }] })).id;
  people.property = (await createUser(p, { roles: [{ role: 'PROPERTY_MANAGER' }] })).id;
  for (const [who, id] of Object.entries(people)) cookies[who] = await createUserSession(services, id);

  // Addresses with coordinates are placed by the file; the others keep what was declared.
  org.pissevin = (await createStructure(p, { lat: 43.828, lon: 4.322, inQpv: false })).id;
  org.hole = (await createStructure(p, { lat: 43.832, lon: 4.3275, inQpv: true })).id;
  org.ales = (await createStructure(p, { communeCode: '30007', lat: 44.12, lon: 4.085 })).id;
  org.centre = (await createStructure(p, { lat: 43.8446, lon: 4.34761, inQpv: true })).id;
  org.declared = (await createStructure(p, { inQpv: true })).id;
  const ownerId = people.property;
  const place = async (key: string, coordinates: { lat: number; lon: number } | null, inQpv: boolean) => {
    const offer = await createPropertyOffer(p, { ownerId, communeCode: '30007', inQpv });
    if (coordinates) await p.propertyOffer.update({ where: { offerId: offer.id }, data: coordinates });
    property[key] = offer.id;
  };
  await place('alesSecondPiece', { lat: 44.137, lon: 4.102 }, false);
  await place('betweenPieces', { lat: 44.132, lon: 4.097 }, true);
  await place('declared', null, true);
});
afterAll(() => db.close());
// Each import at its own time, as in real life: the page shows the latest.
beforeEach(() => clock.advance(60_000));

const frrState = async () =>
  Object.fromEntries((await db.prisma.commune.findMany({ where: { frr: true }, orderBy: { code: 'asc' } })).map((c) => [c.code, c.frrClassification]));
const qpvFlags = async () => ({
  organisations: Object.fromEntries(
    await Promise.all(Object.entries(org).map(async ([key, id]) => [key, (await db.prisma.organisation.findUniqueOrThrow({ where: { id } })).inQpv])),
  ),
  properties: Object.fromEntries(
    await Promise.all(Object.entries(property).map(async ([key, offerId]) => [key, (await db.prisma.propertyOffer.findUniqueOrThrow({ where: { offerId } })).inQpv])),
  ),
});
const audits = (action: string) => db.prisma.auditLog.count({ where: { action } });

describe('importing the FRR list', () => {
  it('classifies the Gard communes of a CSV list and clears every other one', async () => {
    await db.prisma.commune.update({ where: { code: '30189' }, data: { frr: true, frrClassification: 'FRR' } });
    const result = await importFrr(services, csvFixture(), { actorId: people.admin ?? null });
    expect(result).toEqual({ classified: { 'FRR+': 1, FRR: 3 }, notClassified: 346, otherDepartments: 2, unknownCommunes: [] });
    expect(await frrState()).toEqual({ '30045': 'FRR', '30132': 'FRR', '30339': 'FRR+', '30350': 'FRR' });
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'frr.imported' } });
    expect(audit).toMatchObject({ actorId: people.admin, targetType: 'Commune', details: { file: 'frr-communes.csv', otherDepartments: 2 } });
  });

  it('reads the DGCL workbook: the sheet with the list, codes typed as numbers, unknown Gard codes reported and ignored', async () => {
    const result = await importFrr(services, await frrWorkbook());
    expect(result.classified).toEqual({ FRR: 2 });
    expect(result.otherDepartments).toBe(1);
    expect(result.unknownCommunes).toEqual(['Ligne 6 : Mars (30157) n’est pas une commune actuelle du Gard : ligne ignorée.']);
    expect(await frrState()).toEqual({ '30007': 'FRR', '30132': 'FRR' });
  });

  it('refuses a file with bad lines, line by line, and changes nothing', async () => {
    const before = { state: await frrState(), audits: await audits('frr.imported') };
    const error = await rejection(
      importFrr(services, csv('Code_insee;Departement;Commune;Classement FRR\n30339;30;Val-d’Aigoual;FRR+\n3035;30;Le Vigan;FRR\n30045;30;Bordezac;\n')),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('Liste FRR non importée : rien n’a été modifié.');
    expect(error.fieldErrors.file).toEqual([
      'Ligne 3 : code INSEE invalide (« 3035 », 5 caractères attendus, ex. 30189).',
      'Ligne 4 : classement FRR manquant.',
    ]);
    const xls = await rejection(importFrr(services, { name: 'frr.xls', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) }));
    expect(xls.fieldErrors.file).toEqual(['Ancien format Excel (.xls) : enregistrez le classeur au format .xlsx, ou en CSV.']);
    const broken = await rejection(importFrr(services, { name: 'frr.xlsx', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) }));
    expect(broken.fieldErrors.file).toEqual(['Classeur illisible : enregistrez-le au format .xlsx (Excel), ou en CSV.']);
    expect((await rejection(importFrr(services, null))).fieldErrors.file).toEqual(['Choisissez un fichier.']);
    expect({ state: await frrState(), audits: await audits('frr.imported') }).toEqual(before);
  });

  it('refuses to run before the communes are loaded, rather than ignoring every line', async () => {
    const empty = await createTestDatabase();
    try {
      const error = await rejection(importFrr(createTestServices(empty).services, csvFixture()));
      expect(error).toMatchObject({ code: 'CONFLICT', message: 'Aucune commune en base : chargez d’abord les communes du Gard (npm run db:seed).' });
    } finally {
      await empty.close();
    }
  });

  it('reads a comma-separated CSV exported in Windows-1252', async () => {
    const text = 'Code_insee,Département,Commune,FRR\r\n30339,30,Val-d’Aigoual,FRR+\r\n30231,30,Saint-André-de-Valborgne,FRR\r\n'.replace('’', "'");
    const result = await importFrr(services, { name: 'frr.csv', bytes: Buffer.from(text, 'latin1') });
    expect(result.classified).toEqual({ 'FRR+': 1, FRR: 1 });
    expect(await frrState()).toEqual({ '30231': 'FRR', '30339': 'FRR+' });
  });
});

describe('importing the QPV boundaries', () => {
  it('keeps the Gard’s quartiers and places every address with coordinates, holes included', async () => {
    const file = qpvFixture();
    const result = await importQpv(services, geojson({ ...file, features: [...file.features, montpellier] }), { actorId: people.admin ?? null });
    expect(result).toEqual({ areas: 2, outsideGard: 1, organisations: { located: 4, inQpv: 2 }, properties: { located: 2, inQpv: 1 } });
    expect((await db.prisma.qpvArea.findMany({ orderBy: { code: 'asc' } })).map((area) => [area.code, area.communes])).toEqual([
      ['QP030901', 'Nîmes'],
      ['QP030902', 'Alès'],
    ]);
    expect(await qpvFlags()).toEqual({
      organisations: { pissevin: true, hole: false, ales: true, centre: false, declared: true },
      properties: { alesSecondPiece: true, betweenPieces: false, declared: true },
    });
    expect(await audits('qpv.imported')).toBe(1);
  });

  it('replaces the previous quartiers at each import', async () => {
    const file = qpvFixture();
    const result = await importQpv(services, geojson({ ...file, features: file.features.slice(1) }));
    expect(result.areas).toBe(1);
    expect(await db.prisma.qpvArea.count()).toBe(1);
    expect((await qpvFlags()).organisations).toMatchObject({ pissevin: false, ales: true, declared: true });
    await importQpv(services, geojson(file));
  });

  it('refuses a bad file, naming the feature, and changes nothing', async () => {
    const before = { flags: await qpvFlags(), areas: await db.prisma.qpvArea.count(), audits: await audits('qpv.imported') };
    const file = qpvFixture();
    const badFeature = { type: 'Feature', properties: { code_qp: 'QP030903', commune_qp: 'Beaucaire' }, geometry: { type: 'Point', coordinates: [4.64, 43.81] } };
    const bad = await rejection(importQpv(services, geojson({ ...file, features: [...file.features, badFeature] })));
    expect(bad.message).toBe('Périmètres QPV non importés : rien n’a été modifié.');
    expect(bad.fieldErrors.file).toEqual([
      'Entité n° 3 (features[2]) : properties.nom_qp : nom_qp manquant ; geometry.type : géométrie Polygon ou MultiPolygon attendue.',
    ]);
    const notJson = await rejection(importQpv(services, { name: 'qpv.geojson', bytes: Buffer.from('{"type": "FeatureCollection", ') }));
    expect(notJson.fieldErrors.file?.[0]).toMatch(/^Le fichier n’est pas un GeoJSON lisible \(/);
    const elsewhere = await rejection(importQpv(services, geojson({ type: 'FeatureCollection', features: [montpellier] })));
    expect(elsewhere.fieldErrors.file).toEqual(['Aucun des 1 quartier(s) du fichier n’est dans le Gard.']);
    expect({ flags: await qpvFlags(), areas: await db.prisma.qpvArea.count(), audits: await audits('qpv.imported') }).toEqual(before);
  });
});

describe('the Mission ESS page', () => {
  type Answer = { ok?: boolean; message?: string; formError?: string; fieldErrors?: Record<string, string[]>; kind?: string | null };
  const post = async (who: string, query: string, body: FormData | URLSearchParams) => {
    const request = requestWithCookie(`/admin/zones${query}`, cookies[who] ?? null, { method: 'POST', body });
    const result = (await zonesAction({ request, context: { services, clientIp: '127.0.0.1' }, params: {} })) as { init?: { status?: number }; data?: Answer } & Answer;
    return result.init ? { status: result.init.status ?? 200, body: result.data } : { status: 200, body: result };
  };
  const upload = (content: BlobPart, name: string) => {
    const form = new FormData();
    form.set('file', new File([content], name));
    return form;
  };

  it('is for the Mission ESS only', async () => {
    const expected: Record<string, number> = { admin: 200, structure: 403, agent: 403, college: 403, property: 403, anonymous: 302 };
    for (const [who, status] of Object.entries(expected)) {
      expect(await statusOf(zonesLoader, services, requestWithCookie('/admin/zones', cookies[who] ?? null)), who).toBe(status);
    }
    const before = await frrState();
    for (const who of ['structure', 'agent', 'college', 'property']) {
      expect((await post(who, '?import=frr', upload(fs.readFileSync(path.join(fixtures, 'frr-communes.csv')), 'frr.csv'))).status, who).toBe(403);
    }
    expect(await frrState()).toEqual(before);
  });

  it('shows the zones in force and the last imports', async () => {
    const request = requestWithCookie('/admin/zones', cookies.admin ?? null);
    const state = (await zonesLoader({ request, context: { services, clientIp: '127.0.0.1' }, params: {} })) as Awaited<ReturnType<typeof zonesState>>;
    expect(state.communes).toBe(350);
    expect(state.frr).toEqual([
      { classification: 'FRR', count: 1 },
      { classification: 'FRR+', count: 1 },
    ]);
    expect(state.qpvAreas.map((area) => area.code)).toEqual(['QP030901', 'QP030902']);
    expect(state.lastFrr).toMatchObject({ by: null, file: 'frr.csv' });
    expect(state.lastQpv).toMatchObject({ by: null, file: 'qpv.geojson' });
    expect(state.located).toEqual({ organisations: 4, organisationsInQpv: 2, properties: 2, propertiesInQpv: 1 });
  });

  it('imports an uploaded list and says what changed', async () => {
    const answer = await post('admin', '?import=frr', upload(fs.readFileSync(path.join(fixtures, 'frr-communes.csv')), 'frr-communes.csv'));
    expect(answer.status).toBe(200);
    expect(answer.body?.message).toBe(
      'Liste FRR importée : 4 communes du Gard classées (FRR+ : 1, FRR : 3), 346 non classée(s) ; 2 lignes d’autres départements ignorée(s).',
    );
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'frr.imported' }, orderBy: { at: 'desc' }, include: { actor: true } });
    expect(audit.actor?.lastName).toBe('Mission');
  });

  it('answers a bad upload with 400 and French messages next to the field', async () => {
    const badLines = await post('admin', '?import=frr', upload('Code_insee;Departement;Commune;FRR\n30339;30;Val-d’Aigoual;\n30350;;Le Vigan;FRR\n', 'frr.csv'));
    expect(badLines.status).toBe(400);
    expect(badLines.body).toMatchObject({ kind: 'frr', formError: 'Liste FRR non importée : rien n’a été modifié.' });
    expect(badLines.body?.fieldErrors?.file).toEqual(['Ligne 2 : classement FRR manquant.', 'Ligne 3 : département manquant.']);

    const noFile = await post('admin', '?import=qpv', new FormData());
    expect(noFile.status).toBe(400);
    expect(noFile.body?.fieldErrors?.file).toEqual(['Choisissez un fichier.']);

    const notMultipart = await post('admin', '?import=qpv', new URLSearchParams({ file: 'x' }));
    expect(notMultipart.body?.fieldErrors?.file).toEqual(['Choisissez un fichier.']);

    const tooBig = await post('admin', '?import=frr', upload(new Uint8Array(MAX_FRR_FILE_BYTES + 1), 'frr.csv'));
    expect(tooBig.status).toBe(400);
    expect(tooBig.body?.fieldErrors?.file).toEqual(['Le fichier dépasse 5 Mo.']);

    const badGeojson = await post('admin', '?import=qpv', upload('{"type": "Feature"}', 'qpv.geojson'));
    expect(badGeojson.status).toBe(400);
    expect(badGeojson.body?.fieldErrors?.file?.[0]).toContain('FeatureCollection');

    const unknown = await post('admin', '?import=zrr', upload('x', 'x.csv'));
    expect(unknown).toMatchObject({ status: 400, body: { kind: null, formError: 'Import inconnu : choisissez la liste FRR ou les périmètres QPV.' } });
    expect(await db.prisma.qpvArea.count()).toBe(2);
  });
});

describe('npm run zones', () => {
  const cli = (args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'app/.server/cli/zones.ts', ...args], { timeout: 120_000 });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });

  it('answers bad arguments with the usage line and exit code 2, before opening any database', async () => {
    const [unknownCommand, missingFile] = await Promise.all([cli(['zrr', '--file', 'x.csv']), cli(['frr', '--file', path.join(fixtures, 'absent.csv')])]);
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.stderr).toContain('Usage : npm run zones -- frr|qpv --file FICHIER');
    expect(missingFile.code).toBe(2);
    expect(missingFile.stderr).toContain('fichier illisible');
    expect(missingFile.stdout).toBe('');
  });
});

describe('addresses typed in the forms', () => {
  it('places a new address by the coordinates typed in the forms, and refuses half or foreign coordinates', async () => {
    await importQpv(services, geojson(qpvFixture()));
    const founder = await asCurrentUser(db, (await createUser(db.prisma, { email: 'fondatrice.qpv@example.org' })).id);
    const base = { legalForm: 'ASSOCIATION', address: '3 rue de Pissevin', communeCode: '30189', skillsEligibility: 'NONE' };
    const inside = await registerStructure(services, founder, { ...base, name: 'Atelier de Pissevin', siret: '73282932000074', lat: '43,828', lon: '4.322' });
    const outside = await registerStructure(services, founder, { ...base, name: 'Atelier du centre', siret: '35600000000048', lat: '43.8446', lon: '4.34761' });
    const placed = async (id: string) => (await db.prisma.organisation.findUniqueOrThrow({ where: { id } })).inQpv;
    expect([await placed(inside.id), await placed(outside.id)]).toEqual([true, false]);
    const half = await rejection(registerStructure(services, founder, { ...base, name: 'Atelier sans longitude', siret: '44306184100047', lat: '43.8' }));
    expect(half.fieldErrors.lon).toEqual(['Indiquez la latitude et la longitude, ou aucune des deux.']);
    const paris = await rejection(registerStructure(services, founder, { ...base, name: 'Atelier parisien', siret: '44306184100047', lat: '48.85', lon: '2.35' }));
    expect(Object.keys(paris.fieldErrors).sort()).toEqual(['lat', 'lon']);
    expect(await db.prisma.organisation.count({ where: { siret: '44306184100047' } })).toBe(0);
  });
});
