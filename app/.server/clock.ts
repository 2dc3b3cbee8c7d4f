import { createHash, randomBytes } from 'node:crypto';

/** The one source of time: inject it wherever a rule depends on "now" so tests can fix it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(start: Date): Clock & { advance(ms: number): void; set(date: Date): void } {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
    set: (date) => {
      current = date.getTime();
    },
  };
}

/** The one source of secrets and opaque ids that are not database keys (tokens, session ids). */
export interface TokenSource {
  token(): string;
}

export const randomTokens: TokenSource = { token: () => randomBytes(32).toString('base64url') };

/** Hex SHA-256 of a text (token hashes) or of bytes (the exact PDF signed). */
export function sha256(value: string | Uint8Array): string {
  return createHash('sha256').update(value).digest('hex');
}
