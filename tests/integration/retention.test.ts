import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../app/.server/clock';
import { editConvention, sendForSignature } from '../../app/.server/conventions/issue';
import { runConventionJobs } from '../../app/.server/conventions/jobs';
import { cancelConvention } from '../../app/.server/conventions/lifecycle-actions';
import { placePupils } from '../../app/.server/conventions/pupils';
import { conventionPdf } from '../../app/.server/conventions/queries';
import { recordPaperSignature, signWithLink } from '../../app/.server/conventions/signing';
import { answerSurvey } from '../../app/.server/conventions/survey';
import { verifyConvention } from '../../app/.server/conventions/verification';
import type { Database } from '../../app/.server/db/connection';
import type { ConventionStatus } from '../../app/.server/db/generated/enums';
import { createOutboxWorker } from '../../app/.server/email/worker';
import { localOutboxTransport } from '../../app/.server/email/transports';
import { computeIndicators } from '../../app/.server/indicators';
import { acceptMatch, proposeMatch } from '../../app/.server/matching/match-decisions';
import { deletePupil } from '../../app/.server/pupils/pupils';
import { anonymiseInactivePupils, describeRetention, type RetentionReport } from '../../app/.server/retention/anonymise-pupils';
import type { Services } from '../../app/.server/services';
import { createInternshipNeed, createInternshipOffer, createPupil } from '../../prisma/seed/builders';
import { asCurrentUser, conventionParties, linksFromOutbox } from '../support/convention-fixtures';
import { pdfText } from '../support/pdf-text';
import { rejection } from '../support/rejection';
import { createTestDatabase } from '../support/test-database';
import { createTestServices } from '../support/test-services';

const NOW = new Date('2026-11-28T10:00:00Z');
/** With the default 12 months, pupils and conventions still since before 20 February 2027 are anonymised. */
const RUN_AT = new Date('2028-02-20T10:00:00Z');
const evidence = { ip: '192.0.2.44', userAgent: 'Mozilla/5.0 (famille)' };

/** Everything that names or reaches the old pupil (Azélie) and the removed one (Dorian), and their families. */
const OLD_PUPIL = ['Azélie', 'Azelie', 'Quintanaro', 'Bérangère', 'Tancrède', 'Vilfeu', '2012-03-17', '17/03/2012', '17 mars 2012'];
const REMOVED_PUPIL = ['Dorian', 'Fayolle', 'Gaspard', '2012-11-05'];
const NEEDLES = [...OLD_PUPIL, ...REMOVED_PUPIL];

let db: Database;
let services: Services;
let clock: ReturnType<typeof createTestServices>['clock'];
let parties: Awaited<ReturnType<typeof conventionParties>>;
const ids = { old: '', recent: '', recentConvention: '', removed: '', anonymised: '', oldConvention: '', removedConvention: '', recentPupilConvention: '' };

/** Every text, Json, array, date… column of every table, read as text: where a needle is found. */
async function findInDatabase(needles: string[]): Promise<string[]> {
  const columns = await db.prisma.$queryRaw<{ table_name: string; column_name: string }[]>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name, column_name`;
  const patterns = needles.map((needle) => `%${needle}%`);
  const hits: string[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    const rows = await db.prisma.$queryRawUnsafe<{ value: string }[]>(
      `SELECT "${column}"::text AS value FROM "${table}" WHERE "${column}"::text ILIKE ANY($1::text[])`,
      patterns,
    );
    for (const row of rows) hits.push(`${table}.${column}: ${row.value.slice(0, 120)}`);
  }
  return hits;
}

/** A fingerprint of every table's content: equal fingerprints, nothing changed. */
async function databaseFingerprint(): Promise<Record<string, string>> {
  const tables = await db.prisma.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY table_name`;
  const fingerprint: Record<string, string> = {};
  for (const { table_name: table } of tables) {
    const [row] = await db.prisma.$queryRawUnsafe<{ digest: string | null }[]>(
      `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${table}" t`,
    );
    fingerprint[table] = row?.digest ?? '';
  }
  return fingerprint;
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((name) => path.join(dir, name)).filter((file) => fs.statSync(file).isFile());
}

/** What a reader gets from a stored file or an .eml: PDF text, decoded email headers and bodies, or the bytes. */
async function readable(file: string): Promise<string> {
  const bytes = fs.readFileSync(file);
  if (file.endsWith('.pdf')) return (await pdfText(new Uint8Array(bytes))).text;
  const raw = bytes.toString('utf8');
  if (!file.endsWith('.eml')) return raw;
  const words = [...raw.matchAll(/=\?UTF-8\?B\?([^?]+)\?=/g)].map((m) => Buffer.from(m[1] ?? '', 'base64').toString('utf8'));
  const bodies = [...raw.matchAll(/Content-Transfer-Encoding: base64\r\n\r\n([A-Za-z0-9+/=\r\n]+)/g)].map((m) =>
    Buffer.from((m[1] ?? '').replace(/\s/g, ''), 'base64').toString('utf8'),
  );
  return [raw, ...words, ...bodies].join('\n');
}

async function findInFiles(needles: string[]): Promise<string[]> {
  const env = services.env;
  if (env.storage.kind !== 'local' || env.email.kind !== 'local') throw new Error('local storage and outbox expected');
  const hits: string[] = [];
  for (const file of [...filesUnder(env.storage.dir), ...filesUnder(env.email.dir)]) {
    const text = (await readable(file)).toLowerCase();
    for (const needle of needles) if (text.includes(needle.toLowerCase())) hits.push(`${path.basename(file)}: ${needle}`);
  }
  return hits;
}

async function deliverEmails() {
  if (services.env.email.kind !== 'local') throw new Error('local outbox expected');
  const worker = createOutboxWorker({ prisma: db.prisma, transport: localOutboxTransport(services.env.email.dir), from: services.env.email.from, clock });
  for (let sent = 1; sent > 0; ) sent = (await worker.runOnce()).sent;
}

/** What the plan's indicators count, read with plain queries, and the indicators module's reports. */
async function indicators() {
  const placedStatuses: ConventionStatus[] = ['SIGNED', 'IN_PROGRESS', 'COMPLETED'];
  const placed = { status: { in: placedStatuses } };
  const [byStatusAndKind, placedPerCollege, priorityPlaced, satisfaction, conventions, pupils, matches] = await Promise.all([
    db.prisma.convention.groupBy({ by: ['status', 'kind'], _count: { _all: true }, orderBy: [{ status: 'asc' }, { kind: 'asc' }] }),
    db.prisma.pupil.groupBy({ by: ['collegeId'], where: { conventions: { some: placed } }, _count: { _all: true }, orderBy: { collegeId: 'asc' } }),
    db.prisma.pupil.count({ where: { priority: true, conventions: { some: placed } } }),
    db.prisma.surveyResponse.aggregate({ _avg: { score: true }, _count: { _all: true } }),
    db.prisma.convention.findMany({
      orderBy: { id: 'asc' },
      select: { id: true, kind: true, status: true, matchId: true, pupilId: true, startDate: true, endDate: true, signedAt: true, createdAt: true, updatedAt: true, finalPdfSha256: true, match: { select: { offer: { select: { organisationId: true } }, need: { select: { organisationId: true } } } } },
    }),
    db.prisma.pupil.findMany({ orderBy: { id: 'asc' }, select: { id: true, collegeId: true, className: true, priority: true } }),
    db.prisma.match.findMany({ orderBy: { id: 'asc' }, select: { id: true, kind: true, status: true, needId: true, offerId: true } }),
  ]);
  const reports = [];
  for (const year of [2026, 2027, 2028]) reports.push(await computeIndicators(services, { year }));
  return { byStatusAndKind, placedPerCollege, priorityPlaced, satisfaction, conventions, pupils, matches, reports };
}

const untouchedRows = async () => ({
  pupils: await db.prisma.pupil.findMany({ where: { id: { in: [ids.recent, ids.recentConvention, ids.anonymised, parties.pupil.id] } }, orderBy: { id: 'asc' } }),
  conventions: await db.prisma.convention.findMany({
    where: { id: { in: [ids.recentPupilConvention] } },
    include: { versions: true, signatories: { include: { signatures: true, links: true } } },
  }),
  recentFamilyEmails: await db.prisma.outboxEmail.findMany({ where: { to: 'famille.ollivry@example.org' }, orderBy: { id: 'asc' } }),
});

beforeAll(async () => {
  db = await createTestDatabase();
  ({ services, clock } = createTestServices(db, { now: NOW }));
  parties = await conventionParties(db, NOW);
  const p = db.prisma;
  const college = parties.college.id;
  const principal = await asCurrentUser(db, parties.principal.id);
  const host = await asCurrentUser(db, parties.hostMember.id);

  const old = await createPupil(p, { collegeId: college, firstName: 'Azélie', lastName: 'Quintanaro', className: '3e B', birthDate: new Date('2012-03-17'), legalRepEmail: 'famille.quintanaro@example.org', priority: true, interests: 'chevaux, la ferme des Quintanaro' });
  const removed = await createPupil(p, { collegeId: college, firstName: 'Dorian', lastName: 'Fayolle', className: '3e A', birthDate: new Date('2012-11-05'), legalRepEmail: 'famille.fayolle@example.org' });
  const recent = await createPupil(p, { collegeId: college, firstName: 'Bastien', lastName: 'Ollivry', className: '3e B', birthDate: new Date('2012-08-02'), legalRepEmail: 'famille.ollivry@example.org' });
  const recentConvention = await createPupil(p, { collegeId: college, firstName: 'Capucine', lastName: 'Dervaux', className: '3e C', birthDate: new Date('2012-04-21'), legalRepEmail: 'famille.dervaux@example.org' });
  const anonymised = await p.pupil.create({
    data: { collegeId: college, firstName: 'Élève', lastName: 'anonymisé', className: '3e D', birthDate: null, legalRepEmail: '', lastActivityAt: new Date('2025-09-01'), anonymisedAt: new Date('2027-02-01') },
  });
  Object.assign(ids, { old: old.id, removed: removed.id, recent: recent.id, recentConvention: recentConvention.id, anonymised: anonymised.id });

  // The old pupil and the one about to be removed are placed, their conventions completed and sent.
  const { matchId } = await proposeMatch(services, principal, { needId: parties.internshipNeed.id, offerId: parties.internshipOffer.id });
  await acceptMatch(services, host, matchId);
  [ids.oldConvention = '', ids.removedConvention = ''] = await placePupils(services, principal, matchId, {
    pupilIds: [old.id, removed.id],
    referentTeacherName: 'Jean Prof',
    referentTeacherEmail: 'prof@college.example.org',
  });
  const complete = async (conventionId: string, changes: Record<string, string>) => {
    const convention = await p.convention.findUniqueOrThrow({ where: { id: conventionId } });
    await editConvention(services, principal, conventionId, { ...(convention.terms as object), tutorRole: 'Coordinatrice', ...changes });
    await sendForSignature(services, principal, conventionId);
  };
  await complete(ids.oldConvention, {
    legalRep1Name: 'Bérangère Quintanaro',
    legalRep2Name: 'Tancrède Vilfeu',
    legalRep2Email: 'tancrede.vilfeu@example.net',
    objectives: 'Azelie veut découvrir le maraîchage et l’accueil du public.',
    lodging: 'Sans objet : Azélie (née le 17/03/2012) rentre chez elle chaque soir.',
  });
  await complete(ids.removedConvention, { legalRep1Name: 'Gaspard Fayolle' });
  await cancelConvention(services, principal, ids.removedConvention, 'La famille Fayolle déménage');
  await deletePupil(services, principal, college, removed.id);

  // The old pupil's convention is signed by everyone, one legal representative on paper.
  const links = await linksFromOutbox(db, 'signature');
  for (const { token } of links) {
    const link = await p.conventionLink.findUniqueOrThrow({ where: { tokenHash: sha256(token) }, include: { signatory: true } });
    if (link.signatory.conventionId !== ids.oldConvention || link.signatory.name === 'Tancrède Vilfeu') continue;
    await signWithLink(services, token, { typedName: link.signatory.name, consent: 'on' }, evidence);
  }
  const paperSigner = await p.signatory.findFirstOrThrow({ where: { conventionId: ids.oldConvention, name: 'Tancrède Vilfeu' } });
  await recordPaperSignature(services, principal, ids.oldConvention, {
    signatoryId: paperSigner.id,
    file: { body: new TextEncoder().encode('Scan : signé par Tancrède Vilfeu pour Azélie Quintanaro'), contentType: 'image/png' },
  });

  // The recent pupil takes the freed seat; their convention is sent.
  [ids.recentPupilConvention = ''] = await placePupils(services, principal, matchId, { pupilIds: [recent.id], referentTeacherName: 'Jean Prof', referentTeacherEmail: 'prof@college.example.org' });
  await complete(ids.recentPupilConvention, { legalRep1Name: 'Hortense Ollivry' });

  // Another pupil, still since long ago, has a convention for a stage in June 2027.
  const june = new Date('2027-06-07');
  const juneOffer = await createInternshipOffer(p, { ownerId: parties.hostMember.id, organisationId: parties.host.id, weeks: [june], capacityPerWeek: 1, maxGroupSize: 1, tutorName: 'Lucie Arnaud' });
  const juneNeed = await createInternshipNeed(p, { ownerId: parties.principal.id, organisationId: college, week: june, pupilCount: 1 });
  const june1 = await proposeMatch(services, principal, { needId: juneNeed.id, offerId: juneOffer.id });
  await acceptMatch(services, host, june1.matchId);
  await placePupils(services, principal, june1.matchId, { pupilIds: [recentConvention.id] });
  await deliverEmails();

  // The stage week goes by: notices, completion, satisfaction survey.
  clock.set(new Date('2027-01-13T08:00:00Z'));
  await runConventionJobs(services);
  clock.set(new Date('2027-01-16T08:00:00Z'));
  await runConventionJobs(services);
  const surveyLinks = await linksFromOutbox(db, 'enquete');
  for (const { to, token } of surveyLinks) {
    const comment = to === 'presidente@jardins.example.org' ? 'Azélie a été très curieuse ; sa mère Bérangère Quintanaro aussi.' : 'Très bon accueil.';
    await answerSurvey(services, token, { score: to === 'presidente@jardins.example.org' ? '5' : '4', comment });
  }
  // No survey goes to the family; a comment from them is removed all the same.
  const legalRep = await p.signatory.findFirstOrThrow({ where: { conventionId: ids.oldConvention, name: 'Bérangère Quintanaro' } });
  await p.surveyResponse.create({ data: { conventionId: ids.oldConvention, signatoryId: legalRep.id, role: 'LEGAL_REPRESENTATIVE', score: 5, comment: 'Merci pour Azélie !' } });
  await deliverEmails();

  // Inactive for 13 months, for 11 months, for 14 months (with a convention ending in June 2027), for 1 month.
  await p.pupil.update({ where: { id: old.id }, data: { lastActivityAt: new Date('2027-01-20T10:00:00Z') } });
  await p.pupil.update({ where: { id: recent.id }, data: { lastActivityAt: new Date('2027-03-20T10:00:00Z') } });
  await p.pupil.update({ where: { id: recentConvention.id }, data: { lastActivityAt: new Date('2026-12-01T10:00:00Z') } });
  await p.pupil.update({ where: { id: parties.pupil.id }, data: { lastActivityAt: new Date('2028-01-20T10:00:00Z') } });
}, 120_000);
afterAll(() => db.close());

describe('anonymising pupils after the retention period', () => {
  let before: Awaited<ReturnType<typeof indicators>>;
  let untouched: Awaited<ReturnType<typeof untouchedRows>>;
  let dryRun: RetentionReport;
  let signedSha256 = '';
  let finalSha256 = '';

  it('the fixture holds the old pupil’s data in the database, the stored PDFs and the emails', async () => {
    expect(await db.prisma.convention.findUniqueOrThrow({ where: { id: ids.oldConvention } })).toMatchObject({ status: 'COMPLETED' });
    expect((await findInDatabase(OLD_PUPIL)).length).toBeGreaterThan(20);
    expect((await findInDatabase(REMOVED_PUPIL)).length).toBeGreaterThan(5);
    const inFiles = await findInFiles(NEEDLES);
    expect(inFiles.some((hit) => hit.endsWith('.pdf: Quintanaro'))).toBe(true);
    expect(inFiles.some((hit) => hit.endsWith('.eml: Quintanaro'))).toBe(true);
    expect(inFiles.some((hit) => hit.endsWith('.png: Vilfeu'))).toBe(true);
    const convention = await db.prisma.convention.findUniqueOrThrow({ where: { id: ids.oldConvention }, include: { versions: true } });
    signedSha256 = convention.versions[0]?.sha256 ?? '';
    clock.set(RUN_AT);
    finalSha256 = convention.finalPdfSha256 ?? '';
    before = await indicators();
    // The 2027 report counts the completed stage and the pupils on the collège's list.
    expect(before.reports[1]?.records.rows.length).toBeGreaterThan(0);
    untouched = await untouchedRows();
  });

  it('a longer period, read from PUPIL_RETENTION_MONTHS, spares them', async () => {
    const longer = createTestServices(db, { now: RUN_AT, env: { PUPIL_RETENTION_MONTHS: '24' } }).services;
    const report = await anonymiseInactivePupils(longer, { now: RUN_AT, dryRun: true });
    expect(report).toMatchObject({ months: 24, pupils: 0, conventions: 0, files: 0, emails: 0 });
  });

  it('a dry run counts what would be done and changes nothing', async () => {
    const fingerprint = await databaseFingerprint();
    const files = filesUnder(services.env.storage.kind === 'local' ? services.env.storage.dir : '').length;
    dryRun = await anonymiseInactivePupils(services, { now: RUN_AT, dryRun: true });
    expect(dryRun).toMatchObject({ months: 12, cutoff: new Date('2027-02-20T10:00:00Z'), dryRun: true, pupils: 1, conventions: 2, signatories: 5, surveyComments: 2, skipped: 0 });
    expect(await databaseFingerprint()).toEqual(fingerprint);
    expect(filesUnder(services.env.storage.kind === 'local' ? services.env.storage.dir : '')).toHaveLength(files);
  });

  it('leaves no name, email or birth date of the old or removed pupil in the database or in the files', async () => {
    const familyLinks = await db.prisma.conventionLink.count({
      where: { signatory: { conventionId: { in: [ids.oldConvention, ids.removedConvention] }, role: { in: ['PUPIL', 'LEGAL_REPRESENTATIVE'] } } },
    });
    const versions = await db.prisma.conventionVersion.count({ where: { conventionId: { in: [ids.oldConvention, ids.removedConvention] } } });
    const report = await anonymiseInactivePupils(services, { now: RUN_AT });
    expect(report).toEqual({ ...dryRun, dryRun: false });
    // The PDF of each version sent for signature, the final PDF, the scan of the paper signature.
    expect(report).toMatchObject({ links: familyLinks, files: versions + 2 });
    expect(report.emails).toBeGreaterThan(10);
    expect(describeRetention(report)).toContain('élèves : 1');

    expect(await findInDatabase(NEEDLES)).toEqual([]);
    expect(await findInFiles(NEEDLES)).toEqual([]);
    const storage = services.env.storage.kind === 'local' ? services.env.storage.dir : '';
    expect(filesUnder(path.join(storage, 'conventions', ids.oldConvention))).toEqual([]);
    expect(filesUnder(path.join(storage, 'conventions', ids.removedConvention))).toEqual([]);
  });

  it('keeps what the indicators need, says « Élève anonymisé » and keeps the documents verifiable', async () => {
    const pupil = await db.prisma.pupil.findUniqueOrThrow({ where: { id: ids.old } });
    expect(pupil).toMatchObject({ firstName: 'Élève', lastName: 'anonymisé', birthDate: null, legalRepEmail: '', interests: '', anonymisedAt: RUN_AT, className: '3e B', priority: true, collegeId: parties.college.id });

    const convention = await db.prisma.convention.findUniqueOrThrow({ where: { id: ids.oldConvention }, include: { signatories: { orderBy: { position: 'asc' }, include: { signatures: true, links: true, surveys: true } } } });
    expect(convention.terms).toMatchObject({
      legalRep1Name: '',
      legalRep1Email: '',
      legalRep2Name: '',
      legalRep2Email: '',
      objectives: '[…] veut découvrir le maraîchage et l’accueil du public.',
      lodging: 'Sans objet : […] (née le […]) rentre chez elle chaque soir.',
      tutorName: 'Lucie Arnaud',
      referentTeacherEmail: 'prof@college.example.org',
    });
    expect(convention.signatories.map((s) => [s.role, s.name, s.email, s.links.length > 0])).toEqual([
      ['HOST', 'Lucie Arnaud', 'presidente@jardins.example.org', true],
      ['COLLEGE', 'Anne Principale', 'principal@college.example.org', true],
      ['PUPIL', 'L’élève', '', false],
      ['LEGAL_REPRESENTATIVE', 'Le ou la représentant·e légal·e de l’élève', '', false],
      ['LEGAL_REPRESENTATIVE', 'Le ou la représentant·e légal·e de l’élève', '', false],
      ['TUTOR', 'Lucie Arnaud', 'presidente@jardins.example.org', true],
      ['REFERENT_TEACHER', 'Jean Prof', 'prof@college.example.org', true],
    ]);
    const family = convention.signatories.filter((s) => s.role === 'PUPIL' || s.role === 'LEGAL_REPRESENTATIVE');
    expect(family.flatMap((s) => s.signatures).map((s) => [s.typedName, s.ipHash, s.userAgent])).toEqual([[null, null, null], [null, null, null], [null, null, null]]);
    expect(convention.signatories.flatMap((s) => s.surveys.map((survey) => survey.comment))).toEqual([
      '[…] a été très curieuse ; sa mère […] aussi.',
      'Très bon accueil.',
      null,
    ]);
    const removed = await db.prisma.convention.findUniqueOrThrow({ where: { id: ids.removedConvention } });
    expect(removed).toMatchObject({ status: 'CANCELLED', statusReason: 'La famille […] déménage' });

    expect(await indicators()).toEqual(before);

    for (const sha of [signedSha256, finalSha256]) {
      expect(await verifyConvention(services, sha, '192.0.2.1')).toMatchObject({ found: true, reference: convention.reference });
    }
    const admin = await asCurrentUser(db, parties.admin.id);
    const gone = await rejection(conventionPdf(services, admin, ids.oldConvention));
    expect(gone).toMatchObject({ code: 'NOT_FOUND' });
    expect(gone.message).toContain('n’est plus conservé');

    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'pupil.anonymised', targetId: ids.old } });
    expect(Object.keys(audit.details as object).sort()).toEqual(['conventions', 'emails', 'files', 'links', 'signatories', 'surveyComments']);
  });

  it('leaves the recent pupil, the pupil with a later stage and the already anonymised one untouched', async () => {
    expect(await untouchedRows()).toEqual(untouched);
    expect(untouched.recentFamilyEmails.length).toBeGreaterThan(0);
    const recent = await findInDatabase(['Ollivry', 'Dervaux', '2012-08-02']);
    expect(recent.some((hit) => hit.startsWith('Pupil.birthDate: 2012-08-02'))).toBe(true);
    const recentVersion = await db.prisma.conventionVersion.findFirstOrThrow({ where: { conventionId: ids.recentPupilConvention } });
    const stored = await services.storage.get(recentVersion.pdfKey);
    expect((await pdfText(stored?.body ?? new Uint8Array())).text).toContain('Bastien Ollivry');
  });

  it('does nothing when run again', async () => {
    const fingerprint = await databaseFingerprint();
    const again = await anonymiseInactivePupils(services, { now: RUN_AT });
    expect(again).toMatchObject({ pupils: 0, conventions: 0, signatories: 0, links: 0, surveyComments: 0, files: 0, emails: 0, skipped: 0 });
    expect(await databaseFingerprint()).toEqual(fingerprint);
  });
});
