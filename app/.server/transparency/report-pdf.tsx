import { Document, StyleSheet, Text, View } from '@react-pdf/renderer';
import { A4Page, BODY_SIZE, colors, documentMetadata, renderPdfBytes } from '../pdf/page-frame';
import { frenchSpacing } from '../pdf/typography';
import type { IndividualReport, ReportBlock } from './individual-report';

/** The individual report as a PDF the Mission ESS sends to the person who asked (same fonts as the conventions). */

const styles = StyleSheet.create({
  title: { fontSize: 15, fontWeight: 'bold', lineHeight: 1.3, marginBottom: 4 },
  subtitle: { fontSize: 9.5, color: colors.muted, lineHeight: 1.4, marginBottom: 12 },
  fact: { flexDirection: 'row', marginBottom: 3 },
  factLabel: { fontSize: BODY_SIZE, width: 110, fontWeight: 'bold', lineHeight: 1.4 },
  factValue: { fontSize: BODY_SIZE, flex: 1, lineHeight: 1.4 },
  section: { marginTop: 14 },
  heading: { fontSize: 12, fontWeight: 'bold', lineHeight: 1.35, marginBottom: 6 },
  paragraph: { fontSize: BODY_SIZE, lineHeight: 1.45, marginTop: 3, marginBottom: 3 },
  caption: { fontSize: 9.5, fontWeight: 'bold', lineHeight: 1.35, marginTop: 6, marginBottom: 3 },
  headRow: { flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: colors.text, paddingBottom: 3 },
  row: { flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: colors.rule, paddingVertical: 3 },
  headCell: { fontSize: 8, fontWeight: 'bold', lineHeight: 1.3, paddingRight: 5 },
  cell: { fontSize: 8.5, lineHeight: 1.35, paddingRight: 5 },
  closing: { marginTop: 16 },
  closingLine: { fontSize: 8.5, color: colors.muted, lineHeight: 1.4 },
});

/** Column widths after the longest text of each column, so that a column of long explanations gets the room. */
function columnWidths(block: Extract<ReportBlock, { type: 'table' }>): string[] {
  const weights = block.head.map((head, c) => Math.min(60, Math.max(8, head.length, ...block.rows.map((row) => (row[c] ?? '').length))));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => `${(100 * weight) / total}%`);
}

function TableBlock({ block }: { block: Extract<ReportBlock, { type: 'table' }> }) {
  const widths = columnWidths(block);
  return (
    <View>
      <Text style={styles.caption} minPresenceAhead={30}>
        {frenchSpacing(block.caption)}
      </Text>
      <View style={styles.headRow}>
        {block.head.map((cell, c) => (
          <Text key={cell} style={[styles.headCell, { width: widths[c] }]}>
            {cell}
          </Text>
        ))}
      </View>
      {block.rows.map((row, r) => (
        <View key={r} style={styles.row} wrap={false}>
          {row.map((cell, c) => (
            <Text key={c} style={[styles.cell, { width: widths[c] }]}>
              {frenchSpacing(cell)}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}

function ReportDocument({ report }: { report: IndividualReport }) {
  return (
    <Document {...documentMetadata} title={`Rapport de transparence algorithmique — ${report.title}`}>
      <A4Page footer={({ pageNumber, totalPages }) => `Passerelles — rapport individuel prévu par l’article R311-3-1-2 du CRPA — page ${pageNumber} / ${totalPages}`}>
        <Text style={styles.title}>{frenchSpacing(`Rapport de transparence algorithmique — ${report.title}`)}</Text>
        <Text style={styles.subtitle}>{`Établi le ${report.generatedAt} par la Mission ESS du Département du Gard`}</Text>
        {report.subject.map((fact) => (
          <View key={fact.label} style={styles.fact}>
            <Text style={styles.factLabel}>{fact.label}</Text>
            <Text style={styles.factValue}>{frenchSpacing(fact.value)}</Text>
          </View>
        ))}
        {report.sections.map((section, index) => (
          <View key={section.heading} style={styles.section}>
            <Text style={styles.heading} minPresenceAhead={40}>{`${index + 1}° ${section.heading}`}</Text>
            {section.blocks.map((block, b) =>
              block.type === 'text' ? (
                block.paragraphs.map((paragraph) => (
                  <Text key={paragraph} style={styles.paragraph}>
                    {frenchSpacing(paragraph)}
                  </Text>
                ))
              ) : (
                <TableBlock key={b} block={block} />
              ),
            )}
          </View>
        ))}
        <View style={styles.closing}>
          {report.closing.map((line) => (
            <Text key={line} style={styles.closingLine}>
              {frenchSpacing(line)}
            </Text>
          ))}
        </View>
      </A4Page>
    </Document>
  );
}

export async function individualReportPdf(report: IndividualReport): Promise<{ body: Uint8Array; fileName: string }> {
  return {
    body: await renderPdfBytes(<ReportDocument report={report} />),
    fileName: `transparence-${report.kind}-${report.id}.pdf`,
  };
}
