import { describe, expect, it } from 'vitest';
import { conventionReference, hashIp, normaliseVerificationCode, verificationCode } from './codes';

const fixedTokens = (token: string) => ({ token: () => token });

describe('convention codes', () => {
  it('references say the year and the kind, and use no letter easily misread', () => {
    const reference = conventionReference(fixedTokens('AAECAwQFBgcICQoLDA0ODw'), 'STAGE', 2026);
    expect(reference).toMatch(/^PAS-2026-STG-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(reference).toBe('PAS-2026-STG-012345');
  });

  it('verification codes are 4+4 characters and read back whatever the case, spaces or confusable letters', () => {
    const code = verificationCode(fixedTokens('_____________________w'));
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(normaliseVerificationCode(' 7kq2 m9xa ')).toBe('7KQ2-M9XA');
    expect(normaliseVerificationCode('O1IL-ABCD')).toBe('0111-ABCD');
  });

  it('hashes an IP with the secret: stable, not reversible by a table without the secret', () => {
    expect(hashIp('192.0.2.1', 'secret-a')).toBe(hashIp('192.0.2.1', 'secret-a'));
    expect(hashIp('192.0.2.1', 'secret-a')).not.toBe(hashIp('192.0.2.1', 'secret-b'));
    expect(hashIp('192.0.2.1', 'secret-a')).toMatch(/^[0-9a-f]{64}$/);
  });
});
