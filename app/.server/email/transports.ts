import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Resend } from 'resend';
import { AppError } from '../errors';
import { assertOutboxId, formatEml, type OutgoingEmail } from './eml';

export type { OutgoingEmail };


export interface EmailTransport {
  send(email: OutgoingEmail): Promise<{ providerMessageId: string }>;
}

const RESEND_TIMEOUT_MS = 30_000;

export function resendTransport({ apiKey, baseUrl }: { apiKey: string; baseUrl?: string }): EmailTransport {
  // Passed explicitly so the app's validated configuration, not a stray RESEND_BASE_URL, decides the endpoint.
  const resend = new Resend(apiKey, { baseUrl: (baseUrl ?? 'https://api.resend.com').replace(/\/+$/, '') });
  return {
    async send(email) {
      const { data, error } = await resend.emails.send(
        { from: email.from, to: email.to, subject: email.subject, html: email.html, text: email.text },
        // A retry after a crash between sending and marking SENT reuses the key, so Resend does not send twice.
        { idempotencyKey: email.id, signal: AbortSignal.timeout(RESEND_TIMEOUT_MS) },
      );
      if (error) {
        throw new AppError('UNAVAILABLE', `Resend : ${error.message} (${error.name}, HTTP ${error.statusCode ?? '—'})`);
      }
      if (!data?.id) throw new AppError('UNAVAILABLE', 'Resend : réponse sans identifiant de message');
      return { providerMessageId: data.id };
    },
  };
}

/** "2026-11-28T19-42-05": sortable, and legal in file names everywhere. */
function fileTimestamp(date: Date): string {
  return date.toISOString().slice(0, 19).replaceAll(':', '-');
}

/** Writes each email as a .eml file that any mail client opens. The name depends only on the row, so a retry overwrites. */
export function localOutboxTransport(dir: string): EmailTransport {
  return {
    async send(email) {
      assertOutboxId(email.id);
      const fileName = `${fileTimestamp(email.createdAt)}-${email.id}.eml`;
      const content = formatEml(email);
      await fs.mkdir(dir, { recursive: true });
      // Written aside then renamed, so a crash never leaves a half-written email under the final name.
      const temporary = path.join(dir, `.${fileName}.${randomUUID()}.tmp`);
      try {
        await fs.writeFile(temporary, content, 'utf8');
        await fs.rename(temporary, path.join(dir, fileName));
      } finally {
        await fs.rm(temporary, { force: true });
      }
      return { providerMessageId: `local:${fileName}` };
    },
  };
}
