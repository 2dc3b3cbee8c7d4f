import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../app/.server/db/connection';
import { photoType, propertyPhoto, publishProperty } from '../../app/.server/publishing/property';
import type { Services } from '../../app/.server/services';
import { createCouncilService, createUser } from '../../prisma/seed/builders';
import { loadCommunes } from '../../prisma/seed/communes';
import { asCurrentUser } from '../support/convention-fixtures';
import { createTestDatabase } from '../support/test-database';
import { createTestServices } from '../support/test-services';
import { rejection } from '../support/rejection';

let db: Database;
let services: Services;
const ids: Record<string, string> = {};

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
function tooHeavyJpeg(): Uint8Array {
  const body = new Uint8Array(5 * 1024 * 1024 + 1);
  body.set(JPEG);
  return body;
}

const fields = {
  title: 'Ancienne école du Vigan',
  description: 'Deux salles de classe lumineuses, cour fermée, sanitaires refaits en 2019.',
  propertyType: 'BUILDING',
  address: '3 place de la Mairie',
  communeCode: '30350',
  surfaceM2: '240',
  floor: '0',
  stepFreeAccess: 'on',
  domain: 'PRIVATE',
  yearlyFee: '',
  counterparts: '',
  availableFrom: '2027-01-01',
  availableUntil: '',
  callDeadline: '2026-12-31',
};

beforeAll(async () => {
  db = await createTestDatabase();
  services = createTestServices(db).services;
  await loadCommunes(db.prisma);
  const service = await createCouncilService(db.prisma, { name: 'Direction de l’immobilier' });
  ids.service = service.id;
  ids.manager = (await createUser(db.prisma, { roles: [{ role: 'PROPERTY_MANAGER', organisationId: service.id }] })).id;
  ids.stranger = (await createUser(db.prisma, { roles: [{ role: 'STRUCTURE_MEMBER' }] })).id;
});
afterAll(() => db.close());

describe('a property service lists a vacant property', () => {
  it('recognises photos by their content, not by their name', () => {
    expect(photoType(PNG)).toBe('image/png');
    expect(photoType(JPEG)).toBe('image/jpeg');
    expect(photoType(Uint8Array.from([0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50]))).toBe('image/webp');
    expect(photoType(new TextEncoder().encode('<svg onload="alert(1)">'))).toBeNull();
  });

  it('refuses bad photos and bad fields without creating anything', async () => {
    const manager = await asCurrentUser(db, ids.manager ?? '');
    const photos = [
      { body: new TextEncoder().encode('GIF89a'), alt: 'Façade' },
      { body: JPEG, alt: '' },
      { body: tooHeavyJpeg(), alt: 'Trop lourde' },
    ];
    const error = await rejection(publishProperty(services, manager, ids.service ?? '', fields, photos));
    expect(error.fieldErrors.photos).toEqual([
      'Photo 1 : JPEG, PNG ou WebP attendu.',
      'Photo 2 : décrivez-la en quelques mots (texte alternatif).',
      'Photo 3 : 5 Mo au plus.',
    ]);
    const fieldError = await rejection(publishProperty(services, manager, ids.service ?? '', { ...fields, surfaceM2: 'grand', yearlyFee: '12,345' }, []));
    expect(Object.keys(fieldError.fieldErrors).sort()).toEqual(['surfaceM2', 'yearlyFee']);
    expect(await db.prisma.offer.count()).toBe(0);
  });

  it('publishes with photos stored and served; only its service may list it', async () => {
    const manager = await asCurrentUser(db, ids.manager ?? '');
    const { id } = await publishProperty(services, manager, ids.service ?? '', { ...fields, yearlyFee: '1 200,50' }, [{ body: PNG, alt: 'La cour de l’école' }]);
    const offer = await db.prisma.offer.findUniqueOrThrow({ where: { id }, include: { property: { include: { photos: true } } } });
    expect(offer).toMatchObject({ status: 'PUBLISHED', kind: 'LIEU', organisationId: ids.service, embeddingModel: 'local:lexical-fr:384' });
    expect(offer.property).toMatchObject({ free: false, yearlyFeeCents: 120050, floor: 0, stepFreeAccess: true, surfaceM2: 240 });
    const [photo] = offer.property?.photos ?? [];
    expect(photo).toMatchObject({ contentType: 'image/png', alt: 'La cour de l’école', sizeBytes: PNG.byteLength });
    expect((await propertyPhoto(services, photo?.id ?? '')).body).toEqual(PNG);

    await db.prisma.offer.update({ where: { id }, data: { status: 'ARCHIVED' } });
    expect((await rejection(propertyPhoto(services, photo?.id ?? ''))).code).toBe('NOT_FOUND');

    const stranger = await asCurrentUser(db, ids.stranger ?? '');
    expect((await rejection(publishProperty(services, stranger, ids.service ?? '', fields, []))).code).toBe('FORBIDDEN');
  });
});
