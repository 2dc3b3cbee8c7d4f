import { z } from 'zod';
import { renderEmail, type TemplateName, type TemplateProps } from '../../../emails/index';
import type { Clock } from '../clock';
import type { Prisma } from '../db/generated/client';
import { AppError } from '../errors';

export interface EmailRequest<Name extends TemplateName> {
  /** Same key, same email: e.g. "login:<tokenId>". */
  dedupeKey: string;
  to: string;
  template: Name;
  props: TemplateProps<Name>;
}

export interface PreparedEmail {
  dedupeKey: string;
  to: string;
  template: TemplateName;
  subject: string;
  html: string;
  text: string;
}

const envelope = z.object({
  dedupeKey: z.string().trim().min(1).max(200),
  // Also keeps CR/LF out of the headers the transports write.
  to: z.email(),
});

/**
 * Validates and renders, without touching the database. Call it before opening the transaction: rendering
 * takes milliseconds that would otherwise be spent holding the transaction's locks, and a template error
 * then fails the request before any change is made.
 */
export async function prepareEmail<Name extends TemplateName>(request: EmailRequest<Name>): Promise<PreparedEmail> {
  const checked = envelope.safeParse({ dedupeKey: request.dedupeKey, to: request.to.trim() });
  if (!checked.success) {
    throw new AppError('VALIDATION', `Destinataire ou clé d’e-mail invalide : ${checked.error.issues[0]?.message}`, {
      cause: checked.error,
    });
  }
  const rendered = await renderEmail(request.template, request.props);
  return { ...checked.data, template: request.template, ...rendered };
}

/**
 * Queues a prepared email inside the caller's transaction, so it exists if and only if the change that causes it
 * is committed. A second call with the same dedupeKey does nothing (ON CONFLICT DO NOTHING: a unique violation
 * would abort the caller's whole PostgreSQL transaction).
 */
export async function enqueuePrepared(
  tx: Prisma.TransactionClient,
  prepared: PreparedEmail,
  clock: Clock,
): Promise<{ enqueued: boolean }> {
  const now = clock.now();
  const { count } = await tx.outboxEmail.createMany({
    data: [{ ...prepared, createdAt: now, nextAttemptAt: now }],
    skipDuplicates: true,
  });
  return { enqueued: count === 1 };
}

/** prepareEmail + enqueuePrepared, for callers that only have the props once inside their transaction. */
export async function enqueueEmail<Name extends TemplateName>(
  tx: Prisma.TransactionClient,
  request: EmailRequest<Name>,
  clock: Clock,
): Promise<{ enqueued: boolean }> {
  return enqueuePrepared(tx, await prepareEmail(request), clock);
}
