/** French public identifiers, checked the way INSEE and the Éducation nationale compute their keys. */

export function luhnSum(digits: string): number {
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

// The UAI key letter skips I, O and Q to avoid confusion with digits.
export const UAI_KEY_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

export function isValidUai(value: string): boolean {
  const match = /^(\d{7})([A-Z])$/.exec(value);
  return match !== null && UAI_KEY_LETTERS[Number(match[1]) % 23] === match[2];
}

