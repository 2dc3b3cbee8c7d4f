import fs from 'node:fs/promises';
import path from 'node:path';
import { formatDayFr } from '../../../matching/weeks';
import { signatoryRoleLabels } from '../conventions/signatories';
import type { Prisma, Pupil } from '../db/generated/client';
import type { SignatoryRole } from '../db/generated/enums';
import { AppError, isAppError } from '../errors';
import type { Services } from '../services';

/**
 * Retention of pupils' personal data (decision 009): once a pupil and every convention of theirs have been still
 * for PUPIL_RETENTION_MONTHS, what names or reaches the pupil and their family is erased or replaced, and the
 * stored documents are deleted (their SHA-256 stays, so the verification page still knows they existed).
 * Conventions, matches, statuses, dates, kinds, collège, host and the pupil's class and priority stay: the
 * indicators count the same. One transaction per pupil; idempotent, safe to re-run and to interrupt.
 */

/** How an anonymised pupil reads everywhere (« Élève anonymisé »). */
export const ANONYMISED_PUPIL = { firstName: 'Élève', lastName: 'anonymisé' } as const;
/** Replaces a name, an address or a birth date inside free text: never longer than what it replaces. */
const REDACTED = '[…]';
const PURGED_EMAIL = 'Contenu supprimé : les données de l’élève ont été anonymisées à la fin de la durée de conservation.';
const FAMILY_ROLES: readonly SignatoryRole[] = ['PUPIL', 'LEGAL_REPRESENTATIVE'];
const FAMILY_TERMS = ['legalRep1Name', 'legalRep1Email', 'legalRep2Name', 'legalRep2Email'] as const;
/** Texts the parties write on a stage convention, which may name the pupil or their family. */
const FREE_TEXT_TERMS = ['objectives', 'activities', 'meals', 'transport', 'lodging'] as const;
/** Particles of names, too common in any text to be redacted on their own. */
const PARTICLES = new Set(['del', 'della', 'der', 'den', 'des', 'van', 'von', 'les', 'ben']);

export interface RetentionReport {
  months: number;
  /** Pupils and conventions still since before this instant are anonymised. */
  cutoff: Date;
  dryRun: boolean;
  pupils: number;
  conventions: number;
  /** Signatories for the pupil and their legal representatives. */
  signatories: number;
  links: number;
  surveyComments: number;
  /** Stored PDFs and scans of paper signatures. */
  files: number;
  emails: number;
  /** Changed by someone during the run: taken up by the next one. */
  skipped: number;
}

const conventionInclude = {
  versions: true,
  signatories: { include: { signatures: true, links: { select: { id: true } }, surveys: true } },
} satisfies Prisma.ConventionInclude;

type ConventionRow = Prisma.ConventionGetPayload<{ include: typeof conventionInclude }>;

/** The same day `months` earlier (the last day of the month when it is shorter), UTC. */
export function retentionCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now);
  const day = cutoff.getUTCDate();
  cutoff.setUTCDate(1);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(cutoff.getUTCFullYear(), cutoff.getUTCMonth() + 1, 0)).getUTCDate();
  cutoff.setUTCDate(Math.min(day, lastDay));
  return cutoff;
}

const recentConvention = (cutoff: Date): Prisma.ConventionWhereInput => ({
  OR: [
    { endDate: { gte: cutoff } },
    { updatedAt: { gte: cutoff } },
    { signedAt: { gte: cutoff } },
    { signatories: { some: { signatures: { some: { signedAt: { gte: cutoff } } } } } },
  ],
});

const inactivePupil = (cutoff: Date): Prisma.PupilWhereInput => ({
  anonymisedAt: null,
  lastActivityAt: { lt: cutoff },
  conventions: { none: recentConvention(cutoff) },
});

/**
 * Stage conventions of a pupil removed from the collège's list (cancelled after being sent), still as long. Written
 * without NOT: in SQL, NOT (signedAt >= cutoff) is unknown, so false, when signedAt is null.
 */
const stillOrphanConvention = (cutoff: Date): Prisma.ConventionWhereInput => ({
  kind: 'STAGE',
  pupilId: null,
  endDate: { lt: cutoff },
  updatedAt: { lt: cutoff },
  OR: [{ signedAt: null }, { signedAt: { lt: cutoff } }],
  signatories: { none: { signatures: { some: { signedAt: { gte: cutoff } } } } },
});

const isFamily = (role: SignatoryRole) => FAMILY_ROLES.includes(role);
const isRecord = (value: Prisma.JsonValue): value is Prisma.JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An orphan convention is done once no family field or family signatory holds anything but a role label. */
function holdsFamilyData(convention: ConventionRow): boolean {
  const terms = isRecord(convention.terms) ? convention.terms : {};
  return (
    FAMILY_TERMS.some((field) => typeof terms[field] === 'string' && terms[field] !== '') ||
    convention.signatories.some((s) => isFamily(s.role) && (s.email !== '' || s.name !== signatoryRoleLabels[s.role]))
  );
}

export async function anonymiseInactivePupils(services: Services, options: { now: Date; dryRun?: boolean }): Promise<RetentionReport> {
  const months = services.env.pupilRetentionMonths;
  const cutoff = retentionCutoff(options.now, months);
  const report: RetentionReport = {
    months,
    cutoff,
    dryRun: options.dryRun ?? false,
    pupils: 0,
    conventions: 0,
    signatories: 0,
    links: 0,
    surveyComments: 0,
    files: 0,
    emails: 0,
    skipped: 0,
  };
  const pupils = await services.prisma.pupil.findMany({ where: inactivePupil(cutoff), select: { id: true }, orderBy: { id: 'asc' } });
  for (const { id } of pupils) {
    const pupil = await services.prisma.pupil.findFirst({
      where: { id, ...inactivePupil(cutoff) },
      include: { conventions: { include: conventionInclude } },
    });
    if (!pupil) report.skipped++;
    else await anonymise(services, report, { pupil, conventions: pupil.conventions }, options.now);
  }
  const orphans = await services.prisma.convention.findMany({ where: stillOrphanConvention(cutoff), include: conventionInclude, orderBy: { id: 'asc' } });
  for (const convention of orphans.filter(holdsFamilyData)) {
    await anonymise(services, report, { pupil: null, conventions: [convention] }, options.now);
  }
  return report;
}

interface Subject {
  pupil: Pupil | null;
  conventions: ConventionRow[];
}

const changedMeanwhile = () => new AppError('CONFLICT', 'Modifié pendant l’anonymisation : repris au prochain passage.');

async function anonymise(services: Services, report: RetentionReport, subject: Subject, now: Date): Promise<void> {
  const { prisma } = services;
  const { redact, familyEmails } = secretsOf(subject);
  const conventionIds = subject.conventions.map((c) => c.id);
  const signatories = subject.conventions.flatMap((c) => c.signatories);
  const family = signatories.filter((s) => isFamily(s.role));
  const familyLinks = family.flatMap((s) => s.links.map((link) => link.id));
  // The family's comments go; the others lose what names the pupil or the family.
  const surveys = signatories.flatMap((s) =>
    s.surveys.flatMap((survey) => {
      if (!survey.comment) return [];
      const comment = isFamily(s.role) ? null : redact(survey.comment);
      return comment === survey.comment ? [] : [{ id: survey.id, comment }];
    }),
  );
  const fileKeys = subject.conventions.flatMap((c) => [
    ...c.versions.map((v) => v.pdfKey),
    ...(c.finalPdfKey ? [c.finalPdfKey] : []),
    ...c.signatories.flatMap((s) => s.signatures.flatMap((signature) => (signature.scanKey ? [signature.scanKey] : []))),
  ]);
  // Every email about these conventions: keyed by one of them or one of their links, or quoting a reference.
  const emails = conventionIds.length
    ? await prisma.outboxEmail.findMany({
        where: {
          OR: [
            ...[...conventionIds, ...signatories.flatMap((s) => s.links.map((link) => link.id))].map((id) => ({ dedupeKey: { contains: id } })),
            ...subject.conventions.map((c) => ({ text: { contains: c.reference } })),
          ],
        },
        select: { id: true, to: true, dedupeKey: true, status: true, lastError: true, providerMessageId: true },
      })
    : [];
  const counts = {
    conventions: subject.conventions.length,
    signatories: family.length,
    links: familyLinks.length,
    surveyComments: surveys.length,
    files: fileKeys.length,
    emails: emails.length,
  };
  if (report.dryRun) {
    addCounts(report, subject, counts);
    return;
  }

  // Files first: if the run stops before the transaction commits, the next one finds the pupil again.
  for (const key of fileKeys) await services.storage.delete(key);
  await deleteLocalEmailFiles(services, emails);

  try {
    await prisma.$transaction(async (tx) => {
      if (subject.pupil) {
        const { count } = await tx.pupil.updateMany({
          where: { id: subject.pupil.id, ...inactivePupil(report.cutoff) },
          data: { ...ANONYMISED_PUPIL, birthDate: null, legalRepEmail: '', interests: '', anonymisedAt: now },
        });
        if (count === 0) throw changedMeanwhile();
      }
      for (const convention of subject.conventions) {
        const { count } = await tx.convention.updateMany({
          // updatedAt kept: anonymising is not an edit by a party.
          where: { id: convention.id, updatedAt: convention.updatedAt },
          data: {
            terms: scrubTerms(convention.terms, redact),
            statusReason: convention.statusReason && redact(convention.statusReason),
            amendmentSummary: convention.amendmentSummary && redact(convention.amendmentSummary),
            updatedAt: convention.updatedAt,
          },
        });
        if (count === 0) throw changedMeanwhile();
        for (const version of convention.versions) {
          if (version.voidReason) await tx.conventionVersion.update({ where: { id: version.id }, data: { voidReason: redact(version.voidReason) } });
        }
      }
      for (const signatory of signatories) {
        const familyMember = isFamily(signatory.role);
        if (familyMember) {
          await tx.signatory.update({ where: { id: signatory.id }, data: { name: signatoryRoleLabels[signatory.role], email: '' } });
          await tx.conventionLink.deleteMany({ where: { signatoryId: signatory.id } });
        }
        for (const signature of signatory.signatures) {
          if (!familyMember && !signature.voidReason) continue;
          await tx.signature.update({
            where: { id: signature.id },
            data: {
              voidReason: signature.voidReason && redact(signature.voidReason),
              ...(familyMember ? { typedName: null, ipHash: null, userAgent: null } : {}),
            },
          });
        }
      }
      for (const { id, comment } of surveys) await tx.surveyResponse.update({ where: { id }, data: { comment } });
      const audits = await tx.auditLog.findMany({ where: { targetType: 'Convention', targetId: { in: conventionIds } } });
      for (const audit of audits) {
        if (audit.details === null) continue;
        const details = redactJson(audit.details, redact);
        if (JSON.stringify(details) !== JSON.stringify(audit.details)) {
          await tx.auditLog.update({ where: { id: audit.id }, data: { details: details as Prisma.InputJsonValue } });
        }
      }
      const reasons = await tx.matchStatusChange.findMany({
        where: { matchId: { in: subject.conventions.map((c) => c.matchId) }, reason: { not: null } },
        select: { id: true, reason: true },
      });
      for (const change of reasons) {
        const reason = redact(change.reason ?? '');
        if (reason !== change.reason) await tx.matchStatusChange.update({ where: { id: change.id }, data: { reason } });
      }
      for (const email of emails) {
        const toFamily = familyEmails.has(email.to.toLowerCase());
        await tx.outboxEmail.update({
          where: { id: email.id },
          data: {
            html: `<p>${PURGED_EMAIL}</p>`,
            text: PURGED_EMAIL,
            to: toFamily ? '' : email.to,
            dedupeKey: [...familyEmails].reduce((key, address) => key.split(address).join(`anonyme-${email.id}`), email.dedupeKey),
            lastError: email.lastError && redact(email.lastError),
            // Never sent now: its body is gone and so, for the family, is its address.
            ...(email.status === 'PENDING' ? { status: 'FAILED' as const, lastError: 'Non envoyé : données de l’élève anonymisées.' } : {}),
          },
        });
      }
      await tx.auditLog.create({
        data: {
          action: subject.pupil ? 'pupil.anonymised' : 'convention.anonymised',
          targetType: subject.pupil ? 'Pupil' : 'Convention',
          targetId: subject.pupil?.id ?? conventionIds[0] ?? null,
          details: counts,
          at: now,
        },
      });
    });
  } catch (error) {
    if (isAppError(error) && error.code === 'CONFLICT') {
      report.skipped++;
      return;
    }
    throw error;
  }
  addCounts(report, subject, counts);
}

function addCounts(report: RetentionReport, subject: Subject, counts: Omit<RetentionReport, 'months' | 'cutoff' | 'dryRun' | 'pupils' | 'skipped'>) {
  if (subject.pupil) report.pupils++;
  report.conventions += counts.conventions;
  report.signatories += counts.signatories;
  report.links += counts.links;
  report.surveyComments += counts.surveyComments;
  report.files += counts.files;
  report.emails += counts.emails;
}

/** The local outbox also wrote each email as a .eml file, named in the row's provider message id. */
async function deleteLocalEmailFiles(services: Services, emails: { providerMessageId: string | null }[]) {
  const transport = services.env.email;
  if (transport.kind !== 'local') return;
  for (const { providerMessageId } of emails) {
    const name = providerMessageId?.startsWith('local:') ? providerMessageId.slice('local:'.length) : '';
    if (/^[\w-][\w.-]*\.eml$/.test(name)) await fs.rm(path.join(transport.dir, name), { force: true });
  }
}

function scrubTerms(terms: Prisma.JsonValue, redact: (text: string) => string): Prisma.InputJsonValue {
  if (!isRecord(terms)) return terms as Prisma.InputJsonValue;
  const scrubbed: Prisma.JsonObject = { ...terms };
  for (const field of FAMILY_TERMS) if (field in scrubbed) scrubbed[field] = '';
  for (const field of FREE_TEXT_TERMS) {
    const value = scrubbed[field];
    if (typeof value === 'string') scrubbed[field] = redact(value);
  }
  return scrubbed as Prisma.InputJsonValue;
}

function redactJson(value: Prisma.JsonValue, redact: (text: string) => string): Prisma.JsonValue {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactJson(item, redact));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, item === undefined ? null : redactJson(item, redact)]));
  return value;
}

/** Names, addresses and birth date of the pupil and their family, as a redacting function and a set of addresses. */
function secretsOf(subject: Subject) {
  const names: string[] = [];
  const emails = new Set<string>();
  const dates: string[] = [];
  const { pupil } = subject;
  if (pupil) {
    names.push(pupil.firstName, pupil.lastName, `${pupil.firstName} ${pupil.lastName}`);
    emails.add(pupil.legalRepEmail);
    if (pupil.birthDate) {
      const iso = pupil.birthDate.toISOString().slice(0, 10);
      dates.push(iso, iso.split('-').reverse().join('/'), formatDayFr(pupil.birthDate));
    }
  }
  for (const convention of subject.conventions) {
    const terms = isRecord(convention.terms) ? convention.terms : {};
    for (const field of FAMILY_TERMS) {
      const value = terms[field];
      if (typeof value !== 'string') continue;
      if (field.endsWith('Email')) emails.add(value);
      else names.push(value);
    }
    for (const signatory of convention.signatories.filter((s) => isFamily(s.role))) {
      if (signatory.name !== signatoryRoleLabels[signatory.role]) names.push(signatory.name);
      emails.add(signatory.email);
    }
  }
  const familyEmails = new Set([...emails].map((email) => email.trim().toLowerCase()).filter(Boolean));
  const words = names.flatMap((name) => name.split(/\s+/)).filter((word) => word.length >= 3 && !PARTICLES.has(word.toLowerCase()));
  const secrets = [...new Set([...names.map((name) => name.trim()), ...words, ...familyEmails, ...dates])]
    .filter((secret) => secret.length >= 3)
    .sort((a, b) => b.length - a.length);
  return { redact: redactor(secrets), familyEmails };
}

const ACCENTED: Record<string, string> = { a: 'aàâäáã', c: 'cç', e: 'eéèêë', i: 'iîïíì', n: 'nñ', o: 'oôöóò', u: 'uùûüú', y: 'yÿý' };

/** One character of a secret, matching it with or without its accent (« Ines » for « Inès »). */
function looseCharacter(character: string): string {
  const base = character.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const variants = ACCENTED[base];
  return variants ? `[${variants}]` : character.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Replaces every whole-word occurrence of a secret, whatever its case or accents, by « […] ». */
function redactor(secrets: string[]): (text: string) => string {
  if (secrets.length === 0) return (text) => text;
  const alternatives = secrets.map((secret) => [...secret].map((character) => (/\s/.test(character) ? '\\s+' : looseCharacter(character))).join(''));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return (text) => text.replace(pattern, REDACTED);
}

/** What the command and the server's log print: counts only. */
export function describeRetention(report: RetentionReport): string {
  const head = report.dryRun
    ? `Simulation (rien n’est modifié) : serait anonymisé, pour une inactivité depuis le ${formatDayFr(report.cutoff)} (${report.months} mois) :`
    : `Anonymisé, pour une inactivité depuis le ${formatDayFr(report.cutoff)} (${report.months} mois) :`;
  return [
    head,
    `  élèves : ${report.pupils}`,
    `  conventions : ${report.conventions}`,
    `  signataires (élève, représentants légaux) : ${report.signatories}`,
    `  liens personnels : ${report.links}`,
    `  commentaires d’enquête : ${report.surveyComments}`,
    `  fichiers (PDF, scans) : ${report.files}`,
    `  e-mails : ${report.emails}`,
    ...(report.skipped ? [`  reportés (modifiés pendant l’opération) : ${report.skipped}`] : []),
  ].join('\n');
}
