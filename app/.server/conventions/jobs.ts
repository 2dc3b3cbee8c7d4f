import { checkTransition, type ConventionStatus } from '../../../matching/conventions/lifecycle';
import { formatDayFr } from '../../../matching/weeks';
import { sha256 } from '../clock';
import { enqueuePrepared, prepareEmail } from '../email/outbox';
import type { Services } from '../services';
import { finaliseConvention } from './finalise';
import { sendSigningLink } from './signing';
import { templatesInForce } from './template-files';

const DAY_MS = 86_400_000;
export const REMINDER_DAYS = [3, 7] as const;
export const SURVEY_LINK_DAYS = 60;
/** Who is asked for their satisfaction: one person for each side of the match (the plan's indicators, action 4.4). */
const SURVEYED_ROLES: Record<'COMPETENCE' | 'LIEU' | 'STAGE', readonly string[]> = {
  COMPETENCE: ['HOST', 'AGENT'],
  LIEU: ['OCCUPANT', 'DEPARTEMENT'],
  STAGE: ['HOST', 'COLLEGE'],
};

const startOfDay = (date: Date) => new Date(date.toISOString().slice(0, 10));
const endingNoticeDays = (kind: string) => (kind === 'STAGE' ? 2 : 14);

/**
 * Everything that happens with time, idempotent so it can run every few minutes on any instance:
 * unfinished final PDFs, reminders after 3 and 7 days, start and end of execution, end-of-placement notice,
 * satisfaction survey.
 */
export async function runConventionJobs(services: Services): Promise<Record<string, number>> {
  const now = services.clock.now();
  const today = startOfDay(now);
  const counts = { finalised: 0, reminders: 0, started: 0, endingNotices: 0, completed: 0, surveys: 0 };

  // Only a convention signed on an issued version has a PDF to finalise (the demo's past activity has none).
  const unfinished = await services.prisma.convention.findMany({
    where: { status: { in: ['SIGNED', 'IN_PROGRESS', 'COMPLETED'] }, finalPdfKey: null, versions: { some: {} } },
    select: { id: true },
  });
  for (const { id } of unfinished) {
    await finaliseConvention(services, id);
    counts.finalised++;
  }

  const waiting = await services.prisma.convention.findMany({
    where: { status: { in: ['READY_TO_SIGN', 'PARTIALLY_SIGNED'] } },
    include: { versions: true, signatories: { include: { signatures: true } } },
  });
  for (const convention of waiting) {
    const version = convention.versions.find((v) => v.number === convention.version);
    if (!version) continue;
    const waitedDays = Math.floor((now.getTime() - version.createdAt.getTime()) / DAY_MS);
    const due = REMINDER_DAYS.filter((days) => waitedDays >= days).at(-1);
    if (!due) continue;
    for (const signatory of convention.signatories) {
      if (signatory.signatures.some((s) => s.versionNumber === convention.version && !s.voidedAt)) continue;
      const dedupeKey = `convention-reminder:${convention.id}:v${convention.version}:${signatory.id}:${due}`;
      const already = await services.prisma.outboxEmail.count({ where: { dedupeKey } });
      if (already) continue;
      await sendSigningLink(services, signatory.id, now, { daysWaiting: due, dedupeKey });
      counts.reminders++;
    }
  }

  const toStart = await services.prisma.convention.findMany({ where: { status: 'SIGNED', startDate: { lte: today } }, select: { id: true, status: true } });
  for (const convention of toStart) {
    if (!checkTransition(convention.status as ConventionStatus, 'start', 'SYSTEM').ok) continue;
    const { count } = await services.prisma.convention.updateMany({ where: { id: convention.id, status: 'SIGNED' }, data: { status: 'IN_PROGRESS' } });
    counts.started += count;
  }

  const running = await services.prisma.convention.findMany({
    where: { status: 'IN_PROGRESS' },
    include: { signatories: { orderBy: { position: 'asc' } } },
  });
  const templates = await templatesInForce(services.prisma);
  for (const convention of running) {
    const title = templates.byId(convention.templateId).meta.title;
    const recipients = [...new Map(convention.signatories.map((s) => [s.email, s.name])).entries()];
    if (convention.endDate.getTime() - today.getTime() <= endingNoticeDays(convention.kind) * DAY_MS && convention.endDate >= today) {
      const emails = await Promise.all(
        recipients.map(([email, name]) =>
          prepareEmail({
            dedupeKey: `placement-ending:${convention.id}:${email}`,
            to: email,
            template: 'placement-ending',
            props: { recipientName: name, conventionTitle: title, reference: convention.reference, endsOn: formatDayFr(convention.endDate), url: `${services.env.appUrl}/conventions/${convention.id}` },
          }),
        ),
      );
      await services.prisma.$transaction(async (tx) => {
        for (const email of emails) if ((await enqueuePrepared(tx, email, services.clock)).enqueued) counts.endingNotices++;
      });
    }
    if (convention.endDate < today) {
      const surveyed = convention.signatories.filter((s) => SURVEYED_ROLES[convention.kind].includes(s.role));
      const tokens = surveyed.map(() => services.tokens.token());
      const emails = await Promise.all(
        surveyed.map((signatory, index) =>
          prepareEmail({
            dedupeKey: `satisfaction-survey:${convention.id}:${signatory.id}`,
            to: signatory.email,
            template: 'satisfaction-survey',
            props: { recipientName: signatory.name, conventionTitle: title, reference: convention.reference, url: `${services.env.appUrl}/enquete/${tokens[index] ?? ''}`, editableDays: 30 },
          }),
        ),
      );
      await services.prisma.$transaction(async (tx) => {
        const { count } = await tx.convention.updateMany({ where: { id: convention.id, status: 'IN_PROGRESS' }, data: { status: 'COMPLETED' } });
        if (count === 0) return;
        counts.completed++;
        for (const [index, signatory] of surveyed.entries()) {
          const email = emails[index];
          if (!email || !(await enqueuePrepared(tx, email, services.clock)).enqueued) continue;
          await tx.conventionLink.create({
            data: { signatoryId: signatory.id, purpose: 'SURVEY', tokenHash: sha256(tokens[index] ?? ''), createdAt: now, expiresAt: new Date(now.getTime() + SURVEY_LINK_DAYS * DAY_MS) },
          });
          counts.surveys++;
        }
        await tx.auditLog.create({ data: { action: 'convention.completed', targetType: 'Convention', targetId: convention.id, at: now } });
      });
    }
  }
  return counts;
}
