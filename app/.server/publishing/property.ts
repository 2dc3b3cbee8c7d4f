import { z } from 'zod';
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from '../../lib/property-photos';
import { hasRole, organisationsWithRole } from '../auth/authorize';
import type { CurrentUser } from '../auth/session';
import { AppError } from '../errors';
import { fromZodError } from '../http/route-errors';
import { embedPending } from '../matching/embedding-store';
import type { Services } from '../services';
import { bothOrNeither, coordinatesFields } from '../../lib/coordinates';
import { inQpvAt } from '../zones/place-address';


export interface UploadedPhoto {
  body: Uint8Array;
  alt: string;
}

/** The file's first bytes decide its type, whatever name or type the browser announced. */
export function photoType(body: Uint8Array): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  const starts = (...bytes: number[]) => bytes.every((byte, index) => body[index] === byte);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...body.slice(8, 12)) === 'WEBP') return 'image/webp';
  return null;
}

const day = z.union([z.literal(''), z.iso.date('Date invalide (AAAA-MM-JJ).')]).default('');

const propertySchema = z
  .object({
    title: z.string().trim().min(5, 'Intitulé : 5 caractères au moins.').max(160),
    description: z.string().trim().min(20, 'Description : 20 caractères au moins.').max(4000),
    propertyType: z.enum(['BUILDING', 'LAND', 'ROOFTOP'], { error: 'Type de bien : choisissez-en un.' }),
    address: z.string().trim().min(5, 'Adresse : indiquez le numéro et la voie.').max(300),
    communeCode: z.string().trim().regex(/^30\d{3}$/, 'Commune : choisissez une commune du Gard.'),
    surfaceM2: z.coerce.number({ error: 'Surface : nombre attendu.' }).int('Surface : nombre entier.').min(1, 'Surface : 1 m² au moins.').max(1_000_000),
    floor: z.union([z.literal(''), z.coerce.number({ error: 'Étage : nombre attendu.' }).int().min(-3).max(50)]).default(''),
    stepFreeAccess: z.preprocess((value) => value === 'on', z.boolean()),
    domain: z.enum(['PUBLIC', 'PRIVATE'], { error: 'Domaine : public ou privé.' }),
    yearlyFee: z
      .string()
      .trim()
      .refine((value) => value === '' || /^\d{1,9}([.,]\d{1,2})?$/.test(value.replace(/\s/g, '')), 'Redevance : montant invalide (par exemple 1200 ou 1200,50).')
      .default(''),
    counterparts: z.string().trim().max(2000).default(''),
    availableFrom: day,
    availableUntil: day,
    callDeadline: day,
    ...coordinatesFields,
  })
  .superRefine(bothOrNeither)
  .refine((value) => !value.availableFrom || !value.availableUntil || value.availableFrom <= value.availableUntil, {
    message: 'La fin de la disponibilité doit suivre son début.',
    path: ['availableUntil'],
  });

function checkPhotos(photos: UploadedPhoto[]): { body: Uint8Array; alt: string; contentType: string }[] {
  const errors: string[] = [];
  if (photos.length > MAX_PHOTOS) errors.push(`${MAX_PHOTOS} photos au plus.`);
  const checked = photos.map((photo, index) => {
    const contentType = photoType(photo.body);
    if (!contentType) errors.push(`Photo ${index + 1} : JPEG, PNG ou WebP attendu.`);
    if (photo.body.byteLength > MAX_PHOTO_BYTES) errors.push(`Photo ${index + 1} : 5 Mo au plus.`);
    if (photo.alt.trim().length < 3) errors.push(`Photo ${index + 1} : décrivez-la en quelques mots (texte alternatif).`);
    return { body: photo.body, alt: photo.alt.trim().slice(0, 300), contentType: contentType ?? '' };
  });
  if (errors.length) throw new AppError('VALIDATION', 'Le bien n’a pas été publié.', { fieldErrors: { photos: errors } });
  return checked;
}

/**
 * A property service lists a vacant property for temporary occupation (plan action 1.3): published at once, photos
 * checked by their content and stored, the text embedded for suggestions. A call-for-occupation deadline may be set.
 */
export async function publishProperty(services: Services, user: CurrentUser, organisationId: string, input: Record<string, unknown>, photos: UploadedPhoto[]) {
  if (!hasRole(user, 'PROPERTY_MANAGER', organisationId)) throw new AppError('FORBIDDEN', 'Seul le service gestionnaire peut proposer ce bien.');
  const parsed = propertySchema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error, 'Le bien n’a pas été publié : corrigez les champs signalés.');
  const data = parsed.data;
  const checked = checkPhotos(photos);
  if (!(await services.prisma.commune.findUnique({ where: { code: data.communeCode }, select: { code: true } }))) {
    throw new AppError('VALIDATION', 'Le bien n’a pas été publié.', { fieldErrors: { communeCode: ['Commune : choisissez une commune du Gard.'] } });
  }
  const now = services.clock.now();
  const fee = data.yearlyFee ? Math.round(Number(data.yearlyFee.replace(/\s/g, '').replace(',', '.')) * 100) : null;
  const offer = await services.prisma.offer.create({
    data: {
      kind: 'LIEU',
      title: data.title,
      description: data.description,
      communeCode: data.communeCode,
      availableFrom: data.availableFrom ? new Date(`${data.availableFrom}T00:00:00Z`) : null,
      availableUntil: data.availableUntil ? new Date(`${data.availableUntil}T00:00:00Z`) : null,
      status: 'PUBLISHED',
      publishedAt: now,
      createdAt: now,
      ownerId: user.id,
      organisationId,
      property: {
        create: {
          propertyType: data.propertyType,
          address: data.address,
          communeCode: data.communeCode,
          surfaceM2: data.surfaceM2,
          floor: data.floor === '' ? null : data.floor,
          stepFreeAccess: data.stepFreeAccess,
          domain: data.domain,
          free: fee === null,
          yearlyFeeCents: fee,
          counterparts: data.counterparts || null,
          callDeadline: data.callDeadline ? new Date(`${data.callDeadline}T00:00:00Z`) : null,
          lat: data.lat,
          lon: data.lon,
          inQpv: (await inQpvAt(services.prisma, data)) ?? false,
          // A deadline given at publication opens the call for occupation at once.
          callOpenedAt: data.callDeadline ? services.clock.now() : null,
        },
      },
    },
  });
  // Files first, rows after: a failed upload leaves at worst an unreferenced file, never a row without its file.
  const extensions = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as Record<string, string>;
  const stored = [];
  for (const [position, photo] of checked.entries()) {
    const storageKey = `properties/${offer.id}/photo-${position + 1}.${extensions[photo.contentType] ?? 'bin'}`;
    await services.storage.put(storageKey, photo.body, photo.contentType);
    stored.push({ offerId: offer.id, storageKey, contentType: photo.contentType, sizeBytes: photo.body.byteLength, alt: photo.alt, position, createdAt: now });
  }
  if (stored.length) await services.prisma.propertyPhoto.createMany({ data: stored });
  await services.prisma.auditLog.create({ data: { actorId: user.id, action: 'property.published', targetType: 'Offer', targetId: offer.id, details: { photos: stored.length }, at: now } });
  try {
    await embedPending(services);
  } catch {
    // Suggestions embed a missing vector on the fly; the next start-up stores it.
  }
  return { id: offer.id };
}

/** A property's photo, public like the published offer it illustrates. */
export async function propertyPhoto(services: Services, photoId: string) {
  const photo = await services.prisma.propertyPhoto.findUnique({ where: { id: photoId }, include: { property: { include: { offer: { select: { status: true } } } } } });
  if (!photo || photo.property.offer.status !== 'PUBLISHED') throw new AppError('NOT_FOUND', 'Cette photo n’existe pas.');
  const file = await services.storage.get(photo.storageKey);
  if (!file) throw new AppError('NOT_FOUND', 'Cette photo n’existe pas.');
  return { body: file.body, contentType: photo.contentType };
}

export const propertyServicesOf = (user: CurrentUser) => organisationsWithRole(user, 'PROPERTY_MANAGER');
