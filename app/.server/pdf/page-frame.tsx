import type { ReactElement, ReactNode } from 'react';
import { Page, StyleSheet, Text, renderToBuffer, type DocumentProps } from '@react-pdf/renderer';
import { PDF_FONT_FAMILY, registerPdfFonts } from './fonts';

/** A4 in points; 2 cm margins. */
const PAGE_HEIGHT = 841.89;
const MARGIN = 56.7;
const FOOTER_HEIGHT = 24;

/**
 * Repeat it in every style that sets a unitless lineHeight: react-pdf multiplies by the fontSize of that same style
 * object (18 when absent), not by the inherited size, which silently double-spaces the text.
 */
export const BODY_SIZE = 10.5;

export const colors = { text: '#1a1a1a', muted: '#555555', rule: '#9a9a9a', draft: '#b00020' } as const;

const styles = StyleSheet.create({
  page: {
    fontFamily: PDF_FONT_FAMILY,
    fontSize: BODY_SIZE,
    color: colors.text,
    paddingTop: MARGIN,
    paddingBottom: MARGIN + FOOTER_HEIGHT / 2,
    paddingHorizontal: MARGIN,
  },
  header: {
    position: 'absolute',
    top: MARGIN / 2 - 6,
    left: MARGIN,
    right: MARGIN,
    textAlign: 'center',
    fontSize: 10,
    fontWeight: 'bold',
    color: colors.draft,
  },
  // Placed with `top`: a fixed element placed with `bottom` can vanish from the page (see the stack notes).
  footer: {
    position: 'absolute',
    top: PAGE_HEIGHT - MARGIN + 8,
    left: MARGIN,
    right: MARGIN,
    paddingTop: 4,
    borderTopWidth: 0.5,
    borderTopColor: colors.rule,
    textAlign: 'center',
    fontSize: 7.5,
    lineHeight: 1.3,
    color: colors.muted,
  },
});

export interface PageNumbers {
  pageNumber: number;
  totalPages: number;
}

export function A4Page(props: { header?: string; footer: (numbers: PageNumbers) => string; children: ReactNode }) {
  const { header, footer, children } = props;
  return (
    <Page size="A4" style={styles.page}>
      {header === undefined ? null : (
        <Text fixed style={styles.header}>
          {header}
        </Text>
      )}
      {children}
      <Text fixed style={styles.footer} render={({ pageNumber, totalPages }) => footer({ pageNumber, totalPages })} />
    </Page>
  );
}

/** Metadata shared by every PDF the app produces. */
export const documentMetadata = {
  author: 'Département du Gard — Passerelles',
  creator: 'Passerelles',
  producer: 'Passerelles',
  language: 'fr',
} as const satisfies DocumentProps;

export async function renderPdfBytes(document: ReactElement<DocumentProps>): Promise<Uint8Array<ArrayBuffer>> {
  registerPdfFonts();
  const buffer = await renderToBuffer(document);
  // A plain Uint8Array, not a Node Buffer: pdf.js refuses Buffers, and callers may hash or store the bytes as is.
  return new Uint8Array(buffer);
}
