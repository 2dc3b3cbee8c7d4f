import { z } from 'zod';

/**
 * Optional GPS coordinates of an address (WGS 84, decimal degrees, « 43,8367 » or « 43.8367 »), both or neither.
 * They place the address in or out of a QPV (ANCT boundaries); the box is the Gard's, with a margin.
 */
const degree = (name: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .transform((value) => value.replace(',', '.'))
    .refine((value) => value === '' || /^-?\d{1,3}(\.\d{1,8})?$/.test(value), `${name} : nombre décimal attendu (par exemple ${min + 0.5}).`)
    .transform((value) => (value === '' ? null : Number(value)))
    .refine((value) => value === null || (value >= min && value <= max), `${name} : hors du Gard (entre ${min} et ${max}).`);

export const coordinatesFields = {
  lat: degree('Latitude', 43.4, 44.5).default(null),
  lon: degree('Longitude', 3.2, 4.9).default(null),
};

/** Refinement for an object holding `coordinatesFields`: one coordinate without the other is refused. */
export function bothOrNeither(value: { lat: number | null; lon: number | null }, context: z.RefinementCtx) {
  if ((value.lat === null) !== (value.lon === null)) {
    context.addIssue({ code: 'custom', path: [value.lat === null ? 'lat' : 'lon'], message: 'Indiquez la latitude et la longitude, ou aucune des deux.' });
  }
}
