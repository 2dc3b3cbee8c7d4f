import { z } from 'zod';
import { AppError } from './errors';

const reasonSchema = z.string({ error: 'Indiquez le motif.' }).trim().min(3, 'Indiquez le motif (3 caractères au moins).').max(1000, '1 000 caractères au plus.');

/** A reason typed by a person for a refusal, a cancellation or an amendment: required, told to the other parties. */
export function requiredReason(raw: unknown, field = 'reason'): string {
  const parsed = reasonSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('VALIDATION', 'Indiquez le motif de votre décision.', {
      fieldErrors: { [field]: parsed.error.issues.map((issue) => issue.message) },
    });
  }
  return parsed.data;
}
