import { describe, expect, it } from 'vitest';
import type { Block } from './document';
import { parseTemplate, renderTemplate, TemplateError, toBlocks, type ConventionTemplate } from './template';

/** Front matter of 7 lines (the two "---" included): the body starts on line 8 of the file. */
const FRONT = ['---', 'id: essai', 'kind: LIEU', 'version: 2026-11-28', 'title: Convention d’essai', 'legalBasis: CGPPP, art. L2122-1', '---'];

const source = (...body: string[]) => [...FRONT, ...body].join('\n');

function parseError(text: string): string {
  try {
    parseTemplate(text, 'essai.md');
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateError);
    return (error as Error).message;
  }
  throw new Error('parseTemplate should have refused the template');
}

function renderError(template: ConventionTemplate, view: object): string {
  try {
    renderTemplate(template, view);
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateError);
    return (error as Error).message;
  }
  throw new Error('renderTemplate should have refused the view');
}

describe('parseTemplate', () => {
  it('reads the front matter and keeps the body after it', () => {
    const template = parseTemplate(source('# Titre', '', 'Texte.'), 'essai.md');
    expect(template.meta).toEqual({
      id: 'essai',
      kind: 'LIEU',
      version: '2026-11-28',
      title: 'Convention d’essai',
      legalBasis: 'CGPPP, art. L2122-1',
      signatureOrder: 'free',
    });
    expect(template.body).toBe('# Titre\n\nTexte.');
    expect(template.bodyLine).toBe(8);
  });

  it('keeps colons in values, accepts Windows line ends, a byte order mark and YAML quotes', () => {
    const text = `\uFEFF${source('Texte.')}`
      .replace('title: Convention d’essai', 'title: "Convention : essai"')
      .replace('version: 2026-11-28', "version: '2026-11-28'")
      .replace(/\n/g, '\r\n');
    const template = parseTemplate(text);
    expect(template.meta.title).toBe('Convention : essai');
    expect(template.meta.version).toBe('2026-11-28');
    expect(template.body).toBe('Texte.');
  });

  it('reads signatureOrder', () => {
    const template = parseTemplate(source('Texte.').replace('---\nid', '---\nsignatureOrder: ordered\nid'));
    expect(template.meta.signatureOrder).toBe('ordered');
  });

  describe('refuses a broken front matter, in French', () => {
    it('without the "---" lines', () => {
      expect(parseError('id: essai\n\nTexte.')).toBe('essai.md : l’en-tête (entre deux lignes « --- ») est absent.');
    });

    it('with a line that is not "key: value", giving its line', () => {
      expect(parseError(source('Texte.').replace('kind: LIEU', 'kind LIEU'))).toBe(
        'essai.md, ligne 3 : « clé: valeur » attendu.',
      );
    });

    it('with a key given twice', () => {
      expect(parseError(source('Texte.').replace('kind: LIEU', 'kind: LIEU\nversion: 2026-12-01'))).toBe(
        'essai.md, ligne 5 : la clé « version » figure deux fois.',
      );
    });

    it('with a missing key, an unknown kind or a malformed id', () => {
      const missing = parseError(source('Texte.').replace('title: Convention d’essai\n', ''));
      expect(missing).toBe('essai.md : en-tête invalide (clé « title » absente).');
      const kind = parseError(source('Texte.').replace('kind: LIEU', 'kind: BAIL'));
      expect(kind).toMatch(/^essai\.md : en-tête invalide \(kind : /);
      const id = parseError(source('Texte.').replace('id: essai', 'id: Essai_1'));
      expect(id).toContain('id : identifiant en minuscules, chiffres et tirets');
      for (const message of [missing, kind, id]) expect(message).not.toMatch(/expected|received|Invalid/);
    });
  });

  describe('refuses a broken Mustache body, in French, with the line of the file', () => {
    it('a section never closed points at its opening line', () => {
      const message = parseError(source('# Titre', '', '{{#free}}', 'Gratuit.', '', 'Fin.'));
      expect(message).toBe('essai.md, ligne 10 : la section {{#free}} (ou {{^free}}) n’est pas fermée par {{/free}} au bon endroit.');
    });

    it('sections closed in the wrong order point at the one left open', () => {
      const message = parseError(source('{{#a}}', '{{#b}}', 'x', '{{/a}}', '{{/b}}'));
      expect(message).toMatch(/^essai\.md, ligne 9 : la section \{\{#b\}\}/);
    });

    it('a closing tag without opening', () => {
      const message = parseError(source('Texte.', '{{/free}}'));
      expect(message).toBe('essai.md, ligne 9 : {{/free}} ferme une section qui n’a pas été ouverte.');
    });

    it('an unclosed tag', () => {
      expect(parseError(source('Texte {{reference'))).toMatch(/^essai\.md, ligne \d+ : balise « \{\{ » sans « \}\} »\.$/);
    });
  });
});

describe('toBlocks', () => {
  it('reads headings of levels 1 to 3 only', () => {
    expect(toBlocks('# Un\n## Deux\n### Trois\n#### Quatre')).toEqual<Block[]>([
      { type: 'heading', level: 1, text: 'Un' },
      { type: 'heading', level: 2, text: 'Deux' },
      { type: 'heading', level: 3, text: 'Trois' },
      { type: 'paragraph', runs: [{ text: '#### Quatre' }] },
    ]);
  });

  it('joins the lines of a paragraph with a space and splits paragraphs at blank lines', () => {
    expect(toBlocks('Première ligne\n  suite.\n\n\nSecond paragraphe.')).toEqual<Block[]>([
      { type: 'paragraph', runs: [{ text: 'Première ligne suite.' }] },
      { type: 'paragraph', runs: [{ text: 'Second paragraphe.' }] },
    ]);
  });

  it('makes bold runs from **…**, and leaves a lone ** as text', () => {
    expect(toBlocks('Le **Département** et **l’occupant**, 2 ** 3.')).toEqual<Block[]>([
      {
        type: 'paragraph',
        runs: [
          { text: 'Le ' },
          { text: 'Département', bold: true },
          { text: ' et ' },
          { text: 'l’occupant', bold: true },
          { text: ', 2 ** 3.' },
        ],
      },
    ]);
  });

  it('reads list items, with continuation lines joined to the item', () => {
    expect(toBlocks('Liste :\n- **objet** : soutenir\n  le projet ;\n- montant.\n\nAprès.')).toEqual<Block[]>([
      { type: 'paragraph', runs: [{ text: 'Liste :' }] },
      {
        type: 'list',
        items: [
          [{ text: 'objet', bold: true }, { text: ' : soutenir' }, { text: ' ' }, { text: 'le projet ;' }],
          [{ text: 'montant.' }],
        ],
      },
      { type: 'paragraph', runs: [{ text: 'Après.' }] },
    ]);
  });

  it('ends a list at a heading', () => {
    expect(toBlocks('- un\n## Article 2')).toEqual<Block[]>([
      { type: 'list', items: [[{ text: 'un' }]] },
      { type: 'heading', level: 2, text: 'Article 2' },
    ]);
  });
});

describe('renderTemplate', () => {
  const template = (...body: string[]) => parseTemplate(source(...body), 'essai.md');

  it('takes the title from the first level 1 heading and the subtitle from legalBasis', () => {
    const rendered = renderTemplate(template('# Convention n° {{reference}}', '', 'Texte.'), { reference: 'PAS-1' });
    expect(rendered.title).toBe('Convention n° PAS-1');
    expect(rendered.subtitle).toBe('CGPPP, art. L2122-1');
    expect(rendered.blocks).toEqual([{ type: 'paragraph', runs: [{ text: 'Texte.' }] }]);
  });

  it('falls back to the front matter title without a level 1 heading', () => {
    const rendered = renderTemplate(template('## Article 1 — Objet', '', 'Texte.'), {});
    expect(rendered.title).toBe('Convention d’essai');
    expect(rendered.blocks[0]).toEqual({ type: 'heading', level: 2, text: 'Article 1 — Objet' });
  });

  it('refuses a variable without a value, naming it with its line in the file', () => {
    const essai = template('# Titre', '', 'Occupant : {{occupant.name}}.', 'Référence {{reference}}, durée {{durationLabel}}.');
    expect(renderError(essai, { occupant: {}, reference: 'PAS-1', durationLabel: '' })).toBe(
      'Modèle « essai » : valeur manquante pour {{occupant.name}} (ligne 10), {{durationLabel}} (ligne 11).',
    );
    expect(renderError(essai, { occupant: { name: null }, reference: 'PAS-1', durationLabel: '2 ans' })).toContain(
      '{{occupant.name}} (ligne 10)',
    );
  });

  it('prints 0 and requires variables only in the sections that are rendered', () => {
    const essai = template('{{#free}}', 'Motif : {{freeGround}}.', '{{/free}}', '{{^free}}', 'Redevance : {{yearlyFee}}.', '{{/free}}', 'Étage {{floor}}.');
    const paid = renderTemplate(essai, { free: false, yearlyFee: '1 200,00 €', floor: 0 });
    expect(paid.blocks).toEqual([{ type: 'paragraph', runs: [{ text: 'Redevance : 1 200,00 €. Étage 0.' }] }]);
    expect(renderError(essai, { free: true, floor: 0 })).toBe('Modèle « essai » : valeur manquante pour {{freeGround}} (ligne 9).');
  });

  it('repeats a section over an array, each item being the context of its variables', () => {
    const essai = template('Membres :', '', '{{#members}}', '- **{{name}}**, {{address}}', '{{/members}}');
    const rendered = renderTemplate(essai, {
      members: [
        { name: 'Répar’Café', address: 'Sommières' },
        { name: 'Les Jardins', address: 'Villevieille' },
      ],
    });
    expect(rendered.blocks).toEqual<Block[]>([
      { type: 'paragraph', runs: [{ text: 'Membres :' }] },
      {
        type: 'list',
        items: [
          [{ text: 'Répar’Café', bold: true }, { text: ', Sommières' }],
          [{ text: 'Les Jardins', bold: true }, { text: ', Villevieille' }],
        ],
      },
    ]);
    // A variable missing in several items is reported once.
    expect(renderError(essai, { members: [{ name: 'A' }, { name: 'B' }] })).toBe(
      'Modèle « essai » : valeur manquante pour {{address}} (ligne 11).',
    );
  });

  it('renders inverted sections when the value is false, missing or an empty list', () => {
    const essai = template('{{^members}}Aucun membre.{{/members}}{{^free}} Payant.{{/free}}{{#free}} Gratuit.{{/free}}');
    const text = (view: object) => renderTemplate(essai, view).blocks.flatMap((block) => (block.type === 'paragraph' ? block.runs : [])).map((run) => run.text).join('');
    expect(text({ members: [], free: false })).toBe('Aucun membre. Payant.');
    expect(text({ free: true })).toBe('Aucun membre. Gratuit.');
    expect(text({ members: [{ name: 'A' }], free: true })).toBe('Gratuit.');
  });

  it('enters object sections and reads dotted names', () => {
    const essai = template('{{#amendment}}Avenant n° {{number}} à {{amendment.baseReference}} ({{reference}}).{{/amendment}}');
    const rendered = renderTemplate(essai, { reference: 'PAS-2', amendment: { number: 1, baseReference: 'PAS-1' } });
    expect(rendered.blocks).toEqual([{ type: 'paragraph', runs: [{ text: 'Avenant n° 1 à PAS-1 (PAS-2).' }] }]);
  });

  it('does not HTML-escape values', () => {
    const essai = template('Entre le Département et {{name}} : {{note}}');
    const rendered = renderTemplate(essai, { name: '« l’association » Lou & Cie', note: '<b>1 < 2</b> "ok"' });
    expect(rendered.blocks).toEqual([
      { type: 'paragraph', runs: [{ text: 'Entre le Département et « l’association » Lou & Cie : <b>1 < 2</b> "ok"' }] },
    ]);
  });
});
