import { describe, expect, it } from 'vitest';
import type { Block, ConventionDocument, SignatureCertificate } from '../../../matching/conventions/document';
import { pdfText } from '../../../tests/support/pdf-text';
import { appendCertificate, groupHex } from './certificate';
import { DRAFT_MARK, SIGNATURE_INTRO, renderConventionPdf } from './convention-pdf';
import { sha256Hex } from './sha256';
import { frenchSpacing, hyphenation } from './typography';

/** Line breaks and non-breaking spaces from the layout do not count: the words and their order do. */
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

const SENTENCES = [
  'L’élève effectue une période d’observation en milieu professionnel du 1er au 12 décembre 2026 inclus.',
  'La structure d’accueil désigne un tuteur chargé de l’accompagner ; elle lui confie des activités à caractère éducatif.',
  'Aucune gratification n’est due, mais le Département rembourse les frais de repas à hauteur de 7,50 € par jour.',
  'Le cœur de métier, l’œuvre collective et « l’économie sociale et solidaire » sont présentés à l’élève dès son arrivée.',
  'En cas d’accident, la structure prévient sans délai le chef d’établissement, qui fait la déclaration n° 1 auprès de l’assurance.',
  'Ça n’engage ni la responsabilité de l’élève ni celle de ses représentants légaux, à l’exception de la faute personnelle.',
];

const FILLER =
  'Les parties s’engagent à respecter le règlement intérieur, les consignes d’hygiène et de sécurité ainsi que la ' +
  'confidentialité des informations portées à leur connaissance pendant la période, y compris après son terme. ';

const SIGNATORIES = [
  { roleLabel: 'Pour le Département du Gard', name: 'Françoise Ménard', capacity: 'Directrice de l’insertion' },
  { roleLabel: 'Pour la structure d’accueil', name: 'Loïc Bénézet', capacity: 'Gérant de la SCIC Les Jardins d’Œc' },
  { roleLabel: 'L’élève', name: 'Zoé Aït-Saïd' },
  { roleLabel: 'Le ou la représentant·e légal·e', name: 'Noël Aït-Saïd', capacity: 'Père' },
];

function article(number: number, title: string, sentence: string): Block[] {
  return [
    { type: 'heading', level: 2, text: `Article ${number} — ${title}` },
    { type: 'paragraph', runs: [{ text: sentence }] },
    { type: 'paragraph', runs: [{ text: FILLER.repeat(3) }] },
  ];
}

function sampleConvention(overrides: Partial<ConventionDocument> = {}): ConventionDocument {
  return {
    title: 'Convention de stage d’observation en milieu professionnel',
    subtitle: 'Articles L. 332-3-1 et D. 332-14 du code de l’éducation',
    reference: 'PAS-2026-STG-4KQ7',
    verificationCode: 'K7Q2-M9XD',
    version: 3,
    templateId: 'stage-observation',
    templateVersion: '2026-09',
    draft: false,
    signatures: SIGNATORIES,
    blocks: [
      { type: 'heading', level: 1, text: 'Titre I — Dispositions générales' },
      ...article(1, 'Objet', SENTENCES[0]!),
      ...article(2, 'Encadrement', SENTENCES[1]!),
      {
        type: 'paragraph',
        runs: [
          { text: 'Le tuteur est ' },
          { text: 'Mme Hélène Castañer', bold: true },
          { text: ', joignable au 04 66 00 00 00, qui s’engage à :' },
        ],
      },
      {
        type: 'list',
        items: [
          [{ text: 'accueillir l’élève le premier jour à 9 h ;' }],
          [{ text: 'lui présenter ' }, { text: 'les règles de sécurité', bold: true }, { text: ' du site ;' }],
          [{ text: 'remplir l’évaluation à la fin de la période.' }],
        ],
      },
      ...article(3, 'Frais et gratification', SENTENCES[2]!),
      { type: 'heading', level: 3, text: '3.1 — Modalités de remboursement' },
      { type: 'paragraph', runs: [{ text: FILLER.repeat(2) }] },
      ...article(4, 'Présentation de la structure', SENTENCES[3]!),
      ...article(5, 'Assurance', SENTENCES[4]!),
      ...article(6, 'Responsabilité', SENTENCES[5]!),
      ...article(7, 'Durée et résiliation', FILLER),
      ...article(8, 'Litiges', FILLER),
    ],
    ...overrides,
  };
}

const createdAt = new Date('2026-11-20T09:30:00Z');

import { writeFileSync } from 'node:fs';
describe('zz', () => {
  const signedAt = ['2026-11-25T15:42:10Z', '2026-11-26T08:05:00Z', '2026-11-27T18:30:00Z', '2026-11-28T10:00:00Z'];

  function certificateFor(doc: ConventionDocument, signedPdf: Uint8Array): SignatureCertificate {
    return {
      title: doc.title,
      reference: doc.reference,
      verificationCode: doc.verificationCode,
      version: doc.version,
      documentSha256: sha256Hex(signedPdf),
      completedAt: '2026-11-28T10:00:00Z',
      verifyUrl: 'https://passerelles.gard.fr/conventions/verifier',
      entries: doc.signatures.map((slot, index) =>
        index === 1
          ? {
              roleLabel: slot.roleLabel,
              name: slot.name,
              method: 'PAPER' as const,
              signedAt: signedAt[index]!,
              evidence: 'Scan déposé par Françoise Ménard',
            }
          : {
              roleLabel: slot.roleLabel,
              name: slot.name,
              method: 'ONLINE' as const,
              signedAt: signedAt[index]!,
              ipHash: 'c0ffee'.repeat(10) + 'abcd',
              userAgent:
                'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Édition-spéciale-TRONQUÉE',
              evidence: `Nom saisi : ${slot.name}`,
            },
      ),
    };
  }


  it('writes', async () => {
    const doc = sampleConvention({ draft: true });
    const t0 = performance.now();
    const signed = await renderConventionPdf(doc, { createdAt });
    console.log('first render ms', performance.now() - t0);
    for (let i = 0; i < 5; i++) { const t = performance.now(); await renderConventionPdf(doc, { createdAt }); console.log('render ms', performance.now() - t); }
    const t1 = performance.now();
    const merged = await appendCertificate(signed, certificateFor(doc, signed));
    console.log('certificate ms', performance.now() - t1);
    const p = await pdfText(signed); console.log('pages', p.pageCount);
    writeFileSync('/tmp/pdfsmoke/sample.pdf', merged);
  });
});
