import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Prisma } from '../db/generated/client';
import { AppError } from '../errors';
import { parseTemplate, TemplateError, type ConventionTemplate, type TemplateMeta } from '../../../matching/conventions/template';
import type { ConventionView } from '../../../matching/conventions/view-model';

/**
 * The convention templates are Markdown files the Mission ESS and the legal service edit (see the README beside
 * them), either in the repository or online (`/admin/contenus`): the latest version published online is in force,
 * and the file is used while none has been published. Each convention records the id, version and SHA-256 of the
 * text it was drawn from.
 */

export type LoadedConventionTemplate = ConventionTemplate & {
  /** SHA-256 (hex) of the text's UTF-8 bytes, as stored on the convention. */
  sourceSha256: string;
};

export type TemplateFile = LoadedConventionTemplate & { fileName: string };

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
export function loadConventionTemplates(dir: string = defaultTemplatesDir()): Map<string, TemplateFile> {
  const fileNames = readdirSync(dir)
    .filter((name) => name.toLowerCase().endsWith('.md') && name.toLowerCase() !== 'readme.md')
    .sort();
  const templates = new Map<string, TemplateFile>();
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

let cached: { stamp: string; templates: Map<string, TemplateFile> } | null = null;

/**
 * The repository's templates, parsed again whenever a file changes (name, size or modification time), so that a page
 * listing many conventions reads the folder's metadata only.
 */
function templateFiles(): Map<string, TemplateFile> {
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

/** Reads published versions: the Prisma client, or the transaction under way (PGlite runs one at a time). */
export type ContentReader = Pick<Prisma.TransactionClient, 'publishedContent'>;

/** Published texts already parsed, by SHA-256: a version is immutable, so it is parsed once per process. */
const publishedBySha = new Map<string, LoadedConventionTemplate>();

export interface TemplatesInForce {
  byId(id: string): LoadedConventionTemplate;
  for(kind: ConventionView['kind'], rooftop: boolean): LoadedConventionTemplate;
}

/**
 * The templates in force: for each id, the latest published version, else the file. One small query (ids, versions
 * and hashes); a text is read and parsed only the first time its hash is seen, so a publication by any instance
 * applies to the next lookup. Look up once per request, then use `byId` for every row.
 */
export async function templatesInForce(db: ContentReader): Promise<TemplatesInForce> {
  const templates = new Map<string, LoadedConventionTemplate>(templateFiles());
  const latest = await db.publishedContent.findMany({
    where: { kind: 'CONVENTION_TEMPLATE' },
    distinct: ['key'],
    orderBy: [{ key: 'asc' }, { version: 'desc' }],
    select: { key: true, version: true, sha256: true },
  });
  const unseen = latest.filter((row) => !publishedBySha.has(row.sha256));
  if (unseen.length > 0) {
    const rows = await db.publishedContent.findMany({
      where: { kind: 'CONVENTION_TEMPLATE', OR: unseen.map(({ key, version }) => ({ key, version })) },
      select: { key: true, version: true, body: true, sha256: true },
    });
    for (const row of rows) {
      publishedBySha.set(row.sha256, { ...parseTemplate(row.body, `${row.key} (version publiée n° ${row.version})`), sourceSha256: row.sha256 });
    }
  }
  for (const row of latest) {
    const template = publishedBySha.get(row.sha256);
    if (template) templates.set(row.key, template);
  }
  const byId = (id: string) => {
    const template = templates.get(id);
    if (!template) {
      throw new AppError('CONFIG', `Le modèle de convention « ${id} » est introuvable (fichier matching/conventions/templates/${id}.md attendu).`);
    }
    return template;
  };
  return { byId, for: (kind, rooftop) => byId(templateIdFor({ kind, rooftop })) };
}

export async function templateById(db: ContentReader, id: string): Promise<LoadedConventionTemplate> {
  return (await templatesInForce(db)).byId(id);
}
