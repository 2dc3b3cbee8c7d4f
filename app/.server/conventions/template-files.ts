import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import { parseTemplate, TemplateError, type ConventionTemplate, type TemplateMeta } from '../../../matching/conventions/template';
import type { ConventionView } from '../../../matching/conventions/view-model';

/**
 * The convention templates are Markdown files the Mission ESS and the legal service edit (see the README beside
 * them). Each convention records the id, version and SHA-256 of the file it was drawn from.
 */

export type LoadedConventionTemplate = ConventionTemplate & {
  /** SHA-256 (hex) of the file's bytes, as stored on the convention. */
  sourceSha256: string;
  fileName: string;
};

/** The templates the application chooses between, with the kind each must declare. */
export const TEMPLATE_KINDS: Readonly<Record<string, TemplateMeta['kind']>> = {
  'mise-a-disposition-competences': 'COMPETENCE',
  'occupation-temporaire': 'LIEU',
  'occupation-toiture-solaire': 'LIEU',
  'stage-observation-3e': 'STAGE',
};

export function defaultTemplatesDir(): string {
  return path.join(process.cwd(), 'matching', 'conventions', 'templates');
}

/** Every `*.md` of the folder except its README, parsed; refuses duplicate ids and a kind that does not fit the id. */
export function loadConventionTemplates(dir: string = defaultTemplatesDir()): Map<string, LoadedConventionTemplate> {
  const fileNames = readdirSync(dir)
    .filter((name) => name.toLowerCase().endsWith('.md') && name.toLowerCase() !== 'readme.md')
    .sort();
  const templates = new Map<string, LoadedConventionTemplate>();
  for (const fileName of fileNames) {
    const bytes = readFileSync(path.join(dir, fileName));
    const template = parseTemplate(bytes.toString('utf8'), fileName);
    const { id, kind } = template.meta;
    const previous = templates.get(id);
    if (previous) {
      throw new TemplateError(
        `Deux modèles de convention portent l’identifiant « ${id} » : ${previous.fileName} et ${fileName}. ` +
          'Chaque modèle doit avoir un identifiant (clé « id ») qui lui est propre.',
      );
    }
    const expected = TEMPLATE_KINDS[id];
    if (expected && expected !== kind) {
      throw new TemplateError(
        `${fileName} : le modèle « ${id} » doit être de type ${expected} (clé « kind »), et non ${kind}.`,
      );
    }
    templates.set(id, { ...template, sourceSha256: createHash('sha256').update(bytes).digest('hex'), fileName });
  }
  return templates;
}

/** Which template draws a convention: the rooftop variant for a rooftop, the general one for other property. */
export function templateIdFor(view: Pick<ConventionView, 'kind'> & { rooftop?: boolean }): string {
  switch (view.kind) {
    case 'COMPETENCE':
      return 'mise-a-disposition-competences';
    case 'LIEU':
      return view.rooftop === true ? 'occupation-toiture-solaire' : 'occupation-temporaire';
    case 'STAGE':
      return 'stage-observation-3e';
  }
}

let cached: { stamp: string; templates: Map<string, LoadedConventionTemplate> } | null = null;

/**
 * Templates are parsed again whenever a file changes (name, size or modification time), so an edit by the Mission
 * ESS applies to the next document, while a page listing many conventions reads the folder's metadata only.
 */
function currentTemplates(): Map<string, LoadedConventionTemplate> {
  const dir = defaultTemplatesDir();
  const stamp = readdirSync(dir)
    .sort()
    .map((name) => {
      const stat = statSync(path.join(dir, name));
      return `${name}:${stat.size}:${stat.mtimeMs}`;
    })
    .join('|');
  if (cached?.stamp !== stamp) cached = { stamp, templates: loadConventionTemplates(dir) };
  return cached.templates;
}

export function templateById(id: string): LoadedConventionTemplate {
  const template = currentTemplates().get(id);
  if (!template) {
    throw new AppError('CONFIG', `Le modèle de convention « ${id} » est introuvable (fichier matching/conventions/templates/${id}.md attendu).`);
  }
  return template;
}

export function templateFor(kind: ConventionView['kind'], rooftop: boolean): LoadedConventionTemplate {
  return templateById(templateIdFor({ kind, rooftop }));
}
