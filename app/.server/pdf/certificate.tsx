import { Document, Link, StyleSheet, Text, View } from '@react-pdf/renderer';
import { PDFDocument } from 'pdf-lib';
import type { CertificateEntry, SignatureCertificate } from '../../../matching/conventions/document';
import { A4Page, BODY_SIZE, colors, documentMetadata, renderPdfBytes, type PageNumbers } from './page-frame';
import { frenchSpacing, hyphenation } from './typography';

export const CERTIFICATE_TITLE = 'Certificat de signature';

const METHOD_LABELS: Record<CertificateEntry['method'], string> = {
  ONLINE: 'signature électronique simple',
  PAPER: 'signature manuscrite (scan déposé)',
};

const IP_HASH_SHOWN = 16;
const USER_AGENT_SHOWN = 90;
// About what the narrowest column holds at 9 pt.
const cellHyphenation = hyphenation(20);

const parisDateTime = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  dateStyle: 'long',
  timeStyle: 'medium',
});

const styles = StyleSheet.create({
  title: { fontSize: 17, fontWeight: 'bold', textAlign: 'center', lineHeight: 1.3, marginBottom: 4 },
  subtitle: { fontSize: 10.5, textAlign: 'center', lineHeight: 1.4, marginBottom: 16 },
  facts: { marginBottom: 14 },
  fact: { flexDirection: 'row', marginBottom: 4 },
  factLabel: { fontSize: BODY_SIZE, width: 150, fontWeight: 'bold', lineHeight: 1.4 },
  factValue: { fontSize: BODY_SIZE, flex: 1, lineHeight: 1.4 },
  hash: { flex: 1, fontSize: 9.5, lineHeight: 1.5, letterSpacing: 0.3 },
  note: { fontSize: 9, color: colors.muted, lineHeight: 1.4, marginBottom: 14 },
  sectionTitle: { fontSize: 12, fontWeight: 'bold', marginBottom: 6 },
  row: { flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: colors.rule, paddingVertical: 5 },
  headRow: { flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: colors.text, paddingBottom: 4 },
  cell: { fontSize: 9, lineHeight: 1.35, paddingRight: 6 },
  headCell: { fontSize: 8.5, fontWeight: 'bold', lineHeight: 1.3, paddingRight: 6 },
  colSignatory: { width: '27%' },
  colMethod: { width: '19%' },
  colDate: { width: '20%' },
  colEvidence: { width: '34%' },
  bold: { fontWeight: 'bold' },
  small: { fontSize: 7.5, color: colors.muted, lineHeight: 1.35 },
  verify: { fontSize: BODY_SIZE, marginTop: 16, lineHeight: 1.5 },
});

/**
 * Returns one PDF: every page the parties signed, byte-for-byte the same content, followed by the certificate.
 * The hash printed on the certificate is the one of `signedPdf`, not of the result.
 */
export async function appendCertificate(
  signedPdf: Uint8Array,
  certificate: SignatureCertificate,
): Promise<Uint8Array<ArrayBuffer>> {
  const completedAt = parseInstant(certificate.completedAt);
  const certificatePdf = await renderPdfBytes(
    <CertificateDocument certificate={certificate} completedAt={completedAt} />,
  );

  // updateMetadata: false, or pdf-lib stamps its own producer and the current time on the signed document.
  const merged = await PDFDocument.load(signedPdf, { updateMetadata: false });
  const source = await PDFDocument.load(certificatePdf, { updateMetadata: false });
  const pages = await merged.copyPages(source, source.getPageIndices());
  for (const page of pages) merged.addPage(page);
  merged.setModificationDate(completedAt);
  merged.setProducer(documentMetadata.producer);
  // Typed as ArrayBuffer-backed so it can go straight into a Response body (TypeScript 5.9's BodyInit).
  return new Uint8Array(await merged.save());
}

export function formatParisDateTime(instant: string | Date): string {
  return parisDateTime.format(typeof instant === 'string' ? parseInstant(instant) : instant);
}

/** "ab12…" → "ab12cd34 ef56…": eight groups of eight, so a 64-character hash can wrap between groups. */
export function groupHex(hex: string, size = 8): string {
  return (hex.match(new RegExp(`.{1,${size}}`, 'g')) ?? []).join(' ');
}

function parseInstant(iso: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`Date de signature invalide dans le certificat : ${iso}`);
  return date;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

function CertificateDocument({ certificate, completedAt }: { certificate: SignatureCertificate; completedAt: Date }) {
  const footer = ({ pageNumber, totalPages }: PageNumbers) =>
    `${CERTIFICATE_TITLE} · Réf. ${certificate.reference} · version ${certificate.version} · code de vérification ${certificate.verificationCode} · page ${pageNumber} / ${totalPages}`;
  return (
    <Document {...documentMetadata} title={`${CERTIFICATE_TITLE} — ${certificate.title}`} creationDate={completedAt}>
      <A4Page footer={footer}>
        <Text style={styles.title}>{CERTIFICATE_TITLE}</Text>
        <Text style={styles.subtitle}>{frenchSpacing(certificate.title)}</Text>
        <View style={styles.facts}>
          <Fact label="Référence">{certificate.reference}</Fact>
          <Fact label="Version">{String(certificate.version)}</Fact>
          <Fact label="Code de vérification">{certificate.verificationCode}</Fact>
          <View style={styles.fact} wrap={false}>
            <Text style={styles.factLabel}>Empreinte SHA-256 du document signé</Text>
            <Text style={styles.hash}>{groupHex(certificate.documentSha256.toLowerCase())}</Text>
          </View>
          <Fact label="Signatures complètes le">{formatParisDateTime(completedAt)}</Fact>
        </View>
        <Text style={styles.note}>
          L’empreinte ci-dessus est calculée sur les pages qui précèdent ce certificat, telles que les parties les ont
          signées. Heures données à l’heure de Paris.
        </Text>
        <Text style={styles.sectionTitle} minPresenceAhead={60}>
          Signataires
        </Text>
        <View style={styles.headRow}>
          <Text style={[styles.headCell, styles.colSignatory]}>Signataire</Text>
          <Text style={[styles.headCell, styles.colMethod]}>Méthode</Text>
          <Text style={[styles.headCell, styles.colDate]}>Date et heure (Paris)</Text>
          <Text style={[styles.headCell, styles.colEvidence]}>Preuve</Text>
        </View>
        {certificate.entries.map((entry, index) => (
          <EntryRow key={index} entry={entry} />
        ))}
        <View style={styles.verify} wrap={false}>
          <Text>
            Pour vérifier ce document, saisir le code <Text style={styles.bold}>{certificate.verificationCode}</Text> ou
            déposer ce fichier sur :
          </Text>
          {/* On a line of its own: a URL that fits on one line is then never broken. */}
          <Link src={certificate.verifyUrl}>{certificate.verifyUrl}</Link>
        </View>
      </A4Page>
    </Document>
  );
}

function Fact({ label, children }: { label: string; children: string }) {
  return (
    <View style={styles.fact} wrap={false}>
      <Text style={styles.factLabel}>{label}</Text>
      <Text style={styles.factValue}>{children}</Text>
    </View>
  );
}

function EntryRow({ entry }: { entry: CertificateEntry }) {
  return (
    <View style={styles.row} wrap={false}>
      <View style={styles.colSignatory}>
        <Text style={[styles.cell, styles.bold]} hyphenationCallback={cellHyphenation}>
          {entry.roleLabel}
        </Text>
        <Text style={styles.cell} hyphenationCallback={cellHyphenation}>
          {entry.name}
        </Text>
      </View>
      <Text style={[styles.cell, styles.colMethod]}>{METHOD_LABELS[entry.method]}</Text>
      <Text style={[styles.cell, styles.colDate]}>{formatParisDateTime(entry.signedAt)}</Text>
      <View style={styles.colEvidence}>
        <Text style={styles.cell} hyphenationCallback={cellHyphenation}>
          {entry.evidence}
        </Text>
        {entry.ipHash ? (
          <Text style={styles.small} hyphenationCallback={cellHyphenation}>
            Empreinte IP : {truncate(entry.ipHash, IP_HASH_SHOWN)}
          </Text>
        ) : null}
        {entry.userAgent ? (
          <Text style={styles.small} hyphenationCallback={cellHyphenation}>
            Navigateur : {truncate(entry.userAgent, USER_AGENT_SHOWN)}
          </Text>
        ) : null}
      </View>
    </View>
  );
}
