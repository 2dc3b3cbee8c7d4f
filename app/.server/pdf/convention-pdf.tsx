import { Document, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { Block, ConventionDocument, SignatureSlot, TextRun } from '../../../matching/conventions/document';
import { frenchSpacing } from './typography';
import { A4Page, BODY_SIZE, colors, documentMetadata, renderPdfBytes, type PageNumbers } from './page-frame';

export const DRAFT_MARK = 'PROJET — document non signable';
export const SIGNATURE_INTRO = 'Fait en un exemplaire électronique, dont chaque signataire reçoit une copie.';

const styles = StyleSheet.create({
  title: { fontSize: 17, fontWeight: 'bold', textAlign: 'center', lineHeight: 1.3, marginBottom: 6 },
  subtitle: { fontSize: 9.5, color: colors.muted, textAlign: 'center', lineHeight: 1.4, marginBottom: 18 },
  h1: { fontSize: 15, fontWeight: 'bold', lineHeight: 1.3, marginTop: 14, marginBottom: 8 },
  h2: { fontSize: 12, fontWeight: 'bold', lineHeight: 1.3, marginTop: 14, marginBottom: 6 },
  h3: { fontSize: 10.5, fontWeight: 'bold', lineHeight: 1.3, marginTop: 10, marginBottom: 4 },
  // Not justified: react-pdf letter-spaces a justified line that holds a single word ("V o i r" before a long URL).
  paragraph: { fontSize: BODY_SIZE, lineHeight: 1.45, marginBottom: 6 },
  bold: { fontWeight: 'bold' },
  list: { marginBottom: 6 },
  item: { flexDirection: 'row', marginBottom: 3 },
  bullet: { fontSize: BODY_SIZE, width: 14, lineHeight: 1.45 },
  itemText: { fontSize: BODY_SIZE, flex: 1, lineHeight: 1.45 },
  signatures: { marginTop: 18 },
  signatureIntro: { fontSize: BODY_SIZE, lineHeight: 1.45, marginBottom: 10 },
  slots: { flexDirection: 'row', flexWrap: 'wrap', justifyContent: 'space-between' },
  slot: { width: '48%', marginBottom: 14 },
  role: { fontSize: BODY_SIZE, fontWeight: 'bold', lineHeight: 1.35 },
  name: { fontSize: BODY_SIZE, lineHeight: 1.35 },
  capacity: { fontSize: 9, color: colors.muted, lineHeight: 1.35 },
  box: { height: 70, marginTop: 6, borderWidth: 0.75, borderColor: colors.rule, padding: 4 },
  boxLabel: { fontSize: 8, color: colors.muted },
});

/** Lays a convention out on A4 pages: the bytes returned are the exact document the parties sign. */
export async function renderConventionPdf(
  doc: ConventionDocument,
  options: { createdAt?: Date } = {},
): Promise<Uint8Array<ArrayBuffer>> {
  // Without a fixed date react-pdf stamps "now", which also changes the file ID: same input, different bytes.
  // No modificationDate: react-pdf writes it under a non-standard key (/ModificationDate, not /ModDate).
  const createdAt = options.createdAt ?? new Date();
  return renderPdfBytes(
    <Document
      {...documentMetadata}
      title={doc.title}
      subject={doc.subtitle}
      keywords={`${doc.reference} ${doc.verificationCode}`}
      creationDate={createdAt}
    >
      <A4Page header={doc.draft ? DRAFT_MARK : undefined} footer={(numbers) => conventionFooter(doc, numbers)}>
        <Text style={styles.title}>{frenchSpacing(doc.title)}</Text>
        {doc.subtitle ? <Text style={styles.subtitle}>{frenchSpacing(doc.subtitle)}</Text> : null}
        {doc.blocks.map((block, index) => (
          <BlockView key={index} block={block} />
        ))}
        <Signatures slots={doc.signatures} />
      </A4Page>
    </Document>,
  );
}

export function conventionFooter(doc: ConventionDocument, { pageNumber, totalPages }: PageNumbers): string {
  return `Réf. ${doc.reference} · version ${doc.version} · code de vérification ${doc.verificationCode} · page ${pageNumber} / ${totalPages}`;
}

function BlockView({ block }: { block: Block }) {
  switch (block.type) {
    case 'heading': {
      const style = block.level === 1 ? styles.h1 : block.level === 2 ? styles.h2 : styles.h3;
      // Keeps a heading off the last line of a page, away from its text.
      return (
        <Text style={style} minPresenceAhead={48}>
          {frenchSpacing(block.text)}
        </Text>
      );
    }
    case 'paragraph':
      return (
        <Text style={styles.paragraph}>
          <Runs runs={block.runs} />
        </Text>
      );
    case 'list':
      return (
        <View style={styles.list}>
          {block.items.map((runs, index) => (
            <View key={index} style={styles.item} wrap={false}>
              <Text style={styles.bullet}>•</Text>
              <Text style={styles.itemText}>
                <Runs runs={runs} />
              </Text>
            </View>
          ))}
        </View>
      );
  }
}

function Runs({ runs }: { runs: TextRun[] }) {
  return (
    <>
      {runs.map((run, index) =>
        run.bold ? (
          <Text key={index} style={styles.bold}>
            {frenchSpacing(run.text)}
          </Text>
        ) : (
          frenchSpacing(run.text)
        ),
      )}
    </>
  );
}

function Signatures({ slots }: { slots: SignatureSlot[] }) {
  return (
    <View style={styles.signatures}>
      <Text style={styles.signatureIntro} minPresenceAhead={120}>
        {SIGNATURE_INTRO}
      </Text>
      <View style={styles.slots}>
        {slots.map((slot, index) => (
          <View key={index} style={styles.slot} wrap={false}>
            <Text style={styles.role}>{slot.roleLabel}</Text>
            <Text style={styles.name}>{slot.name}</Text>
            {slot.capacity ? <Text style={styles.capacity}>{slot.capacity}</Text> : null}
            <View style={styles.box}>
              <Text style={styles.boxLabel}>Signature</Text>
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}
