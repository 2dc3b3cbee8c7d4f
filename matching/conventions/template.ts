import Mustache from 'mustache';
import { z } from 'zod';
import type { Block, TextRun } from './document';

/**
 * A convention template is a text file the Mission ESS can edit: a front matter block (`key: value` lines between
 * `---`), then the body in a small Markdown subset (`#`, `##`, `###` headings, `- ` list items, paragraphs separated
 * by a blank line, `**bold**`) with Mustache variables and sections taken from the convention's view model.
 */

const metaSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'identifiant en minuscules, chiffres et tirets'),
  kind: z.enum(['COMPETENCE', 'LIEU', 'STAGE']),
  version: z.string().min(1),
  title: z.string().min(1),
  legalBasis: z.string().min(1),
  signatureOrder: z.enum(['free', 'ordered']).default('free'),
});

export type TemplateMeta = z.output<typeof metaSchema>;

export interface ConventionTemplate {
  meta: TemplateMeta;
  body: string;
  /** Line of the source file where the body starts, so that messages give the line the editor sees. */
  bodyLine?: number;
}

export class TemplateError extends Error {
  override name = 'TemplateError';
}

/** `"…"` or `'…'` around a front matter value are YAML habits: they are not part of the value. */
function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return quoted ? (quoted[2] ?? '') : value;
}

export function parseTemplate(source: string, fileName = 'modèle'): ConventionTemplate {
  // A byte order mark (Windows editors) would hide the opening "---".
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = /^---\n([\s\S]*?)\n---(?:\n|$)/.exec(text);
  if (!match) throw new TemplateError(`${fileName} : l’en-tête (entre deux lignes « --- ») est absent.`);
  const fields: Record<string, string> = {};
  for (const [index, line] of (match[1] ?? '').split('\n').entries()) {
    if (!line.trim()) continue;
    const separator = line.indexOf(':');
    if (separator < 1) throw new TemplateError(`${fileName}, ligne ${index + 2} : « clé: valeur » attendu.`);
    const key = line.slice(0, separator).trim();
    if (Object.hasOwn(fields, key)) throw new TemplateError(`${fileName}, ligne ${index + 2} : la clé « ${key} » figure deux fois.`);
    fields[key] = unquote(line.slice(separator + 1).trim());
  }
  const meta = metaSchema.safeParse(fields);
  if (!meta.success) {
    const details = meta.error.issues
      .map((issue) => {
        const key = issue.path.join('.');
        return Object.hasOwn(fields, key) ? `${key} : ${issue.message}` : `clé « ${key} » absente`;
      })
      .join(' ; ');
    throw new TemplateError(`${fileName} : en-tête invalide (${details}).`);
  }
  const body = text.slice(match[0].length);
  const bodyLine = match[0].split('\n').length;
  try {
    Mustache.parse(body);
  } catch (error) {
    throw new TemplateError(`${fileName}${syntaxMessage((error as Error).message, body, bodyLine)}`);
  }
  return { meta: meta.data, body, bodyLine };
}

/** Mustache's syntax errors, in French, with the line of the file rather than a character offset (after the file name). */
function syntaxMessage(message: string, body: string, bodyLine: number): string {
  const parsed = /^(Unclosed tag|Unopened section|Unclosed section)(?: "([^"]*)")? at (\d+)$/.exec(message);
  if (!parsed) return ` : ${message}`;
  const [, kind, name = '', offset] = parsed;
  const at = Number(offset);
  const line = (position: number) => lineOf(body, position) + bodyLine - 1;
  if (kind === 'Unclosed tag') return `, ligne ${line(at)} : balise « {{ » sans « }} ».`;
  if (kind === 'Unopened section') return `, ligne ${line(at)} : {{/${name}}} ferme une section qui n’a pas été ouverte.`;
  // Points at the opening tag, not at the end of the text or at the closing tag of another section.
  const openings = [...body.slice(0, at).matchAll(/\{\{\s*[#^]\s*([^}]*?)\s*\}\}/g)].filter((found) => found[1] === name);
  const opened = openings[openings.length - 1]?.index ?? at;
  return `, ligne ${line(opened)} : la section {{#${name}}} (ou {{^${name}}}) n’est pas fermée par {{/${name}}} au bon endroit.`;
}

type Token = [string, string, number, number, Token[]?, number?];

function lookup(stack: unknown[], name: string): unknown {
  if (name === '.') return stack[stack.length - 1];
  const [head, ...rest] = name.split('.');
  for (let index = stack.length - 1; index >= 0; index--) {
    const frame = stack[index];
    if (frame !== null && typeof frame === 'object' && head !== undefined && head in frame) {
      let value: unknown = (frame as Record<string, unknown>)[head];
      for (const part of rest) {
        value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
      }
      return value;
    }
  }
  return undefined;
}

function lineOf(body: string, offset: number): number {
  return body.slice(0, offset).split('\n').length;
}

/** Mustache prints nothing for an unknown name; in a legal text a silent gap is worse than an error. */
function checkVariables(body: string, firstLine: number, tokens: Token[], stack: unknown[], problems: string[]): void {
  for (const token of tokens) {
    const [type, name, start, , children] = token;
    if (type === 'name' || type === '&') {
      const value = lookup(stack, name);
      if (value === undefined || value === null || value === '') {
        problems.push(`{{${name}}} (ligne ${lineOf(body, start) + firstLine - 1})`);
      }
    } else if (type === '#') {
      const value = lookup(stack, name);
      if (Array.isArray(value)) {
        for (const item of value) checkVariables(body, firstLine, children ?? [], [...stack, item], problems);
      } else if (value) {
        checkVariables(body, firstLine, children ?? [], typeof value === 'object' ? [...stack, value] : stack, problems);
      }
    } else if (type === '^') {
      const value = lookup(stack, name);
      if (!value || (Array.isArray(value) && value.length === 0)) checkVariables(body, firstLine, children ?? [], stack, problems);
    }
  }
}

function runs(text: string): TextRun[] {
  return text
    .split(/(\*\*[^*]+\*\*)/)
    .filter((part) => part !== '')
    .map((part) => (part.startsWith('**') && part.endsWith('**') ? { text: part.slice(2, -2), bold: true } : { text: part }));
}

/** Markdown subset → blocks. Lines of a paragraph are joined with a space, as Markdown does. */
export function toBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: TextRun[][] | null = null;
  const flush = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', runs: runs(paragraph.join(' ')) });
    if (list) blocks.push({ type: 'list', items: list });
    paragraph = [];
    list = null;
  };
  for (const raw of markdown.split('\n')) {
    const line = raw.trim();
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    if (!line) flush();
    else if (heading) {
      flush();
      blocks.push({ type: 'heading', level: (heading[1] ?? '#').length as 1 | 2 | 3, text: heading[2] ?? '' });
    } else if (line.startsWith('- ')) {
      if (paragraph.length) flush();
      list ??= [];
      list.push(runs(line.slice(2)));
    } else if (list && !paragraph.length) {
      const last = list[list.length - 1];
      if (last) last.push({ text: ' ' }, ...runs(line));
    } else paragraph.push(line);
  }
  flush();
  return blocks;
}

export interface RenderedTemplate {
  title: string;
  subtitle: string;
  blocks: Block[];
}

/** Fills the template with the view; refuses when a variable the template uses has no value. */
export function renderTemplate(template: ConventionTemplate, view: object): RenderedTemplate {
  const tokens = Mustache.parse(template.body) as Token[];
  const problems: string[] = [];
  checkVariables(template.body, template.bodyLine ?? 1, tokens, [view], problems);
  if (problems.length) {
    // A variable used in a list is reported once per item: once is enough.
    const unique = [...new Set(problems)];
    throw new TemplateError(`Modèle « ${template.meta.id} » : valeur manquante pour ${unique.join(', ')}.`);
  }
  const text = Mustache.render(template.body, view, {}, { escape: (value: unknown) => String(value) });
  const blocks = toBlocks(text);
  const first = blocks[0];
  const title = first?.type === 'heading' && first.level === 1 ? first.text : template.meta.title;
  return {
    title,
    subtitle: template.meta.legalBasis,
    blocks: first?.type === 'heading' && first.level === 1 ? blocks.slice(1) : blocks,
  };
}
