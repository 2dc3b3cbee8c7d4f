import { describe, expect, it } from 'vitest';
import type { Block, ConventionDocument, SignatureCertificate } from '../../../matching/conventions/document';
import { pdfText } from '../../../tests/support/pdf-text';
import { appendCertificate, groupHex } from './certificate';
import { DRAFT_MARK, SIGNATURE_INTRO, renderConventionPdf } from './convention-pdf';
import { sha256 as sha256Hex } from '../clock';
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

describe('renderConventionPdf', () => {
  it('lays out a French convention whose text reads back unchanged', async () => {
    const doc = sampleConvention();
    const bytes = await renderConventionPdf(doc, { createdAt });
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');

    const { pages, text, pageCount } = await pdfText(bytes);
    expect(pageCount).toBeGreaterThanOrEqual(3);
    const all = flat(text);
    for (const sentence of SENTENCES) expect(all).toContain(flat(sentence));
    expect(all).toContain(flat(doc.title));
    expect(all).toContain(flat(doc.subtitle!));
    expect(all).toContain('Article 8 — Litiges');
    expect(all).toContain('3.1 — Modalités de remboursement');
    expect(all).toContain('Le tuteur est Mme Hélène Castañer, joignable au 04 66 00 00 00, qui s’engage à :');
    expect(all).toContain('• lui présenter les règles de sécurité du site ;');
    expect(all).toContain(SIGNATURE_INTRO);
    expect(all).not.toContain('PROJET');

    pages.forEach((page, index) => {
      expect(flat(page)).toContain(
        `Réf. PAS-2026-STG-4KQ7 · version 3 · code de vérification K7Q2-M9XD · page ${index + 1} / ${pageCount}`,
      );
    });

    for (const slot of SIGNATORIES) {
      expect(all).toContain(flat(`${slot.roleLabel} ${slot.name} ${slot.capacity ?? ''} Signature`));
    }
    expect(all.match(/Signature/g)).toHaveLength(SIGNATORIES.length);
    expect(flat(pages.at(-1)!)).toContain(SIGNATORIES.at(-1)!.name);
  });

  it('marks every page of a draft', async () => {
    const { pages } = await pdfText(await renderConventionPdf(sampleConvention({ draft: true }), { createdAt }));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) expect(page).toContain(DRAFT_MARK);
  });

  it('never splits a signature block across two pages', async () => {
    // Enough filler to push the signature section around a page break, whatever the exact metrics.
    for (let extra = 0; extra < 6; extra += 1) {
      const doc = sampleConvention();
      doc.blocks.push(...Array.from({ length: extra }, (): Block => ({ type: 'paragraph', runs: [{ text: FILLER }] })));
      const { pages } = await pdfText(await renderConventionPdf(doc, { createdAt }));
      for (const slot of SIGNATORIES) {
        const block = flat(`${slot.roleLabel} ${slot.name} ${slot.capacity ?? ''} Signature`);
        expect(pages.filter((page) => flat(page).includes(slot.name))).toHaveLength(1);
        expect(pages.filter((page) => flat(page).includes(block))).toHaveLength(1);
      }
    }
  });

  it('gives the same bytes for the same document and date', async () => {
    const doc = sampleConvention();
    const first = await renderConventionPdf(doc, { createdAt });
    const second = await renderConventionPdf(doc, { createdAt });
    expect(sha256Hex(second)).toBe(sha256Hex(first));
    const third = await renderConventionPdf({ ...doc, version: 4 }, { createdAt });
    expect(sha256Hex(third)).not.toBe(sha256Hex(first));
  });

  it('wraps a token wider than the line instead of clipping it', async () => {
    const url = `https://passerelles.gard.fr/conventions/${'0123456789'.repeat(14)}?code=K7Q2`;
    const doc = sampleConvention({ blocks: [{ type: 'paragraph', runs: [{ text: `Voir ${url} pour le détail.` }] }] });
    const all = flat((await pdfText(await renderConventionPdf(doc, { createdAt }))).text);
    // A hyphen is drawn at each forced break.
    expect(all.replace(/- /g, '')).toContain(url);
  });
});

describe('typography', () => {
  it('binds French punctuation to its word with a non-breaking space', () => {
    expect(frenchSpacing('« oui » ; 7,50 € : non !')).toBe('«\u00a0oui\u00a0»\u00a0; 7,50\u00a0€\u00a0: non\u00a0!');
    expect(frenchSpacing('l’élève:rien')).toBe('l’élève:rien');
  });

  it('keeps ordinary words whole and gives long tokens break points', () => {
    const hyphenate = hyphenation(40);
    expect(hyphenate('anticonstitutionnellement')).toEqual(['anticonstitutionnellement']);
    const url = `https://passerelles.gard.fr/conventions/${'a'.repeat(45)}`;
    const parts = hyphenate(url);
    expect(parts.join('')).toBe(url);
    expect(parts[0]).toBe('https://passerelles.');
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(30);
  });
});

describe('appendCertificate', () => {
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

  it('appends the certificate after the signed pages, left untouched', async () => {
    const doc = sampleConvention();
    const signed = await renderConventionPdf(doc, { createdAt });
    const original = await pdfText(signed);
    const certificate = certificateFor(doc, signed);

    const merged = await appendCertificate(signed, certificate);
    const result = await pdfText(merged);

    expect(result.pageCount).toBeGreaterThan(original.pageCount);
    expect(result.pages.slice(0, original.pageCount)).toEqual(original.pages);
    const certificatePages = result.pages.slice(original.pageCount);
    const certificateText = flat(certificatePages.join('\n'));
    expect(certificateText).toContain('Certificat de signature');
    expect(certificatePages[0]).not.toContain(SIGNATURE_INTRO);
    expect(result.pageCount).toBe(original.pageCount + certificatePages.length);

    expect(certificateText).toContain('PAS-2026-STG-4KQ7');
    expect(certificateText).toContain('K7Q2-M9XD');
    expect(certificateText).toContain('https://passerelles.gard.fr/conventions/verifier');
    expect(certificateText.replace(/\s/g, '')).toContain(certificate.documentSha256);
    expect(certificateText).toContain(groupHex(certificate.documentSha256));

    for (const entry of certificate.entries) {
      expect(certificateText).toContain(flat(entry.name));
      expect(certificateText).toContain(flat(entry.roleLabel));
      expect(certificateText).toContain(flat(entry.evidence));
    }
    expect(certificateText).toContain('signature manuscrite (scan déposé)');
    expect(certificateText.match(/signature électronique simple/g)).toHaveLength(3);

    // 10:00 UTC is 11:00 in Paris in November (UTC+1); 15:42:10 UTC is 16:42:10.
    expect(certificateText).toContain('28 novembre 2026');
    expect(certificateText).toContain('11:00:00');
    expect(certificateText).toContain('25 novembre 2026 à 16:42:10');
    expect(certificateText).not.toContain('10:00:00');

    // Hashes and user agents are shortened, not printed in full.
    expect(certificateText).not.toContain('c0ffee'.repeat(10));
    expect(certificateText).toContain('c0ffeec0ffeec0ff…');
    expect(certificateText).not.toContain('TRONQUÉE');

    expect(sha256Hex(await appendCertificate(signed, certificate))).toBe(sha256Hex(merged));

    certificatePages.forEach((page, index) => {
      expect(flat(page)).toContain(`page ${index + 1} / ${certificatePages.length}`);
    });
  });

  it('refuses an unreadable signature date rather than printing "Invalid Date"', async () => {
    const doc = sampleConvention();
    const signed = await renderConventionPdf(doc, { createdAt });
    const certificate = { ...certificateFor(doc, signed), completedAt: 'hier' };
    await expect(appendCertificate(signed, certificate)).rejects.toThrow(/hier/);
  });
});
