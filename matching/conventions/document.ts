/** A convention as laid out on paper: what the PDF layout draws, independent of how it was produced. */

/** A run of text inside a paragraph or list item; `bold` comes from `**…**` in the template. */
export interface TextRun {
  text: string;
  bold?: boolean;
}

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; runs: TextRun[] }
  | { type: 'list'; items: TextRun[][] };

export interface SignatureSlot {
  /** "Pour le Département du Gard", "L’élève", "Le ou la représentant·e légal·e"… */
  roleLabel: string;
  name: string;
  /** Organisation and capacity under the name, e.g. "Principal du collège Jean Jaurès". */
  capacity?: string;
}

export interface ConventionDocument {
  title: string;
  /** Legal basis under the title. */
  subtitle?: string;
  /** Human reference printed in the footer, e.g. "PAS-2026-STG-4KQ7". */
  reference: string;
  /** Short code printed on every page to check the document on the public verification page. */
  verificationCode: string;
  version: number;
  templateId: string;
  templateVersion: string;
  blocks: Block[];
  signatures: SignatureSlot[];
  /** A draft carries a "PROJET" mark and is never signed. */
  draft: boolean;
}

export interface CertificateEntry {
  roleLabel: string;
  name: string;
  method: 'ONLINE' | 'PAPER';
  /** ISO instant. */
  signedAt: string;
  /** SHA-256 of the signatory's IP address with the server's secret; online signatures only. */
  ipHash?: string;
  userAgent?: string;
  /** Typed full name (online) or who recorded the paper scan. */
  evidence: string;
}

/** The last page of a signed convention: who signed what, when. */
export interface SignatureCertificate {
  title: string;
  reference: string;
  verificationCode: string;
  version: number;
  /** SHA-256 (hex) of the exact PDF every party signed. */
  documentSha256: string;
  /** ISO instant of the last signature. */
  completedAt: string;
  /** Public page where anyone can check the code or the hash. */
  verifyUrl: string;
  entries: CertificateEntry[];
}
