import { luhnSum, UAI_KEY_LETTERS } from '../../app/lib/identifiers';

/** Deterministic source of unique numbers for builders: tests and the seed inject their own, never Math.random. */
export interface Sequence {
  next(): number;
}

export function createSequence(start = 1): Sequence {
  let current = start;
  return { next: () => current++ };
}

function withLuhnKey(body: string): string {
  const key = (10 - (luhnSum(`${body}0`) % 10)) % 10;
  return `${body}${key}`;
}

/** A SIRET whose SIREN and SIRET keys are both valid; the 999 prefix keeps it away from most real companies. */
export function siretFromNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99_999) throw new RangeError(`Numéro de SIRET hors plage : ${n}`);
  const siren = withLuhnKey(`999${String(n).padStart(5, '0')}`);
  return withLuhnKey(`${siren}0001`);
}

/** A collège UAI in the Gard (030…), with its key letter. */
export function uaiFromNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9_999) throw new RangeError(`Numéro d'UAI hors plage : ${n}`);
  const digits = `030${String(n).padStart(4, '0')}`;
  return `${digits}${UAI_KEY_LETTERS[Number(digits) % 23]}`;
}
