import type { OutboxStatus, PrismaClient } from '../db/generated/client';
import { AppError } from '../errors';

/** Data for the /outbox page, which exists only while emails go to the local outbox instead of Resend. */
export interface LocalOutboxEntry {
  id: string;
  to: string;
  subject: string;
  template: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  /** Name of the .eml file in the outbox folder, once written. */
  emlFile: string | null;
}

export interface LocalOutboxEmail extends LocalOutboxEntry {
  html: string;
  text: string;
}

export interface LocalOutboxPage {
  emails: LocalOutboxEntry[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

const MAX_PAGE_SIZE = 100;

const summary = {
  id: true,
  to: true,
  subject: true,
  template: true,
  status: true,
  attempts: true,
  lastError: true,
  createdAt: true,
  sentAt: true,
  providerMessageId: true,
} as const;

function withEmlFile<Row extends { providerMessageId: string | null }>({ providerMessageId, ...row }: Row) {
  return { ...row, emlFile: providerMessageId?.startsWith('local:') ? providerMessageId.slice('local:'.length) : null };
}

/** Page numbers come from the query string: anything odd falls back to the nearest valid page rather than failing. */
const clamp = (value: number, min: number, max: number) =>
  Number.isFinite(value) ? Math.min(Math.max(Math.trunc(value), min), max) : min;

export async function listLocalOutbox(
  prisma: PrismaClient,
  options: { page: number; pageSize: number },
): Promise<LocalOutboxPage> {
  const pageSize = clamp(options.pageSize, 1, MAX_PAGE_SIZE);
  const total = await prisma.outboxEmail.count();
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = clamp(options.page, 1, pageCount);
  const rows = await prisma.outboxEmail.findMany({
    select: summary,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: (page - 1) * pageSize,
    take: pageSize,
  });
  return { emails: rows.map(withEmlFile), total, page, pageSize, pageCount };
}

export async function getLocalOutboxEmail(prisma: PrismaClient, id: string): Promise<LocalOutboxEmail> {
  const row = await prisma.outboxEmail.findUnique({ where: { id }, select: { ...summary, html: true, text: true } });
  if (!row) throw new AppError('NOT_FOUND', 'Cet e-mail n’existe pas dans la boîte d’envoi locale.');
  return withEmlFile(row);
}
