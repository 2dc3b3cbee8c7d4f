import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { GlobalWorkerOptions, getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';

// In Node pdf.js runs its "worker" in-process by importing this file; its default ("./pdf.worker.mjs") is
// relative to wherever the importer ends up, which is fragile under vitest.
GlobalWorkerOptions.workerSrc = pathToFileURL(
  createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'),
).href;

export interface PdfText {
  /** One string a page; a line break wherever pdf.js ends a line. */
  pages: string[];
  /** Every page, separated by a form feed. */
  text: string;
  pageCount: number;
}

/** Extracts the text a reader (or a copy-paste) gets from a PDF, to check a layout without snapshots of bytes. */
export async function pdfText(bytes: Uint8Array): Promise<PdfText> {
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy so the caller's bytes survive.
  const task = getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false });
  const pdf = await task.promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      pages.push(joinItems(content.items));
      page.cleanup();
    }
    return { pages, text: pages.join('\n\f\n'), pageCount: pdf.numPages };
  } finally {
    await task.destroy();
  }
}

function joinItems(items: (TextItem | TextMarkedContent)[]): string {
  let text = '';
  for (const item of items) {
    if (!('str' in item)) continue;
    text += item.str;
    if (item.hasEOL) text += '\n';
  }
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
