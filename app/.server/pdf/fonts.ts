import { existsSync } from 'node:fs';
import path from 'node:path';
import { Font } from '@react-pdf/renderer';
import { hyphenation } from './typography';

export const PDF_FONT_FAMILY = 'DejaVu Sans';

const FILES = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  oblique: 'DejaVuSans-Oblique.ttf',
} as const;

/**
 * Resolved from the working directory, not from import.meta.url: once Vite bundles the server into
 * build/server/index.js, the module no longer sits next to its fonts. The app always runs from the repo root.
 */
export function defaultFontsDir(): string {
  return path.resolve(process.cwd(), 'app/.server/pdf/fonts');
}

let registeredDir: string | null = null;

/**
 * Registers DejaVu Sans with react-pdf (once per process; later calls keep the first folder) and returns the
 * folder in use. react-pdf's font store is global, so a second registration would only add duplicate sources.
 */
export function registerPdfFonts(fontsDir: string = defaultFontsDir()): string {
  if (registeredDir !== null) return registeredDir;
  for (const file of Object.values(FILES)) {
    // react-pdf only opens the files at render time; fail here with the path rather than deep inside fontkit.
    if (!existsSync(path.join(fontsDir, file))) {
      throw new Error(
        `Police PDF introuvable : ${path.join(fontsDir, file)} (lancer l’application depuis la racine du dépôt)`,
      );
    }
  }
  Font.register({
    family: PDF_FONT_FAMILY,
    fonts: [
      { src: path.join(fontsDir, FILES.regular), fontWeight: 'normal', fontStyle: 'normal' },
      { src: path.join(fontsDir, FILES.bold), fontWeight: 'bold', fontStyle: 'normal' },
      { src: path.join(fontsDir, FILES.oblique), fontWeight: 'normal', fontStyle: 'italic' },
    ],
  });
  // react-pdf's own hyphenation is English and would break French words at the wrong places.
  // About 40 characters fit in the narrowest body column (a signature block).
  Font.registerHyphenationCallback(hyphenation(40));
  registeredDir = fontsDir;
  return fontsDir;
}
