import { createHmac } from 'node:crypto';
import type { MatchKind } from '../db/generated/enums';
import type { TokenSource } from '../clock';

// Crockford base 32: no I, L, O, U, so a code read aloud or retyped from paper is not misread.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function code(tokens: TokenSource, length: number): string {
  const bytes = Buffer.from(tokens.token(), 'base64url');
  let out = '';
  for (let index = 0; out.length < length; index++) out += ALPHABET[(bytes[index % bytes.length] ?? 0) % 32];
  return out;
}

const kindCodes: Record<MatchKind, string> = { COMPETENCE: 'CMP', LIEU: 'LIE', STAGE: 'STG' };

export function conventionReference(tokens: TokenSource, kind: MatchKind, year: number): string {
  return `PAS-${year}-${kindCodes[kind]}-${code(tokens, 6)}`;
}

/** Printed on every page; 40 bits is plenty against guessing at the verification page's rate limit. */
export function verificationCode(tokens: TokenSource): string {
  const raw = code(tokens, 8);
  return `${raw.slice(0, 4)}-${raw.slice(4)}`;
}

export function normaliseVerificationCode(input: string): string {
  const raw = input.toUpperCase().replace(/[^0-9A-Z]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return raw.length === 8 ? `${raw.slice(0, 4)}-${raw.slice(4)}` : raw;
}

/** Keyed hash of an IP address: the same address gives the same value, the address itself is not kept. */
export function hashIp(ip: string, secret: string): string {
  return createHmac('sha256', secret).update(ip).digest('hex');
}

/** The two public identifiers of a new convention (or amendment). */
export function conventionIdentity(tokens: TokenSource, kind: MatchKind, now: Date) {
  return { reference: conventionReference(tokens, kind, now.getUTCFullYear()), verificationCode: verificationCode(tokens) };
}
