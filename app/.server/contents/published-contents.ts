import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { sampleCases } from '../../../matching/conventions/sample-cases';
import { parseTemplate, renderTemplate, TemplateError, type ConventionTemplate } from '../../../matching/conventions/template';
import { createThesaurus, frenchThesaurus, parseThesaurusText, ThesaurusError, type Thesaurus } from '../../../matching/thesaurus';
import { assertAccess } from '../auth/authorize';
import type { CurrentUser } from '../auth/session';
import { sha256 } from '../clock';
import { defaultTemplatesDir, TEMPLATE_KINDS, templateIdFor, templatesInForce, type ContentReader } from '../conventions/template-files';
import { Prisma } from '../db/generated/client';
import type { ContentKind } from '../db/generated/enums';
import type { ThesaurusChoice } from '../embeddings/provider';
import { AppError } from '../errors';
import { fromZodError } from '../http/route-errors';
import { enqueueReembedding } from '../jobs/reembedding';
import { renderConventionPdf } from '../pdf/convention-pdf';
import type { Services } from '../services';

/**
 * Texts the Mission ESS edits online: the convention templates and the matching thesaurus. Each publication is a new
 * version (never changed afterwards); the latest one is in force, and the repository's file (version 0) while none
 * has been published. A text is checked before it is published, with the same rules as the tests of the files.
 */

export const THESAURUS_KEY = 'thesaurus-fr';

/** The kind as it appears in addresses: /admin/contenus/modele/<id>, /admin/contenus/thesaurus/thesaurus-fr. */
const contentSlugs = { CONVENTION_TEMPLATE: 'modele', THESAURUS: 'thesaurus' } as const satisfies Record<ContentKind, string>;

interface ContentEntry {
  kind: ContentKind;
  key: string;
  /** The repository's file: version 0. */
  file: string;
  extension: 'md' | 'json';
}

function catalogue(): ContentEntry[] {
  return [
    ...Object.keys(TEMPLATE_KINDS)
      .sort()
      .map((id) => ({ kind: 'CONVENTION_TEMPLATE' as const, key: id, file: path.join(defaultTemplatesDir(), `${id}.md`), extension: 'md' as const })),
    { kind: 'THESAURUS', key: THESAURUS_KEY, file: path.join(process.cwd(), 'matching', 'data', `${THESAURUS_KEY}.json`), extension: 'json' },
  ];
}

const notFound = () => new AppError('NOT_FOUND', 'Ce contenu n’existe pas : choisissez-le dans la liste des contenus en ligne.');

/** The Mission ESS only; then the content named by the address, or NOT_FOUND. */
function entryFor(user: CurrentUser, slug: string, key: string): ContentEntry {
  assertAccess(user, { roles: ['MISSION_ESS_ADMIN'] });
  const kind = (Object.keys(contentSlugs) as ContentKind[]).find((candidate) => contentSlugs[candidate] === slug);
  const entry = catalogue().find((candidate) => candidate.kind === kind && candidate.key === key);
  if (!entry) throw notFound();
  return entry;
}

/** Browsers send a text area's lines ending with CR LF: the stored text, and its hash, use LF like the files. */
function normalise(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

interface VersionInForce {
  version: number;
  body: string;
  sha256: string;
}

async function versionInForce(db: ContentReader, entry: ContentEntry): Promise<VersionInForce> {
  const latest = await db.publishedContent.findFirst({
    where: { kind: entry.kind, key: entry.key },
    orderBy: { version: 'desc' },
    select: { version: true, body: true, sha256: true },
  });
  if (latest) return latest;
  const body = readFileSync(entry.file, 'utf8');
  return { version: 0, body, sha256: sha256(body) };
}

function authorName(user: { firstName: string | null; lastName: string | null; email: string } | undefined): string {
  if (!user) return 'compte supprimé';
  return [user.firstName, user.lastName].filter(Boolean).join(' ') || user.email;
}

async function authors(services: Services, ids: (string | null)[]) {
  const users = await services.prisma.user.findMany({
    where: { id: { in: ids.filter((id): id is string => id !== null) } },
    select: { id: true, firstName: true, lastName: true, email: true },
  });
  return (id: string | null) => authorName(users.find((user) => user.id === id));
}

const THESAURUS_NAME = 'Thésaurus du rapprochement';

/** Every content with its version in force and its last publication. */
export async function listContents(services: Services, user: CurrentUser) {
  assertAccess(user, { roles: ['MISSION_ESS_ADMIN'] });
  const latest = await services.prisma.publishedContent.findMany({
    distinct: ['kind', 'key'],
    orderBy: [{ kind: 'asc' }, { key: 'asc' }, { version: 'desc' }],
    select: { kind: true, key: true, version: true, note: true, publishedById: true, publishedAt: true },
  });
  const templates = await templatesInForce(services.prisma);
  const authorOf = await authors(services, latest.map((row) => row.publishedById));
  return catalogue().map((entry) => {
    const row = latest.find((candidate) => candidate.kind === entry.kind && candidate.key === entry.key);
    return {
      slug: contentSlugs[entry.kind],
      key: entry.key,
      name: entry.kind === 'THESAURUS' ? THESAURUS_NAME : templates.byId(entry.key).meta.title,
      kindLabel: entry.kind === 'THESAURUS' ? 'thésaurus' : 'modèle de convention',
      version: row?.version ?? 0,
      lastPublication: row ? { at: row.publishedAt.toISOString(), by: authorOf(row.publishedById), note: row.note } : null,
    };
  });
}

/** One content: the text in force, to edit, and every version with its note, author and date. */
export async function getContent(services: Services, user: CurrentUser, slug: string, key: string) {
  const entry = entryFor(user, slug, key);
  const current = await versionInForce(services.prisma, entry);
  const history = await services.prisma.publishedContent.findMany({
    where: { kind: entry.kind, key: entry.key },
    orderBy: { version: 'desc' },
    select: { version: true, note: true, sha256: true, publishedById: true, publishedAt: true },
  });
  const authorOf = await authors(services, history.map((row) => row.publishedById));
  const fileBody = readFileSync(entry.file, 'utf8');
  return {
    slug: contentSlugs[entry.kind],
    key: entry.key,
    kind: entry.kind,
    name: entry.kind === 'THESAURUS' ? THESAURUS_NAME : parseTemplate(current.body, key).meta.title,
    version: current.version,
    body: current.body,
    sha256: current.sha256,
    history: [
      ...history.map((row) => ({ version: row.version, note: row.note, by: authorOf(row.publishedById), at: row.publishedAt.toISOString(), sha256: row.sha256 })),
      { version: 0, note: 'Fichier livré avec l’application', by: null, at: null, sha256: sha256(fileBody) },
    ],
  };
}

/** The text of one version, to download. */
export async function contentVersionFile(services: Services, user: CurrentUser, slug: string, key: string, rawVersion: unknown) {
  const entry = entryFor(user, slug, key);
  const version = z.coerce.number().int().min(0).max(1_000_000).safeParse(rawVersion);
  if (!version.success) throw notFound();
  const body =
    version.data === 0
      ? readFileSync(entry.file, 'utf8')
      : (await services.prisma.publishedContent.findUnique({ where: { kind_key_version: { kind: entry.kind, key: entry.key, version: version.data } }, select: { body: true } }))?.body;
  if (body === undefined) throw new AppError('NOT_FOUND', `La version n° ${version.data} de ce contenu n’existe pas.`);
  return {
    fileName: `${entry.key}-v${version.data}.${entry.extension}`,
    contentType: entry.extension === 'json' ? 'application/json; charset=utf-8' : 'text/markdown; charset=utf-8',
    body,
  };
}

const MAX_PROBLEMS = 12;

/** Line (1-based) of a front matter key, for messages. */
function headerLine(text: string, key: string): number | null {
  const lines = text.split('\n');
  for (let index = 1; index < lines.length && lines[index]?.trim() !== '---'; index++) {
    if (new RegExp(`^\\s*${key}\\s*:`).test(lines[index] ?? '')) return index + 1;
  }
  return null;
}

/** « Ligne 4 : … » when the line is known. */
const atLine = (line: number | null, message: string) => (line === null ? message.charAt(0).toUpperCase() + message.slice(1) : `Ligne ${line} : ${message}`);

/**
 * What keeps a template from being used: syntax, id and kind, and every sample case of its id (sample-cases.ts) that
 * it cannot fill. Returns the template when it parses.
 */
function checkTemplate(key: string, text: string): { template: ConventionTemplate | null; problems: string[] } {
  let template: ConventionTemplate;
  try {
    template = parseTemplate(text, `Modèle « ${key} »`);
  } catch (error) {
    if (error instanceof TemplateError) return { template: null, problems: [error.message] };
    throw error;
  }
  const problems: string[] = [];
  if (template.meta.id !== key) {
    problems.push(atLine(headerLine(text, 'id'), `l’identifiant (clé « id ») doit rester « ${key} » : l’application choisit le modèle par cet identifiant.`));
  }
  const expected = TEMPLATE_KINDS[key];
  if (template.meta.kind !== expected) {
    problems.push(atLine(headerLine(text, 'kind'), `ce modèle doit rester de type ${expected} (clé « kind »), et non ${template.meta.kind}.`));
  }
  const seen = new Set<string>();
  for (const sample of sampleCases().filter((candidate) => templateIdFor(candidate.view) === key)) {
    try {
      renderTemplate(template, sample.view);
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      if (seen.has(error.message)) continue;
      seen.add(error.message);
      problems.push(`${error.message} Cas qui le révèle : ${sample.name}.`);
    }
  }
  return { template, problems };
}

/** Problems of a text, as the person sees them, one per line (the first ones when there are many). */
async function problemsOf(services: Services, entry: ContentEntry, text: string, current: VersionInForce): Promise<string[]> {
  let problems: string[];
  if (entry.kind === 'THESAURUS') {
    try {
      parseThesaurusText(text);
      problems = [];
    } catch (error) {
      if (!(error instanceof ThesaurusError)) throw error;
      problems = error.problems.map((problem) => `Thésaurus : ${problem}`);
    }
  } else {
    const checked = checkTemplate(entry.key, text);
    problems = checked.problems;
    const previous = parseTemplate(current.body, entry.key).meta.version;
    if (checked.template && text !== current.body && checked.template.meta.version === previous) {
      const today = services.clock.now().toISOString().slice(0, 10);
      problems.push(
        atLine(
          headerLine(text, 'version'),
          `changez la version (clé « version ») : « ${previous} » est celle du texte en vigueur, et chaque convention enregistre la ` +
            `version de son modèle. Par exemple « ${today} » (ou « ${today}-2 » pour une deuxième modification du jour).`,
        ),
      );
    }
  }
  if (problems.length <= MAX_PROBLEMS) return problems;
  return [...problems.slice(0, MAX_PROBLEMS), `… et ${problems.length - MAX_PROBLEMS} autre(s) problème(s), signalé(s) une fois ceux-ci corrigés.`];
}

const bodySchema = z
  .string({ error: 'Saisissez le texte.' })
  .refine((text) => text.trim() !== '', 'Saisissez le texte.')
  .refine((text) => text.length <= 500_000, 'Le texte dépasse 500 000 caractères.');

const publicationSchema = z.object({
  body: bodySchema,
  note: z
    .string({ error: 'Indiquez ce qui change, en une phrase.' })
    .trim()
    .min(3, 'Indiquez ce qui change, en une phrase (3 caractères au moins).')
    .max(500, '500 caractères au plus.'),
  baseVersion: z.coerce
    .number({ error: 'Version de départ manquante : rechargez la page.' })
    .int('Version de départ invalide : rechargez la page.')
    .min(0, 'Version de départ invalide : rechargez la page.'),
});

function parseBody(raw: unknown): string {
  const parsed = z.object({ body: bodySchema }).safeParse({ body: raw });
  if (!parsed.success) throw fromZodError(parsed.error, 'Le texte n’a pas pu être vérifié.');
  return normalise(parsed.data.body);
}

function invalid(problems: string[], message: string): AppError {
  return new AppError('VALIDATION', message, { fieldErrors: { body: problems } });
}

/** « Vérifier »: the checks of a publication, without publishing. */
export async function checkContent(services: Services, user: CurrentUser, slug: string, key: string, input: { body: unknown }): Promise<void> {
  const entry = entryFor(user, slug, key);
  const body = parseBody(input.body);
  const problems = await problemsOf(services, entry, body, await versionInForce(services.prisma, entry));
  if (problems.length > 0) throw invalid(problems, 'Le texte ne peut pas être publié en l’état : corrigez ce qui est signalé.');
}

const conflictMessage = (version: number) =>
  `Quelqu’un a publié une version entre-temps (version n° ${version} en vigueur). Votre texte n’a pas été publié : ` +
  'copiez vos modifications, rechargez la page, reportez-les sur la nouvelle version puis publiez à nouveau.';

/**
 * Publishes a new version: the Mission ESS only, with a note, on top of the version the editor started from (a
 * publication by someone else in between is refused), once the text passes every check. Publishing the thesaurus
 * queues the re-embedding of every offer and need, whose progress is on /admin/travaux/<jobId>.
 */
export async function publishContent(
  services: Services,
  user: CurrentUser,
  input: { slug: string; key: string; body: unknown; note: unknown; baseVersion: unknown },
): Promise<{ version: number; jobId: string | null }> {
  const entry = entryFor(user, input.slug, input.key);
  const form = publicationSchema.safeParse(input);
  if (!form.success) throw fromZodError(form.error, 'Le texte n’a pas été publié : complétez le formulaire.');
  const body = normalise(form.data.body);
  const note = form.data.note;
  const current = await versionInForce(services.prisma, entry);
  if (form.data.baseVersion !== current.version) throw new AppError('CONFLICT', conflictMessage(current.version));
  if (body === current.body) throw invalid(['Le texte est identique à la version en vigueur : il n’y a rien à publier.'], 'Rien à publier.');
  const problems = await problemsOf(services, entry, body, current);
  if (problems.length > 0) throw invalid(problems, 'Le texte n’a pas été publié : corrigez ce qui est signalé.');

  const version = current.version + 1;
  const now = services.clock.now();
  const digest = sha256(body);
  try {
    await services.prisma.$transaction(async (tx) => {
      const created = await tx.publishedContent.create({
        data: { kind: entry.kind, key: entry.key, version, body, sha256: digest, note, publishedById: user.id, publishedAt: now },
      });
      await tx.auditLog.create({
        data: {
          actorId: user.id,
          action: 'content.published',
          targetType: 'PublishedContent',
          targetId: created.id,
          details: { kind: entry.kind, key: entry.key, version, sha256: digest, note },
          at: now,
        },
      });
    });
  } catch (error) {
    // Two publications from the same version at the same moment: the unique (kind, key, version) keeps the first.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new AppError('CONFLICT', conflictMessage(version));
    throw error;
  }
  const job = entry.kind === 'THESAURUS' ? await enqueueReembedding(services, user.id) : null;
  return { version, jobId: job?.jobId ?? null };
}

/** The template as typed, filled with its main sample case, as a draft PDF: what the legal service reviews. */
export async function previewTemplatePdf(services: Services, user: CurrentUser, slug: string, key: string, input: { body: unknown }) {
  const entry = entryFor(user, slug, key);
  if (entry.kind !== 'CONVENTION_TEMPLATE') throw notFound();
  const body = parseBody(input.body);
  const { template, problems } = checkTemplate(entry.key, body);
  const [sample] = sampleCases().filter((candidate) => templateIdFor(candidate.view) === key);
  if (!template || problems.length > 0 || !sample) throw invalid(problems, 'L’aperçu n’a pas pu être produit : corrigez ce qui est signalé.');
  const rendered = renderTemplate(template, sample.view);
  const pdf = await renderConventionPdf(
    {
      title: rendered.title,
      subtitle: rendered.subtitle,
      reference: sample.view.reference,
      verificationCode: 'EXEMPLE',
      version: 1,
      templateId: template.meta.id,
      templateVersion: template.meta.version,
      blocks: rendered.blocks,
      signatures: [],
      draft: true,
    },
    { createdAt: services.clock.now() },
  );
  return { body: pdf, fileName: `apercu-${key}.pdf` };
}

let thesaurusCache: { sha256: string; thesaurus: Thesaurus } | null = null;

/**
 * The thesaurus in force, for the local embedder: the shipped one until a version is published, then the latest
 * version, tagged with the start of its hash so that its vectors are told apart from those of any other thesaurus.
 * One small query per call; a published text is parsed again only when its hash changes.
 */
export async function thesaurusInForce(db: ContentReader): Promise<ThesaurusChoice> {
  const latest = await db.publishedContent.findFirst({
    where: { kind: 'THESAURUS', key: THESAURUS_KEY },
    orderBy: { version: 'desc' },
    select: { version: true, sha256: true },
  });
  if (!latest) return { thesaurus: frenchThesaurus };
  if (thesaurusCache?.sha256 !== latest.sha256) {
    const { body } = await db.publishedContent.findUniqueOrThrow({
      where: { kind_key_version: { kind: 'THESAURUS', key: THESAURUS_KEY, version: latest.version } },
      select: { body: true },
    });
    thesaurusCache = { sha256: latest.sha256, thesaurus: createThesaurus(parseThesaurusText(body)) };
  }
  return { thesaurus: thesaurusCache.thesaurus, tag: `th-${latest.sha256.slice(0, 8)}` };
}
