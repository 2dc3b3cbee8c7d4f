import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultFontsDir, registerPdfFonts } from './fonts';

// Runs in its own process (one per test file), so nothing has registered the fonts before these tests.
describe('registerPdfFonts', () => {
  it('resolves the vendored folder from the working directory, not from the module', () => {
    expect(defaultFontsDir()).toBe(path.join(process.cwd(), 'app/.server/pdf/fonts'));
  });

  it('names the missing file instead of failing later inside the renderer', () => {
    expect(() => registerPdfFonts('/nulle/part')).toThrow('/nulle/part/DejaVuSans.ttf');
  });

  it('registers once and keeps the first folder', () => {
    const folder = path.resolve('app/.server/pdf/fonts');
    expect(registerPdfFonts(folder)).toBe(folder);
    expect(registerPdfFonts('/nulle/part')).toBe(folder);
  });
});
