/** RFC 5322 / MIME serialisation of one outgoing email, for the local outbox. */
import { AppError } from '../errors';

/** One email as the transports receive it from the outbox worker. */
export interface OutgoingEmail {
  /** The outbox row id: the provider's idempotency key and the local file name. */
  id: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** When the email was queued: the RFC 5322 Date (the moment it was "ready to enter the delivery system"). */
  createdAt: Date;
}

const CRLF = '\r\n';

/** Outbox ids go into a file name, a MIME boundary and the Message-ID: only cuid-like characters are allowed. */
export function assertOutboxId(id: string): void {
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(id)) throw new AppError('VALIDATION', `Identifiant d’e-mail invalide : ${JSON.stringify(id)}`);
}

function assertSingleLine(name: string, value: string): void {
  if (/[\r\n]/.test(value)) throw new AppError('VALIDATION', `En-tête ${name} invalide : retour à la ligne interdit`);
}

const isPlainAscii = (value: string) => /^[\x20-\x7e]*$/.test(value);

/**
 * The header value as foldable tokens. Non-ASCII text becomes RFC 2047 encoded-words (UTF-8, base64) of at most
 * 39 bytes each (64 characters with the wrapper, so "Subject: " + one word fits in 76) that never split a character.
 */
function headerTokens(value: string): string[] {
  if (isPlainAscii(value)) return value.split(' ');
  const words: string[] = [];
  let chunk = '';
  for (const char of value) {
    if (Buffer.byteLength(chunk + char) > 39) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word).toString('base64')}?=`);
}

/** "Name <address>" with the name quoted or encoded; a bare address is kept as it is. */
function mailboxTokens(value: string): string[] {
  const match = /^\s*(.*?)\s*<([^<>\s]+)>\s*$/.exec(value);
  if (!match?.[1] || !match[2]) return [value.trim()];
  const [, name, address] = match;
  const displayName = isPlainAscii(name) ? [`"${name.replace(/^"|"$/g, '').replace(/["\\]/g, '\\$&')}"`] : headerTokens(name);
  return [...displayName, `<${address}>`];
}

/** Joins the tokens with spaces, folding before a token that would take the line past 76 characters (RFC 2047). */
function header(name: string, tokens: string[]): string {
  const lines: string[] = [];
  let line = `${name}:`;
  for (const token of tokens) {
    if (line.length + 1 + token.length > 76 && line !== `${name}:`) {
      lines.push(line);
      line = '';
    }
    line += ` ${token}`;
  }
  lines.push(line);
  return lines.join(CRLF);
}

/** RFC 5322 date in UTC: "Sat, 28 Nov 2026 19:42:00 +0000". */
function formatDate(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}

function base64Lines(content: string): string {
  return (Buffer.from(content, 'utf8').toString('base64').match(/.{1,76}/g) ?? []).join(CRLF);
}

function part(contentType: string, content: string): string {
  return [
    `Content-Type: ${contentType}; charset=UTF-8`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(content),
  ].join(CRLF);
}

export function formatEml(email: OutgoingEmail): string {
  assertOutboxId(email.id);
  for (const [name, value] of Object.entries({ From: email.from, To: email.to, Subject: email.subject })) {
    assertSingleLine(name, value);
  }
  // "=_" cannot occur in base64 bodies, so the boundary never collides with the content.
  const boundary = `=_passerelles_${email.id}`;
  const headers = [
    `Date: ${formatDate(email.createdAt)}`,
    header('From', mailboxTokens(email.from)),
    header('To', mailboxTokens(email.to)),
    header('Subject', headerTokens(email.subject)),
    `Message-ID: <${email.id}@passerelles.local>`,
    `X-Passerelles-Outbox-Id: ${email.id}`,
    'MIME-Version: 1.0',
    header('Content-Type', ['multipart/alternative;', `boundary="${boundary}"`]),
  ];
  return [
    ...headers,
    '',
    `--${boundary}`,
    part('text/plain', email.text),
    `--${boundary}`,
    part('text/html', email.html),
    `--${boundary}--`,
    '',
  ].join(CRLF);
}
