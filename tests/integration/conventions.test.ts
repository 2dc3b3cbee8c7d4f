import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../app/.server/db/connection';
import { editConvention, sendForSignature } from '../../app/.server/conventions/issue';
import { runConventionJobs } from '../../app/.server/conventions/jobs';
import { cancelConvention, draftAmendment } from '../../app/.server/conventions/lifecycle-actions';
import { placePupils, sendCompleteDrafts } from '../../app/.server/conventions/pupils';
import { conventionPdf, pdfForDownloadLink } from '../../app/.server/conventions/queries';
import { openSigningLink, renewSigningLink, signWithLink } from '../../app/.server/conventions/signing';
import { answerSurvey, openSurvey } from '../../app/.server/conventions/survey';
import { verifyConvention } from '../../app/.server/conventions/verification';
import { acceptMatch, proposeMatch } from '../../app/.server/matching/match-decisions';
import { sha256 } from '../../app/.server/clock';
import { createOutboxWorker } from '../../app/.server/email/worker';
import type { EmailTransport } from '../../app/.server/email/transports';
import type { Services } from '../../app/.server/services';
import { asCurrentUser, conventionParties, linksFromOutbox } from '../support/convention-fixtures';
import { pdfText } from '../support/pdf-text';
import { createTestDatabase } from '../support/test-database';
import { createTestServices } from '../support/test-services';
import { rejection } from '../support/rejection';

const NOW = new Date('2026-11-28T10:00:00Z');
const DAY = 86_400_000;
const evidence = { ip: '192.0.2.10', userAgent: 'Mozilla/5.0 (test)' };

let db: Database;
let services: Services;
let clock: ReturnType<typeof createTestServices>['clock'];
let parties: Awaited<ReturnType<typeof conventionParties>>;

beforeAll(async () => {
  db = await createTestDatabase();
  ({ services, clock } = createTestServices(db, { now: NOW }));
  parties = await conventionParties(db, NOW);
});
afterAll(() => db.close());

describe('a skills placement, from the match to the signed PDF', () => {
  let conventionId = '';

  it('a proposal by the agent waits for the structure, which is told by email', async () => {
    const agent = await asCurrentUser(db, parties.agent.id);
    const proposed = await proposeMatch(services, agent, { needId: parties.skillNeed.id, offerId: parties.skillOffer.id });
    expect(proposed.status).toBe('ACCEPTED_BY_OFFER');
    const emails = await db.prisma.outboxEmail.findMany({ where: { template: 'match-proposed' } });
    expect(emails.map((e) => e.to)).toEqual(['presidente@jardins.example.org']);
    expect(emails[0]?.text).toContain(`/mises-en-relation/${proposed.matchId}`);
  });

  it('a contractual agent is refused, with the reason', async () => {
    const agent = await asCurrentUser(db, parties.contractual.id);
    const { matchId } = await proposeMatch(services, agent, { needId: parties.skillNeed.id, offerId: parties.contractualOffer.id });
    const host = await asCurrentUser(db, parties.hostMember.id);
    const error = await rejection(acceptMatch(services, host, matchId));
    expect(error.message).toMatch(/Seuls les fonctionnaires.*contractuel/);
    expect(await db.prisma.convention.count({ where: { matchId } })).toBe(0);
  });

  it('the structure accepts: the convention is drafted from the match and both sides are told', async () => {
    const host = await asCurrentUser(db, parties.hostMember.id);
    const match = await db.prisma.match.findFirstOrThrow({ where: { offerId: parties.skillOffer.id } });
    const accepted = await acceptMatch(services, host, match.id);
    expect(accepted.conventionIds).toHaveLength(1);
    conventionId = accepted.conventionIds?.[0] ?? '';
    const convention = await db.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } });
    expect(convention).toMatchObject({ status: 'DRAFT', kind: 'COMPETENCE', templateId: 'mise-a-disposition-competences', templateVersion: '2026-11-28' });
    expect(convention.templateSha256).toMatch(/^[0-9a-f]{64}$/);
    const told = await db.prisma.outboxEmail.findMany({ where: { template: 'match-accepted' } });
    expect(told.map((e) => e.to).sort()).toEqual(['agent@gard.fr', 'presidente@jardins.example.org']);
  });

  it('an incomplete draft cannot be sent; the refusal lists what is missing', async () => {
    const admin = await asCurrentUser(db, parties.admin.id);
    const error = await rejection(sendForSignature(services, admin, conventionId));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('référence de l’arrêté');
    expect(error.message).toContain('montant de la subvention en nature');
  });

  it('once completed and sent, each of the three signatories gets a personal link', async () => {
    const admin = await asCurrentUser(db, parties.admin.id);
    const convention = await db.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } });
    await editConvention(services, admin, conventionId, {
      ...(convention.terms as object),
      arreteReference: 'ARR-2026-0142',
      arreteDate: '2026-11-20',
      subsidyAmount: '1 450,00',
    });
    const sent = await sendForSignature(services, admin, conventionId);
    expect(sent.version).toBe(1);
    const links = await linksFromOutbox(db, 'signature');
    expect(links.map((l) => l.to).sort()).toEqual(['agent@gard.fr', 'mission@gard.fr', 'presidente@jardins.example.org']);
    expect(await db.prisma.conventionLink.count({ where: { purpose: 'SIGN' } })).toBe(3);
    // Only hashes are stored: no clear token appears in the database.
    const stored = await db.prisma.conventionLink.findMany({ select: { tokenHash: true } });
    for (const link of links) expect(stored.map((s) => s.tokenHash)).not.toContain(link.token);
  });

  it('signing needs the exact name and the consent box, works once, and records the evidence', async () => {
    const [agentLink] = (await linksFromOutbox(db, 'signature')).filter((l) => l.to === 'agent@gard.fr');
    const token = agentLink?.token ?? '';
    const page = await openSigningLink(services, token);
    expect(page).toMatchObject({ state: 'VALID', signatory: { name: 'Marc Chabert' }, convention: { version: 1 } });

    const wrongName = await rejection(signWithLink(services, token, { typedName: 'Quelqu’un d’autre', consent: 'on' }, evidence));
    expect(wrongName.fieldErrors.typedName?.[0]).toContain('Marc Chabert');
    const noConsent = await rejection(signWithLink(services, token, { typedName: 'Marc Chabert' }, evidence));
    expect(noConsent.fieldErrors.consent?.[0]).toContain('Cochez la case');

    const signed = await signWithLink(services, token, { typedName: 'marc CHABERT', consent: 'on' }, evidence);
    expect(signed).toEqual({ status: 'PARTIALLY_SIGNED', last: false });
    const signature = await db.prisma.signature.findFirstOrThrow({ where: { signatory: { email: 'agent@gard.fr' } } });
    const version = await db.prisma.conventionVersion.findFirstOrThrow({ where: { conventionId, number: 1 } });
    expect(signature).toMatchObject({ method: 'ONLINE', versionNumber: 1, documentSha256: version.sha256, userAgent: 'Mozilla/5.0 (test)' });
    expect(signature.ipHash).toMatch(/^[0-9a-f]{64}$/);
    expect(signature.ipHash).not.toContain('192.0.2.10');

    const reused = await rejection(signWithLink(services, token, { typedName: 'Marc Chabert', consent: 'on' }, evidence));
    expect(reused.message).toContain('déjà servi');
  });

  it('unsigned parties are reminded after 3 and after 7 days, once each', async () => {
    clock.advance(2 * DAY);
    expect((await runConventionJobs(services)).reminders).toBe(0);
    clock.advance(DAY + 3600_000);
    expect((await runConventionJobs(services)).reminders).toBe(2);
    expect((await runConventionJobs(services)).reminders).toBe(0);
    clock.advance(4 * DAY);
    expect((await runConventionJobs(services)).reminders).toBe(2);
    const reminders = await db.prisma.outboxEmail.findMany({ where: { template: 'convention-reminder' } });
    expect(reminders.map((e) => e.to).sort()).toEqual(['mission@gard.fr', 'mission@gard.fr', 'presidente@jardins.example.org', 'presidente@jardins.example.org']);
    expect(reminders.map((e) => e.subject).filter((subject) => subject.includes('depuis 7 jours'))).toHaveLength(2);
    // The reminder carries a fresh personal link that works.
    const link = (await linksFromOutbox(db, 'signature')).at(-1);
    expect((await openSigningLink(services, link?.token ?? '')).state).toBe('VALID');
  });

  it('an edit after the first signature issues version 2, voids that signature and tells everyone why', async () => {
    const host = await asCurrentUser(db, parties.hostMember.id);
    const before = await linksFromOutbox(db, 'signature');
    const convention = await db.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } });
    const noReason = await rejection(editConvention(services, host, conventionId, { ...(convention.terms as object), place: 'Jardin de la Placette, Nîmes' }));
    expect(noReason.fieldErrors.reason?.[0]).toContain('motif');
    const edited = await editConvention(services, host, conventionId, { ...(convention.terms as object), place: 'Jardin de la Placette, Nîmes' }, 'Lieu d’exercice précisé');
    expect(edited).toMatchObject({ version: 2, status: 'READY_TO_SIGN' });
    const signature = await db.prisma.signature.findFirstOrThrow({ where: { signatory: { email: 'agent@gard.fr' } } });
    expect(signature.voidedAt).not.toBeNull();
    expect(signature.voidReason).toBe('Lieu d’exercice précisé');

    const oldHostLink = before.find((l) => l.to === 'presidente@jardins.example.org');
    expect((await openSigningLink(services, oldHostLink?.token ?? '')).state).toBe('REPLACED');
    const fresh = (await linksFromOutbox(db, 'signature')).slice(before.length);
    expect(fresh).toHaveLength(3);
    const agentEmails = await db.prisma.outboxEmail.findMany({ where: { to: 'agent@gard.fr', template: 'convention-to-sign' } });
    const [second] = agentEmails.filter((email) => email.text.includes('Version : 2'));
    expect(second?.text).toContain('Lieu d’exercice précisé');
  });

  it('an expired link is refused and can be renewed to the same address', async () => {
    const links = await linksFromOutbox(db, 'signature');
    const hostLink = links.filter((l) => l.to === 'presidente@jardins.example.org').at(-1);
    clock.advance(15 * DAY);
    const page = await openSigningLink(services, hostLink?.token ?? '');
    expect(page.state).toBe('EXPIRED');
    const refused = await rejection(signWithLink(services, hostLink?.token ?? '', { typedName: 'Lucie Arnaud', consent: 'on' }, evidence));
    expect(refused.message).toContain('expiré');
    expect(await renewSigningLink(services, hostLink?.token ?? '')).toEqual({ sent: true });
    const renewed = (await linksFromOutbox(db, 'signature')).filter((l) => l.to === 'presidente@jardins.example.org').at(-1);
    expect(renewed?.token).not.toBe(hostLink?.token);
    expect((await openSigningLink(services, renewed?.token ?? '')).state).toBe('VALID');
  });

  it('the last signature makes it signed; the final PDF adds a certificate and is verifiable', async () => {
    clock.set(new Date(NOW.getTime() + DAY));
    const latest = new Map((await linksFromOutbox(db, 'signature')).map((l) => [l.to, l.token]));
    const names: Record<string, string> = { 'agent@gard.fr': 'Marc Chabert', 'mission@gard.fr': 'Claire Mission', 'presidente@jardins.example.org': 'Lucie Arnaud' };
    const outcomes = [];
    for (const [email, name] of Object.entries(names)) {
      outcomes.push(await signWithLink(services, latest.get(email) ?? '', { typedName: name, consent: 'on' }, evidence));
    }
    expect(outcomes.map((o) => o.status)).toEqual(['PARTIALLY_SIGNED', 'PARTIALLY_SIGNED', 'SIGNED']);
    const convention = await db.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } });
    expect(convention.finalPdfKey).not.toBeNull();

    const host = await asCurrentUser(db, parties.hostMember.id);
    const file = await conventionPdf(services, host, conventionId);
    expect(sha256(file.body)).toBe(convention.finalPdfSha256);
    const { text, pages } = await pdfText(file.body);
    const version = await db.prisma.conventionVersion.findFirstOrThrow({ where: { conventionId, number: 2 } });
    const signedPages = (await pdfText((await services.storage.get(version.pdfKey))?.body ?? new Uint8Array())).pageCount;
    expect(pages.length).toBeGreaterThan(signedPages);
    const certificate = pages.slice(signedPages).join('\n');
    for (const name of Object.values(names)) expect(certificate).toContain(name);
    expect(certificate.replace(/\s/g, '')).toContain(version.sha256);
    expect(text).toContain('Les Jardins Partagés');
    expect(text).toContain('ARR-2026-0142');

    const byCode = await verifyConvention(services, convention.verificationCode.toLowerCase().replace('-', ' '), '198.51.100.1');
    expect(byCode).toMatchObject({ found: true, reference: convention.reference, status: 'Signée' });
    expect(JSON.stringify(byCode)).not.toMatch(/Chabert|Arnaud|Jardins/);
    expect(await verifyConvention(services, convention.finalPdfSha256, '198.51.100.1')).toMatchObject({ found: true, matchedBy: 'final' });
    expect(await verifyConvention(services, '0'.repeat(64), '198.51.100.1')).toEqual({ found: false });

    const signedEmails = await db.prisma.outboxEmail.findMany({ where: { template: 'convention-signed' } });
    expect(signedEmails.map((e) => e.to).sort()).toEqual(['agent@gard.fr', 'mission@gard.fr', 'presidente@jardins.example.org']);
  });

  it('an outsider cannot read the convention or its PDF', async () => {
    const outsider = await asCurrentUser(db, parties.outsider.id);
    const error = await rejection(conventionPdf(services, outsider, conventionId));
    expect(error.code).toBe('NOT_FOUND');
    const principal = await asCurrentUser(db, parties.principal.id);
    expect((await rejection(conventionPdf(services, principal, conventionId))).code).toBe('NOT_FOUND');
  });

  it('an amendment to the signed convention is drafted for the same parties, citing it', async () => {
    const host = await asCurrentUser(db, parties.hostMember.id);
    const base = await db.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } });
    const { id } = await draftAmendment(services, host, conventionId, 'Passage à 10 heures par mois');
    const amendment = await db.prisma.convention.findUniqueOrThrow({ where: { id } });
    expect(amendment).toMatchObject({ status: 'DRAFT', amendsId: conventionId, amendmentNumber: 1, matchId: base.matchId });
    const { text } = await pdfText((await conventionPdf(services, host, id)).body);
    expect(text.replace(/\s+/g, ' ')).toContain(`Avenant n° 1 à la convention ${base.reference}`);
    expect(text).toContain('Passage à 10 heures par mois');
    await cancelConvention(services, host, id, 'Avenant finalement inutile');
  });

  it('time moves it to in progress, then completed, with a satisfaction survey to each side', async () => {
    const convention = await db.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } });
    clock.set(new Date(convention.startDate.getTime() + 12 * 3600_000));
    await runConventionJobs(services);
    expect((await db.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } })).status).toBe('IN_PROGRESS');
    clock.set(new Date(convention.endDate.getTime() - 10 * DAY));
    expect((await runConventionJobs(services)).endingNotices).toBe(3);
    expect((await runConventionJobs(services)).endingNotices).toBe(0);
    clock.set(new Date(convention.endDate.getTime() + DAY + 3600_000));
    const counts = await runConventionJobs(services);
    expect(counts.completed).toBe(1);
    expect((await db.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } })).status).toBe('COMPLETED');
    const surveys = await linksFromOutbox(db, 'enquete');
    // One person for each side: the host structure and the agent (the Département signs but is not surveyed).
    expect(surveys.map((s) => s.to).sort()).toEqual(['agent@gard.fr', 'presidente@jardins.example.org']);
    expect((await runConventionJobs(services)).surveys).toBe(0);

    const token = surveys.find((s) => s.to === 'agent@gard.fr')?.token ?? '';
    expect((await rejection(answerSurvey(services, token, { score: '6' }))).fieldErrors.score?.[0]).toContain('1 à 5');
    await answerSurvey(services, token, { score: '4', comment: 'Très utile' });
    await answerSurvey(services, token, { score: '5' });
    expect(await db.prisma.surveyResponse.findMany({ select: { score: true, role: true } })).toEqual([{ score: 5, role: 'AGENT' }]);
    clock.advance(31 * DAY);
    expect((await openSurvey(services, token)).editable).toBe(false);
    expect((await rejection(answerSurvey(services, token, { score: '1' }))).message).toContain('plus modifiable');
  });
});

describe('a stage de 3e', () => {
  let conventionId = '';

  it('one convention per pupil once the collège names them, and a schedule beyond the limits for a 14-year-old is refused with the rule', async () => {
    clock.set(NOW);
    const principal = await asCurrentUser(db, parties.principal.id);
    const host = await asCurrentUser(db, parties.hostMember.id);
    const { matchId } = await proposeMatch(services, principal, { needId: parties.internshipNeed.id, offerId: parties.internshipOffer.id });
    await acceptMatch(services, host, matchId);
    const ids = await placePupils(services, principal, matchId, { pupilIds: [parties.pupil.id], referentTeacherName: 'Jean Prof', referentTeacherEmail: 'PROF@college.example.org' });
    expect(ids).toHaveLength(1);
    conventionId = ids[0] ?? '';
    const again = await rejection(placePupils(services, principal, matchId, { pupilIds: [parties.pupil.id] }));
    expect(again.message).toContain('déjà une convention');

    const convention = await db.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } });
    expect(convention.terms).toMatchObject({ referentTeacherName: 'Jean Prof', referentTeacherEmail: 'prof@college.example.org' });
    const terms = convention.terms as { days: { date: string; morning: { start: string; end: string }; afternoon: { start: string; end: string } }[] };
    const longDay = terms.days.map((day, index) => (index === 1 ? { ...day, afternoon: { start: '13:30', end: '18:00' } } : day));
    await editConvention(services, principal, conventionId, {
      ...(convention.terms as object),
      days: longDay,
      legalRep1Name: 'Sophie Martin',
      tutorRole: 'Coordinatrice',
    });
    const refused = await rejection(sendForSignature(services, principal, conventionId));
    expect(refused.code).toBe('VALIDATION');
    expect(refused.fieldErrors.days?.join(' ')).toContain('L3162-1');
    const group = await sendCompleteDrafts(services, principal, matchId);
    expect(group.sent).toEqual([]);
    expect(group.incomplete).toEqual([`Inès Martin (${convention.reference}) : L’emploi du temps ne respecte pas le droit du travail des mineurs.`]);
  });

  it('within the limits it is sent to the host, the collège, the pupil, the family, the tutor and the teacher', async () => {
    const principal = await asCurrentUser(db, parties.principal.id);
    const convention = await db.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } });
    const terms = convention.terms as { days: { afternoon: { start: string; end: string } }[] };
    await editConvention(services, principal, conventionId, {
      ...(convention.terms as object),
      days: terms.days.map((day) => ({ ...day, afternoon: { start: '13:30', end: '16:30' } })),
    });
    await sendForSignature(services, principal, conventionId);
    const signatories = await db.prisma.signatory.findMany({ where: { conventionId }, orderBy: { position: 'asc' } });
    expect(signatories.map((s) => [s.role, s.name])).toEqual([
      ['HOST', 'Lucie Arnaud'],
      ['COLLEGE', 'Anne Principale'],
      ['PUPIL', 'Inès Martin'],
      ['LEGAL_REPRESENTATIVE', 'Sophie Martin'],
      ['TUTOR', 'Lucie Arnaud'],
      ['REFERENT_TEACHER', 'Jean Prof'],
    ]);
  });

  it('the pupil’s data is for the collège, the host and the Mission ESS only; a cancellation is told to every signatory', async () => {
    const outsider = await asCurrentUser(db, parties.outsider.id);
    expect((await rejection(conventionPdf(services, outsider, conventionId))).code).toBe('NOT_FOUND');
    const agent = await asCurrentUser(db, parties.agent.id);
    expect((await rejection(conventionPdf(services, agent, conventionId))).code).toBe('NOT_FOUND');
    const admin = await asCurrentUser(db, parties.admin.id);
    const { text } = await pdfText((await conventionPdf(services, admin, conventionId)).body);
    expect(text).toContain('Inès Martin');

    const principal = await asCurrentUser(db, parties.principal.id);
    expect((await rejection(cancelConvention(services, principal, conventionId, ''))).fieldErrors.reason).toBeDefined();
    await cancelConvention(services, principal, conventionId, 'Famille déménagée');
    const cancelled = await db.prisma.outboxEmail.findMany({ where: { template: 'convention-cancelled' } });
    expect(new Set(cancelled.map((e) => e.to))).toEqual(new Set(['presidente@jardins.example.org', 'principal@college.example.org', 'famille.martin@example.org', 'prof@college.example.org']));
    const link = (await linksFromOutbox(db, 'signature')).filter((l) => l.to === 'prof@college.example.org').at(-1);
    expect((await openSigningLink(services, link?.token ?? '')).state).toBe('CLOSED');
  });

  it('a download link works only for the final PDF it was sent for', async () => {
    await expect(pdfForDownloadLink(services, 'not-a-token')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the emails of the whole flow, through a failing provider', () => {
  it('are all delivered exactly once despite injected failures', async () => {
    // After the last email of the flow was queued (the earlier tests moved the clock back and forth).
    clock.set(new Date(NOW.getTime() + 400 * DAY));
    const queued = await db.prisma.outboxEmail.findMany({ select: { id: true } });
    expect(queued.length).toBeGreaterThan(20);
    const delivered = new Map<string, number>();
    let calls = 0;
    const flaky: EmailTransport = {
      async send(email) {
        calls += 1;
        // Every third call fails, as a provider outage would, before or after other successes.
        if (calls % 3 === 0) throw new Error(`panne simulée ${calls}`);
        delivered.set(email.id, (delivered.get(email.id) ?? 0) + 1);
        return { providerMessageId: `fake-${email.id}` };
      },
    };
    const worker = createOutboxWorker({ prisma: db.prisma, transport: flaky, from: 'Passerelles <passerelles@gard.fr>', clock });
    for (let round = 0; round < 60 && (await db.prisma.outboxEmail.count({ where: { status: 'PENDING' } })) > 0; round++) {
      await worker.runOnce();
      clock.advance(2 * 3600_000);
    }
    const rows = await db.prisma.outboxEmail.findMany({ select: { id: true, status: true, lastError: true, attempts: true } });
    expect(rows.filter((row) => row.status !== 'SENT')).toEqual([]);
    expect([...delivered.keys()].sort()).toEqual(rows.map((row) => row.id).sort());
    expect([...delivered.values()].every((count) => count === 1)).toBe(true);
    expect(calls).toBeGreaterThan(rows.length);
  });
});
