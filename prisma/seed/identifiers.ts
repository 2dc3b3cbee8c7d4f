/** Deterministic source of unique numbers for builders: tests and the seed inject their own, never Math.random. */
export interface Sequence {
  next(): number;
}

export function createSequence(start = 1): Sequence {
  let current = start;
  return { next: () => current++ };
}

function luhnSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum;
}

function withLuhnKey(body: string): string {
  const key = (10 - (luhnSum(`${body}0`) % 10)) % 10;
  return `${body}${key}`;
}

// La Poste's establishments share SIREN 356000000 and cannot all satisfy Luhn: INSEE checks their digit sum modulo 5.
const LA_POSTE_SIREN = '356000000';

export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  if (value.startsWith(LA_POSTE_SIREN) && value !== `${LA_POSTE_SIREN}00048`) {
    const digitSum = [...value].reduce((sum, digit) => sum + Number(digit), 0);
    return digitSum % 5 === 0;
  }
  return luhnSum(value) % 10 === 0;
}

/** A SIRET whose SIREN and SIRET keys are both valid; the 999 prefix keeps it away from most real companies. */
export function siretFromNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99_999) throw new RangeError(`Numéro de SIRET hors plage : ${n}`);
  const siren = withLuhnKey(`999${String(n).padStart(5, '0')}`);
  return withLuhnKey(`${siren}0001`);
}

// The UAI key letter skips I, O and Q to avoid confusion with digits.
const UAI_KEY_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

export function isValidUai(value: string): boolean {
  const match = /^(\d{7})([A-Z])$/.exec(value);
  return match !== null && UAI_KEY_LETTERS[Number(match[1]) % 23] === match[2];
}

/** A collège UAI in the Gard (030…), with its key letter. */
export function uaiFromNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9_999) throw new RangeError(`Numéro d'UAI hors plage : ${n}`);
  const digits = `030${String(n).padStart(4, '0')}`;
  return `${digits}${UAI_KEY_LETTERS[Number(digits) % 23]}`;
}
