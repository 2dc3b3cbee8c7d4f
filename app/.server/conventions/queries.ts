import { availableEvents, conventionStatuses, statusLabels, type ConventionStatus } from '../../../matching/conventions/lifecycle';
import { missingForSignature } from '../../../matching/conventions/terms';
import type { CurrentUser } from '../auth/session';
import { hasRole, organisationsWithRole } from '../auth/authorize';
import { sha256 } from '../clock';
import { toCsv } from '../csv-export';
import type { Prisma } from '../db/generated/client';
import { AppError } from '../errors';
import { createdBetween, parseListFilters, type ListFilters } from '../list-filters';
import type { Services } from '../services';
import { renderConvention } from './build-document';
import { parseTerms } from './issue';
import { assertMayRead, loadConvention } from './records';
import { signatoryRoleLabels } from './signatories';
import { matchesVisibleTo } from '../matching/match-list';
import { templateById, templatesInForce } from './template-files';

export const CONVENTIONS_PAGE_SIZE = 20;

/** The conventions a person may see: those of the matches they see, and those of a grouping they belong to. */
function visibleTo(user: CurrentUser): Prisma.ConventionWhereInput {
  if (hasRole(user, 'MISSION_ESS_ADMIN')) return {};
  const structures = organisationsWithRole(user, 'STRUCTURE_MEMBER');
  return {
    OR: [{ match: matchesVisibleTo(user) }, { match: { need: { space: { members: { some: { organisationId: { in: structures } } } } } } }],
  };
}

export type ConventionFilters = ListFilters<ConventionStatus>;

export const parseConventionFilters = (services: Services, params: URLSearchParams) => parseListFilters(services, params, conventionStatuses);

/** Visibility, then the search form: text in the reference, titles and organisation names, kind, state, commune, creation days. */
function conventionWhere(user: CurrentUser, filters: ConventionFilters): Prisma.ConventionWhereInput {
  const text = filters.q ? { contains: filters.q, mode: 'insensitive' as const } : null;
  const created = createdBetween(filters);
  return {
    AND: [
      visibleTo(user),
      filters.kind ? { kind: filters.kind } : {},
      filters.status ? { status: filters.status } : {},
      created ? { createdAt: created } : {},
      filters.commune ? { match: { OR: [{ need: { communeCode: filters.commune } }, { offer: { communeCode: filters.commune } }] } } : {},
      text
        ? {
            OR: [
              { reference: text },
              { match: { need: { title: text } } },
              { match: { offer: { title: text } } },
              { match: { need: { organisation: { name: text } } } },
              { match: { offer: { organisation: { name: text } } } },
            ],
          }
        : {},
    ],
  };
}

export async function listConventions(services: Services, user: CurrentUser, filters: ConventionFilters) {
  const where = conventionWhere(user, filters);
  const [total, rows] = await Promise.all([
    services.prisma.convention.count({ where }),
    services.prisma.convention.findMany({
      where,
      orderBy: { updatedAt: 'desc' },
      skip: (filters.page - 1) * CONVENTIONS_PAGE_SIZE,
      take: CONVENTIONS_PAGE_SIZE,
      select: {
        id: true,
        reference: true,
        kind: true,
        status: true,
        startDate: true,
        endDate: true,
        templateId: true,
        match: { select: { need: { select: { title: true, organisation: { select: { name: true } } } }, offer: { select: { title: true } } } },
        pupil: { select: { firstName: true, lastName: true } },
      },
    }),
  ]);
  const templates = await templatesInForce(services.prisma);
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / CONVENTIONS_PAGE_SIZE)),
    items: rows.map((row) => ({
      id: row.id,
      reference: row.reference,
      kind: row.kind,
      status: row.status,
      statusLabel: statusLabels[row.status as ConventionStatus],
      title: templates.byId(row.templateId).meta.title,
      needTitle: row.match.need.title,
      offerTitle: row.match.offer.title,
      organisationName: row.match.need.organisation.name,
      pupilName: row.pupil ? `${row.pupil.firstName} ${row.pupil.lastName}` : null,
      start: row.startDate.toISOString().slice(0, 10),
      end: row.endDate.toISOString().slice(0, 10),
    })),
  };
}

export async function conventionPage(services: Services, user: CurrentUser, id: string) {
  const convention = await loadConvention(services.prisma, id);
  const actor = assertMayRead(user, convention);
  const terms = parseTerms(convention.kind, convention.terms);
  const template = await templateById(services.prisma, convention.templateId);
  const status = convention.status as ConventionStatus;
  return {
    id: convention.id,
    reference: convention.reference,
    verificationCode: convention.verificationCode,
    kind: convention.kind,
    status,
    statusLabel: statusLabels[status],
    statusReason: convention.statusReason,
    title: template.meta.title,
    templateVersion: convention.templateVersion,
    version: convention.version,
    rooftop: convention.match.offer.property?.propertyType === 'ROOFTOP',
    amends: convention.amends ? { id: convention.amends.id, reference: convention.amends.reference } : null,
    amendmentSummary: convention.amendmentSummary,
    matchId: convention.matchId,
    needTitle: convention.match.need.title,
    offerTitle: convention.match.offer.title,
    pupil: convention.pupil ? { name: `${convention.pupil.firstName} ${convention.pupil.lastName}`, className: convention.pupil.className } : null,
    terms,
    missing: missingForSignature(terms, { rooftop: convention.match.offer.property?.propertyType === 'ROOFTOP' }),
    actions: actor ? availableEvents(status, actor) : [],
    finalPdf: Boolean(convention.finalPdfKey),
    versions: convention.versions.map((v) => ({ number: v.number, sha256: v.sha256, createdAt: v.createdAt.toISOString(), voidReason: v.voidReason })),
    signatories: convention.signatories.map((s) => {
      const current = s.signatures.find((sig) => sig.versionNumber === convention.version && !sig.voidedAt);
      return {
        id: s.id,
        roleLabel: signatoryRoleLabels[s.role],
        name: s.name,
        email: s.email,
        signedAt: current?.signedAt.toISOString() ?? null,
        method: current?.method ?? null,
        voided: s.signatures.filter((sig) => sig.voidedAt).map((sig) => ({ version: sig.versionNumber, reason: sig.voidReason ?? '' })),
      };
    }),
  };
}

/** The PDF a reader may download: the final one once signed, else the current version, else a draft preview. */
export async function conventionPdf(services: Services, user: CurrentUser, id: string) {
  const convention = await loadConvention(services.prisma, id);
  assertMayRead(user, convention);
  if (convention.finalPdfKey) {
    const file = await services.storage.get(convention.finalPdfKey);
    if (file) return { body: file.body, fileName: `${convention.reference}-signee.pdf` };
  }
  const version = convention.versions.find((v) => v.number === convention.version);
  if (version && convention.status !== 'DRAFT') {
    const file = await services.storage.get(version.pdfKey);
    if (file) return { body: file.body, fileName: `${convention.reference}-v${version.number}.pdf` };
    // Deleted at the end of the retention period (decision 009): a redrawn draft would pass for the document.
    throw new AppError('NOT_FOUND', 'Le PDF de cette convention n’est plus conservé (fin de la durée de conservation) ; son empreinte SHA-256 reste vérifiable sur la page Vérification.');
  }
  const { pdf } = await renderConvention(services, convention, parseTerms(convention.kind, convention.terms), { version: convention.version, draft: true });
  return { body: pdf, fileName: `${convention.reference}-projet.pdf` };
}

/** Final PDF through the personal link sent to signatories who have no account (legal representatives, tutors). */
export async function pdfForDownloadLink(services: Services, token: string) {
  const link = await services.prisma.conventionLink.findUnique({
    where: { tokenHash: sha256(token) },
    include: { signatory: { include: { convention: { select: { reference: true, finalPdfKey: true } } } } },
  });
  if (!link || link.purpose !== 'DOWNLOAD' || link.expiresAt <= services.clock.now()) {
    throw new AppError('NOT_FOUND', 'Ce lien de téléchargement n’est pas valide ou a expiré.');
  }
  const key = link.signatory.convention.finalPdfKey;
  const file = key ? await services.storage.get(key) : null;
  if (!file) throw new AppError('NOT_FOUND', 'Ce document est introuvable.');
  return { body: file.body, fileName: `${link.signatory.convention.reference}-signee.pdf` };
}

const EXPORT_LIMIT = 10_000;

/** The list as a spreadsheet, same visibility and filters as the page; no pupil's name (data minimisation). */
export async function exportConventions(services: Services, user: CurrentUser, filters: ConventionFilters) {
  const rows = await services.prisma.convention.findMany({
    where: conventionWhere(user, filters),
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: EXPORT_LIMIT,
    select: {
      reference: true,
      kind: true,
      status: true,
      version: true,
      templateId: true,
      templateVersion: true,
      startDate: true,
      endDate: true,
      signedAt: true,
      createdAt: true,
      match: { select: { need: { select: { title: true, organisation: { select: { name: true } } } }, offer: { select: { title: true, organisation: { select: { name: true } } } } } },
    },
  });
  const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
  return toCsv(
    ['référence', 'type', 'état', 'version', 'modèle', 'version du modèle', 'besoin', 'porteur du besoin', 'offre', 'porteur de l’offre', 'début', 'fin', 'signée le', 'créée le'],
    rows.map((row) => [
      row.reference,
      row.kind,
      statusLabels[row.status as ConventionStatus],
      row.version,
      row.templateId,
      row.templateVersion,
      row.match.need.title,
      row.match.need.organisation.name,
      row.match.offer.title,
      row.match.offer.organisation?.name ?? null,
      day(row.startDate),
      day(row.endDate),
      day(row.signedAt),
      day(row.createdAt),
    ]),
  );
}
