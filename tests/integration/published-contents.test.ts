import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cosine } from '../../matching/local-embedder';
import { createUserSession } from '../../app/.server/auth/session';
import { sha256 } from '../../app/.server/clock';
import {
  checkContent,
  contentVersionFile,
  getContent,
  listContents,
  publishContent,
  THESAURUS_KEY,
} from '../../app/.server/contents/published-contents';
import { conventionPdf } from '../../app/.server/conventions/queries';
import { templateById } from '../../app/.server/conventions/template-files';
import type { Database } from '../../app/.server/db/connection';
import { embedPending } from '../../app/.server/matching/embedding-store';
import { acceptMatch, proposeMatch } from '../../app/.server/matching/match-decisions';
import type { Services } from '../../app/.server/services';
import { action as previewAction } from '../../app/routes/admin.contenus.$kind.$key.apercu';
import { action as editorAction, loader as editorLoader } from '../../app/routes/admin.contenus.$kind.$key';
import { loader as downloadLoader } from '../../app/routes/admin.contenus.$kind.$key.telecharger';
import { loader as listLoader } from '../../app/routes/admin.contenus._index';
import { asCurrentUser, conventionParties } from '../support/convention-fixtures';
import { pdfText } from '../support/pdf-text';
import { rejection } from '../support/rejection';
import { statusOf } from '../support/route-calls';
import { createTestDatabase } from '../support/test-database';
import { createTestServices, requestWithCookie } from '../support/test-services';

const NOW = new Date('2026-11-28T10:00:00Z');
const SKILLS = 'mise-a-disposition-competences';
const NEW_CLAUSE = 'Les parties font le point sur la mise à disposition au moins une fois par trimestre.';

let db: Database;
let services: Services;
let parties: Awaited<ReturnType<typeof conventionParties>>;
const cookies: Record<string, string | null> = { anonymous: null };

beforeAll(async () => {
  db = await createTestDatabase();
  services = createTestServices(db, { now: NOW }).services;
  parties = await conventionParties(db, NOW);
  const people = { admin: parties.admin, host: parties.hostMember, agent: parties.agent, college: parties.principal, outsider: parties.outsider };
  for (const [name, user] of Object.entries(people)) cookies[name] = await createUserSession(services, user.id);
});
afterAll(() => db.close());

const admin = () => asCurrentUser(db, parties.admin.id);
const storedVersions = () => db.prisma.publishedContent.count();
/** The template with its version changed, and a sentence added after its first article heading. */
const edited = (body: string, version: string, addition = NEW_CLAUSE) =>
  body.replace(/^version: .*$/m, `version: ${version}`).replace(/^(## Article 1 .*)$/m, `$1\n\n${addition}`);

describe('who may see and publish the texts', () => {
  it('the Mission ESS only: everyone else is refused by the use cases and by the pages', async () => {
    expect((await listContents(services, await admin())).map((content) => content.key)).toContain(THESAURUS_KEY);
    for (const id of [parties.hostMember.id, parties.agent.id, parties.principal.id, parties.outsider.id]) {
      const user = await asCurrentUser(db, id);
      expect((await rejection(listContents(services, user))).code).toBe('FORBIDDEN');
      expect((await rejection(getContent(services, user, 'modele', SKILLS))).code).toBe('FORBIDDEN');
      const refused = await rejection(publishContent(services, user, { slug: 'modele', key: SKILLS, body: 'x', note: 'Essai', baseVersion: 0 }));
      expect(refused.code).toBe('FORBIDDEN');
    }
    expect(await storedVersions()).toBe(0);

    const expected: Record<string, number> = { admin: 200, host: 403, agent: 403, college: 403, outsider: 403, anonymous: 302 };
    for (const [who, status] of Object.entries(expected)) {
      const get = (path: string) => requestWithCookie(path, cookies[who] ?? null);
      expect(await statusOf(listLoader, services, get('/admin/contenus')), who).toBe(status);
      expect(await statusOf(editorLoader, services, get(`/admin/contenus/modele/${SKILLS}`), { kind: 'modele', key: SKILLS }), who).toBe(status);
      expect(
        await statusOf(downloadLoader, services, get(`/admin/contenus/thesaurus/${THESAURUS_KEY}/telecharger?version=0`), { kind: 'thesaurus', key: THESAURUS_KEY }),
        who,
      ).toBe(status);
    }
  });

  it('an unknown key or kind is not found', async () => {
    expect((await rejection(getContent(services, await admin(), 'modele', 'modele-inconnu'))).code).toBe('NOT_FOUND');
    expect((await rejection(getContent(services, await admin(), 'thesaurus', SKILLS))).code).toBe('NOT_FOUND');
    expect((await rejection(publishContent(services, await admin(), { slug: 'modele', key: 'x', body: 'x', note: 'Essai', baseVersion: 0 }))).code).toBe('NOT_FOUND');
    const get = (path: string) => requestWithCookie(path, cookies.admin ?? null);
    expect(await statusOf(editorLoader, services, get('/admin/contenus/fichier/x'), { kind: 'fichier', key: 'x' })).toBe(404);
    expect((await rejection(templateById(db.prisma, 'modele-absent'))).message).toContain('Le modèle de convention « modele-absent » est introuvable');
  });
});

describe('a convention template edited online', () => {
  it('refuses, storing nothing, a template with an unknown variable, a changed id or kind, or an unchanged version', async () => {
    const user = await admin();
    const { body, version } = await getContent(services, user, 'modele', SKILLS);
    expect(version).toBe(0);
    const publish = (text: string) => rejection(publishContent(services, user, { slug: 'modele', key: SKILLS, body: text, note: 'Essai', baseVersion: 0 }));

    const unknown = await publish(edited(body, '2026-12-01', 'Le référent est {{host.referent}}.'));
    expect(unknown.code).toBe('VALIDATION');
    expect(unknown.fieldErrors.body?.join('\n')).toMatch(/valeur manquante pour \{\{host\.referent\}\} \(ligne \d+\)/);

    const renamed = await publish(edited(body, '2026-12-01').replace(`id: ${SKILLS}`, 'id: mise-a-disposition'));
    expect(renamed.fieldErrors.body).toEqual([`Ligne 2 : l’identifiant (clé « id ») doit rester « ${SKILLS} » : l’application choisit le modèle par cet identifiant.`]);

    const otherKind = await publish(edited(body, '2026-12-01').replace('kind: COMPETENCE', 'kind: STAGE'));
    expect(otherKind.fieldErrors.body?.[0]).toBe('Ligne 3 : ce modèle doit rester de type COMPETENCE (clé « kind »), et non STAGE.');

    const sameVersion = await publish(edited(body, '2026-11-28'));
    expect(sameVersion.fieldErrors.body?.[0]).toMatch(/^Ligne 4 : changez la version \(clé « version »\) : « 2026-11-28 » est celle du texte en vigueur/);

    const unclosed = await publish(edited(body, '2026-12-01', '{{#free}}Sans fin.'));
    expect(unclosed.fieldErrors.body?.[0]).toMatch(/ligne \d+ : la section \{\{#free\}\}/);

    const identical = await publish(body);
    expect(identical.fieldErrors.body).toEqual(['Le texte est identique à la version en vigueur : il n’y a rien à publier.']);

    const noNote = await rejection(publishContent(services, user, { slug: 'modele', key: SKILLS, body: edited(body, '2026-12-01'), note: ' ', baseVersion: 0 }));
    expect(noNote.fieldErrors.note?.[0]).toContain('Indiquez ce qui change');

    expect(await storedVersions()).toBe(0);
    expect(await db.prisma.auditLog.count({ where: { action: 'content.published' } })).toBe(0);
  });

  it('« Vérifier » accepts a good text and reports the same problems as a publication', async () => {
    const user = await admin();
    const { body } = await getContent(services, user, 'modele', SKILLS);
    await expect(checkContent(services, user, 'modele', SKILLS, { body: edited(body, '2026-12-01') })).resolves.toBeUndefined();
    const refused = await rejection(checkContent(services, user, 'modele', SKILLS, { body: edited(body, '2026-12-01', '{{agent.badge}}') }));
    expect(refused.fieldErrors.body?.[0]).toContain('{{agent.badge}}');
  });

  it('publishes a new version, which the next drafted convention records and prints', async () => {
    const user = await admin();
    const { body } = await getContent(services, user, 'modele', SKILLS);
    // Typed in a browser: lines end with CR LF; the stored text uses LF like the files.
    const text = edited(body, '2026-12-01').replace(/\n/g, '\r\n');
    expect(await publishContent(services, user, { slug: 'modele', key: SKILLS, body: text, note: 'Point trimestriel ajouté', baseVersion: 0 })).toEqual({
      version: 1,
      jobId: null,
    });
    const stored = await db.prisma.publishedContent.findFirstOrThrow({ where: { key: SKILLS } });
    expect(stored).toMatchObject({ kind: 'CONVENTION_TEMPLATE', version: 1, body: edited(body, '2026-12-01'), note: 'Point trimestriel ajouté', publishedById: parties.admin.id });
    expect(stored.sha256).toBe(sha256(edited(body, '2026-12-01')));
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'content.published' } });
    expect(audit).toMatchObject({ actorId: parties.admin.id, targetId: stored.id, details: { key: SKILLS, version: 1, sha256: stored.sha256 } });

    const agent = await asCurrentUser(db, parties.agent.id);
    const { matchId } = await proposeMatch(services, agent, { needId: parties.skillNeed.id, offerId: parties.skillOffer.id });
    await acceptMatch(services, await asCurrentUser(db, parties.hostMember.id), matchId);
    const convention = await db.prisma.convention.findFirstOrThrow({ where: { matchId } });
    expect(convention).toMatchObject({ templateId: SKILLS, templateVersion: '2026-12-01', templateSha256: stored.sha256 });
    const pdf = await pdfText((await conventionPdf(services, user, convention.id)).body);
    expect(pdf.text.replace(/\s+/g, ' ')).toContain(NEW_CLAUSE);
  });

  it('refuses a publication from a version that is no longer the one in force', async () => {
    const user = await admin();
    const { body, version } = await getContent(services, user, 'modele', SKILLS);
    expect(version).toBe(1);
    const stale = await rejection(publishContent(services, user, { slug: 'modele', key: SKILLS, body: edited(body, '2026-12-02', 'Autre ajout.'), note: 'Essai', baseVersion: 0 }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toContain('Quelqu’un a publié une version entre-temps');

    // Two people publishing from the same version at the same moment: one wins, the other is told.
    const outcomes = await Promise.allSettled(
      ['2026-12-02', '2026-12-02-2'].map((date) =>
        publishContent(services, user, { slug: 'modele', key: SKILLS, body: edited(body, date, `Ajout du ${date}.`), note: `Ajout du ${date}`, baseVersion: 1 }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const lost = outcomes.find((outcome) => outcome.status === 'rejected');
    expect((lost as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
    expect(await db.prisma.publishedContent.count({ where: { key: SKILLS } })).toBe(2);
  });

  it('lists every version with its note, author and text, the file as version 0', async () => {
    const user = await admin();
    const content = await getContent(services, user, 'modele', SKILLS);
    expect(content.version).toBe(2);
    expect(content.history.map((entry) => entry.version)).toEqual([2, 1, 0]);
    expect(content.history[1]).toMatchObject({ note: 'Point trimestriel ajouté', by: 'Claire Mission' });
    expect(content.history[2]).toMatchObject({ by: null, at: null });

    const first = await contentVersionFile(services, user, 'modele', SKILLS, '1');
    expect(first).toMatchObject({ fileName: `${SKILLS}-v1.md`, contentType: 'text/markdown; charset=utf-8' });
    expect(first.body).toContain(NEW_CLAUSE);
    expect((await contentVersionFile(services, user, 'modele', SKILLS, '0')).body).not.toContain(NEW_CLAUSE);
    expect((await rejection(contentVersionFile(services, user, 'modele', SKILLS, '9'))).code).toBe('NOT_FOUND');

    const listed = (await listContents(services, user)).find((entry) => entry.key === SKILLS);
    expect(listed).toMatchObject({ version: 2, lastPublication: { by: 'Claire Mission' } });
    const untouched = (await listContents(services, user)).find((entry) => entry.key === 'stage-observation-3e');
    expect(untouched).toMatchObject({ version: 0, lastPublication: null });
  });
});

describe('the thesaurus edited online', () => {
  const user = () => admin();
  const publishThesaurus = async (body: string, baseVersion = 0) =>
    publishContent(services, await user(), { slug: 'thesaurus', key: THESAURUS_KEY, body, note: 'Insectes du bois', baseVersion });
  const similarity = async (a: string, b: string) => {
    const { vectors } = await services.embeddings.embed([a, b]);
    return cosine(vectors[0] ?? [], vectors[1] ?? []);
  };

  it('refuses bad JSON with its line and a bad shape with its group, storing nothing', async () => {
    const { body } = await getContent(services, await user(), 'thesaurus', THESAURUS_KEY);
    const trailingComma = body.replace(/\]\s*\}\s*$/, ',\n]}');
    const badJson = await rejection(publishThesaurus(trailingComma));
    expect(badJson.code).toBe('VALIDATION');
    expect(badJson.fieldErrors.body?.[0]).toMatch(/^Thésaurus : ligne \d+, colonne \d+ : ce n’est plus du JSON valide/);

    const data = JSON.parse(body) as { groups: { label: string; terms: string[] }[] };
    const lonely = JSON.stringify({ ...data, groups: [...data.groups, { label: 'solitaire', terms: ['seul'] }] }, null, 2);
    expect((await rejection(publishThesaurus(lonely))).fieldErrors.body?.[0]).toContain('groupe « solitaire », termes');
    expect((await rejection(publishThesaurus('[]'))).fieldErrors.body?.length).toBeGreaterThan(0);
    expect(await db.prisma.publishedContent.count({ where: { kind: 'THESAURUS' } })).toBe(0);
  });

  it('a publication is used at once, under a new model key, and queues the re-embedding of what was computed before', async () => {
    await embedPending(services);
    const before = (await services.embeddings.embed([])).model.key;
    expect(before).toBe('local:lexical-fr:384');
    const rows = (await db.prisma.offer.count()) + (await db.prisma.need.count());
    expect(await db.prisma.offer.count({ where: { embeddingModel: before } })).toBe(await db.prisma.offer.count());
    const unrelated = await similarity('capricorne', 'vrillette');

    const { body } = await getContent(services, await user(), 'thesaurus', THESAURUS_KEY);
    const data = JSON.parse(body) as { groups: { label: string; terms: string[] }[] };
    const text = JSON.stringify({ ...data, groups: [...data.groups, { label: 'insectes du bois', terms: ['capricorne', 'vrillette'] }] }, null, 2);
    const { version, jobId } = await publishThesaurus(text);
    expect(version).toBe(1);
    const job = await db.prisma.job.findUniqueOrThrow({ where: { id: jobId ?? '' } });
    expect(job).toMatchObject({ kind: 'REEMBEDDING', status: 'QUEUED', createdById: parties.admin.id });

    const after = (await services.embeddings.embed([])).model.key;
    expect(after).toBe(`local:lexical-fr:384:th-${sha256(text).slice(0, 8)}`);
    expect(await similarity('capricorne', 'vrillette')).toBeGreaterThan(unrelated + 0.3);

    const { model, embedded } = await embedPending(services);
    expect(model.key).toBe(after);
    expect(embedded).toBe(rows);
    expect(await db.prisma.need.count({ where: { embeddingModel: { not: after } } })).toBe(0);
    expect((await embedPending(services)).embedded).toBe(0);
  });
});

describe('the editor page answers bad input in French', () => {
  type Handler = (args: { request: Request; context: { services: Services; clientIp: string }; params: Record<string, string> }) => Promise<unknown>;
  const post = async (handler: Handler, who: string, params: Record<string, string>, fields: Record<string, string>) => {
    const request = requestWithCookie(`/admin/contenus/${params.kind}/${params.key}`, cookies[who] ?? null, { method: 'POST', body: new URLSearchParams(fields) });
    return handler({ request, context: { services, clientIp: '127.0.0.1' }, params });
  };
  const formAnswer = async (who: string, params: Record<string, string>, fields: Record<string, string>) => {
    const result = (await post(editorAction, who, params, fields)) as { init?: { status?: number }; data?: { formError?: string; fieldErrors?: Record<string, string[]>; body?: string } };
    return { status: result.init?.status ?? 200, body: result.data };
  };
  const template = { kind: 'modele', key: 'stage-observation-3e' };

  it('a publication without a note, or of a broken text, is refused next to its field with the text kept', async () => {
    const { body } = await getContent(services, await admin(), 'modele', template.key);
    const text = body.replace(/^version: .*$/m, 'version: 2026-12-01');
    const noNote = await formAnswer('admin', template, { intent: 'publier', body: text, note: '', baseVersion: '0' });
    expect(noNote.status).toBe(400);
    expect(noNote.body?.fieldErrors?.note?.[0]).toContain('Indiquez ce qui change');
    expect(noNote.body?.body).toBe(text);

    const broken = await formAnswer('admin', template, { intent: 'verifier', body: `${text}\n{{pupil.nickname}}` });
    expect(broken.status).toBe(400);
    expect(broken.body?.fieldErrors?.body?.[0]).toContain('{{pupil.nickname}}');

    const empty = await formAnswer('admin', template, { intent: 'verifier', body: '   ' });
    expect(empty.body?.fieldErrors?.body).toEqual(['Saisissez le texte.']);

    const badBase = await formAnswer('admin', template, { intent: 'publier', body: text, note: 'Essai', baseVersion: 'abc' });
    expect(badBase.status).toBe(400);
    expect(badBase.body?.fieldErrors?.baseVersion?.[0]).toContain('rechargez la page');

    expect((await formAnswer('admin', template, { intent: 'effacer', body: text })).status).toBe(400);
    expect((await formAnswer('host', template, { intent: 'publier', body: text, note: 'Essai', baseVersion: '0' })).status).toBe(403);
    expect(await db.prisma.publishedContent.count({ where: { key: template.key } })).toBe(0);
  });

  it('the PDF preview draws the text being edited, and lists its problems otherwise', async () => {
    const { body } = await getContent(services, await admin(), 'modele', template.key);
    const pdf = (await post(previewAction, 'admin', template, { body: body.replace(/^(## Article 1 .*)$/m, '$1\n\nPhrase ajoutée pour l’aperçu.') })) as Response;
    expect(pdf.headers.get('Content-Type')).toBe('application/pdf');
    expect((await pdfText(new Uint8Array(await pdf.arrayBuffer()))).text.replace(/\s+/g, ' ')).toContain('Phrase ajoutée pour l’aperçu.');

    const refused = (await post(previewAction, 'admin', template, { body: `${body}\n{{pupil.nickname}}` })) as Response;
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('{{pupil.nickname}}');
    expect(await statusOf(previewAction, services, requestWithCookie('/admin/contenus/thesaurus/x/apercu', cookies.admin ?? null, { method: 'POST', body: new URLSearchParams({ body }) }), { kind: 'thesaurus', key: THESAURUS_KEY })).toBe(404);
  });

  it('a version downloads as a file', async () => {
    const response = (await downloadLoader({
      request: requestWithCookie(`/admin/contenus/thesaurus/${THESAURUS_KEY}/telecharger?version=1`, cookies.admin ?? null),
      context: { services, clientIp: '127.0.0.1' },
      params: { kind: 'thesaurus', key: THESAURUS_KEY },
    })) as Response;
    expect(response.headers.get('Content-Disposition')).toBe(`attachment; filename="${THESAURUS_KEY}-v1.json"`);
    expect(await response.text()).toContain('insectes du bois');
  });
});
