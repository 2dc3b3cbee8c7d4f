import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../app/.server/db/connection';
import { MAP_ITEM_LIMIT, mapData, mapFiltersQuery, parseMapFilters } from '../../app/.server/map';
import type { Services } from '../../app/.server/services';
import { groupItemsByCommune, itemPositions } from '../../app/components/map-layers';
import { loader } from '../../app/routes/carte';
import {
  createAgent,
  createCollege,
  createCouncilService,
  createInternshipNeed,
  createInternshipOffer,
  createPropertyOffer,
  createSkillNeed,
  createSkillOffer,
  createSpaceNeed,
  createStructure,
  createUser,
} from '../../prisma/seed/builders';
import { loadCommunes } from '../../prisma/seed/communes';
import { createTestDatabase } from '../support/test-database';
import { createTestServices } from '../support/test-services';

const NIMES = '30189';
const ALES = '30007';
const UZES = '30334';

let db: Database;
let services: Services;
type Fixture =
  | 'skillOffer'
  | 'propertyOffer'
  | 'internshipOffer'
  | 'draftOffer'
  | 'pendingOffer'
  | 'archivedOffer'
  | 'skillNeed'
  | 'spaceNeed'
  | 'internshipNeed'
  | 'draftNeed'
  | 'archivedNeed';
let ids: Record<Fixture, string>;

beforeAll(async () => {
  db = await createTestDatabase();
  services = createTestServices(db).services;
  const p = db.prisma;
  await loadCommunes(p);
  const structure = await createStructure(p, { name: 'La Recyclerie Cévenole', communeCode: ALES });
  const member = await createUser(p, { email: 'tresoriere@recyclerie.example.org', firstName: 'Odile', lastName: 'Secrète', roles: [{ role: 'STRUCTURE_MEMBER', organisationId: structure.id }] });
  const service = await createCouncilService(p, { name: 'Direction du patrimoine' });
  const agent = await createAgent(p, { email: 'agent.secret@gard.fr', firstName: 'Marius', lastName: 'Confidentiel', serviceId: service.id });
  const manager = await createUser(p, { email: 'patrimoine@gard.fr', roles: [{ role: 'PROPERTY_MANAGER' }] });
  const college = await createCollege(p, { name: 'Collège de la Gardonnenque', communeCode: UZES });
  const principal = await createUser(p, { email: 'principal@college.example.org', roles: [{ role: 'COLLEGE_STAFF', organisationId: college.id }] });

  const skillOffer = await createSkillOffer(p, { agentId: agent.id, title: 'Comptabilité associative', communeCode: NIMES });
  const propertyOffer = await createPropertyOffer(p, { ownerId: manager.id, title: 'Ancienne école de hameau', communeCode: ALES, address: '12 chemin secret' });
  const internshipOffer = await createInternshipOffer(p, { ownerId: member.id, organisationId: structure.id, title: 'Découvrir le réemploi', communeCode: ALES, tutorName: 'Odile Secrète' });
  const draftOffer = await createSkillOffer(p, { agentId: agent.id, title: 'Brouillon de compétence', status: 'DRAFT', communeCode: NIMES });
  const pendingOffer = await createSkillOffer(p, { agentId: agent.id, title: 'En attente du chef', status: 'PENDING_APPROVAL', communeCode: NIMES });
  const archivedOffer = await createPropertyOffer(p, { ownerId: manager.id, title: 'Local retiré', status: 'ARCHIVED', communeCode: NIMES });

  const skillNeed = await createSkillNeed(p, { ownerId: member.id, organisationId: structure.id, title: 'Refaire notre site web', communeCode: ALES });
  const spaceNeed = await createSpaceNeed(p, { ownerId: member.id, organisationId: structure.id, title: 'Un atelier de 80 m²', communeCode: NIMES });
  const internshipNeed = await createInternshipNeed(p, { ownerId: principal.id, organisationId: college.id, title: 'Stage pour deux élèves', communeCode: UZES });
  const draftNeed = await createSkillNeed(p, { ownerId: member.id, organisationId: structure.id, title: 'Besoin pas encore publié', status: 'DRAFT' });
  const archivedNeed = await createSpaceNeed(p, { ownerId: member.id, organisationId: structure.id, title: 'Besoin archivé', status: 'ARCHIVED' });

  ids = {
    skillOffer: skillOffer.id,
    propertyOffer: propertyOffer.id,
    internshipOffer: internshipOffer.id,
    draftOffer: draftOffer.id,
    pendingOffer: pendingOffer.id,
    archivedOffer: archivedOffer.id,
    skillNeed: skillNeed.id,
    spaceNeed: spaceNeed.id,
    internshipNeed: internshipNeed.id,
    draftNeed: draftNeed.id,
    archivedNeed: archivedNeed.id,
  };
});
afterAll(() => db.close());

const query = (search: string) => new URLSearchParams(search);

describe('the public map data', () => {
  it('shows every published offer and need by default, sorted by commune for the list', async () => {
    const result = await mapData(services, query(''));
    expect(result.filters).toEqual({ type: 'tous', kinds: ['COMPETENCE', 'LIEU', 'STAGE'] });
    expect(result.warnings).toEqual([]);
    expect(result.items.map((item) => item.id).sort()).toEqual(
      [ids.skillOffer, ids.propertyOffer, ids.internshipOffer, ids.skillNeed, ids.spaceNeed, ids.internshipNeed].sort(),
    );
    expect(result.counts).toEqual({
      total: 6,
      offres: 3,
      besoins: 3,
      byKind: { COMPETENCE: { offres: 1, besoins: 1 }, LIEU: { offres: 1, besoins: 1 }, STAGE: { offres: 1, besoins: 1 } },
    });
    expect(result.capped).toBe(false);
    expect(result.limit).toBe(MAP_ITEM_LIMIT);
    // Grouped by commune name (Alès, Nîmes, Uzès), offers before needs, then by kind.
    expect(result.items.map((item) => `${item.communeName} ${item.side} ${item.kind}`)).toEqual([
      'Alès offre LIEU',
      'Alès offre STAGE',
      'Alès besoin COMPETENCE',
      'Nîmes offre COMPETENCE',
      'Nîmes besoin LIEU',
      'Uzès besoin STAGE',
    ]);
    const groups = groupItemsByCommune(result.items);
    expect(groups.map((group) => [group.name, group.offres, group.besoins])).toEqual([
      ['Alès', 2, 1],
      ['Nîmes', 1, 1],
      ['Uzès', 0, 1],
    ]);
  });

  it('gives each item its commune position, and a link for offers only', async () => {
    const { items } = await mapData(services, query(''));
    const nimes = await db.prisma.commune.findUniqueOrThrow({ where: { code: NIMES } });
    const skillOffer = items.find((item) => item.id === ids.skillOffer);
    expect(skillOffer).toEqual({
      id: ids.skillOffer,
      side: 'offre',
      kind: 'COMPETENCE',
      title: 'Comptabilité associative',
      communeCode: NIMES,
      communeName: 'Nîmes',
      lat: nimes.lat,
      lon: nimes.lon,
      href: `/offres/${ids.skillOffer}`,
    });
    for (const item of items) expect(item.href).toBe(item.side === 'offre' ? `/offres/${item.id}` : null);
    // Items sharing a commune are spread a little so each stays visible; all stay within about a kilometre.
    const positions = itemPositions(items);
    const ales = items.filter((item) => item.communeCode === ALES);
    const spots = new Set(ales.map((item) => positions.get(item.id)?.join(',')));
    expect(spots.size).toBe(ales.length);
    for (const item of ales) {
      const [lon, lat] = positions.get(item.id) ?? [0, 0];
      expect(Math.abs(lon - item.lon)).toBeLessThan(0.015);
      expect(Math.abs(lat - item.lat)).toBeLessThan(0.01);
    }
  });

  it('filters by side', async () => {
    const offers = await mapData(services, query('type=offres'));
    expect(offers.items.every((item) => item.side === 'offre')).toBe(true);
    expect(offers.items.map((item) => item.id).sort()).toEqual([ids.skillOffer, ids.propertyOffer, ids.internshipOffer].sort());
    expect(offers.counts).toMatchObject({ total: 3, offres: 3, besoins: 0 });

    const needs = await mapData(services, query('type=besoins'));
    expect(needs.items.map((item) => item.id).sort()).toEqual([ids.skillNeed, ids.spaceNeed, ids.internshipNeed].sort());
    expect(needs.counts).toMatchObject({ total: 3, offres: 0, besoins: 3 });
  });

  it('filters by one or several kinds, with the side', async () => {
    const places = await mapData(services, query('kind=LIEU'));
    expect(places.filters.kinds).toEqual(['LIEU']);
    expect(places.items.map((item) => item.id).sort()).toEqual([ids.propertyOffer, ids.spaceNeed].sort());

    const two = await mapData(services, query('kind=STAGE&kind=COMPETENCE&type=besoins'));
    expect(two.filters).toEqual({ type: 'besoins', kinds: ['COMPETENCE', 'STAGE'] });
    expect(two.items.map((item) => item.id).sort()).toEqual([ids.skillNeed, ids.internshipNeed].sort());
    expect(two.counts.byKind.LIEU).toEqual({ offres: 0, besoins: 0 });

    // The catalogue's lower-case slugs are understood too.
    expect((await mapData(services, query('kind=stage&type=offres'))).items.map((item) => item.id)).toEqual([ids.internshipOffer]);
    // Parsed filters can be given directly.
    expect((await mapData(services, { type: 'offres', kinds: ['COMPETENCE'] })).items.map((item) => item.id)).toEqual([ids.skillOffer]);
  });

  it('never shows drafts, offers awaiting approval or archived items', async () => {
    const { items } = await mapData(services, query(''));
    const shown = new Set(items.map((item) => item.id));
    for (const hidden of [ids.draftOffer, ids.pendingOffer, ids.archivedOffer, ids.draftNeed, ids.archivedNeed]) {
      expect(shown.has(hidden)).toBe(false);
    }
  });

  it('falls back to the defaults on bad values, with a French warning, never an error', async () => {
    const bad = parseMapFilters(query('type=tout-le-monde&kind=PISCINE&kind=&kind=lieu'));
    expect(bad.filters).toEqual({ type: 'tous', kinds: ['LIEU'] });
    expect(bad.warnings).toHaveLength(2);
    expect(bad.warnings.join(' ')).toMatch(/ce filtre a été ignoré/);

    const allBad = await mapData(services, query('type=%00%27;DROP&kind=1&kind=' + 'x'.repeat(500)));
    expect(allBad.filters).toEqual({ type: 'tous', kinds: ['COMPETENCE', 'LIEU', 'STAGE'] });
    expect(allBad.items).toHaveLength(6);
    expect(allBad.warnings).toHaveLength(3);
    for (const warning of allBad.warnings) expect(warning.length).toBeLessThan(200);

    // Through the route: a 200 with the defaults.
    const data = await loader({
      request: new Request('http://127.0.0.1/carte?type=42&kind=%E2%9C%93'),
      context: { services, clientIp: '127.0.0.1' },
      params: {},
    });
    expect(data?.items).toHaveLength(6);
    expect(data?.warnings).toHaveLength(2);
    expect(data?.mapboxToken).toBeNull();
  });

  it('writes the filters back as a short query string', () => {
    expect(mapFiltersQuery({ type: 'tous', kinds: ['COMPETENCE', 'LIEU', 'STAGE'] })).toBe('');
    expect(mapFiltersQuery({ type: 'besoins', kinds: ['LIEU', 'STAGE'] })).toBe('type=besoins&kind=LIEU&kind=STAGE');
    expect(parseMapFilters(query(mapFiltersQuery({ type: 'offres', kinds: ['STAGE'] }))).filters).toEqual({ type: 'offres', kinds: ['STAGE'] });
  });

  it('holds no personal data: no owner, email, organisation, tutor or address', async () => {
    const result = await mapData(services, query(''));
    const text = JSON.stringify(result);
    expect(text).not.toMatch(/@/);
    for (const secret of ['Odile', 'Secrète', 'Marius', 'Confidentiel', 'Recyclerie', 'Gardonnenque', 'chemin secret', 'Direction du patrimoine']) {
      expect(text).not.toContain(secret);
    }
    for (const item of result.items) {
      expect(Object.keys(item).sort()).toEqual(['communeCode', 'communeName', 'href', 'id', 'kind', 'lat', 'lon', 'side', 'title']);
    }
  });
});
