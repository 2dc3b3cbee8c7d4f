import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { localOutboxTransport, resendTransport, type OutgoingEmail } from './transports';

const email: OutgoingEmail = {
  id: 'cm3outbox0000abcd1234',
  from: 'Département du Gard <passerelles@gard.fr>',
  to: 'elodie.martin@exemple.fr',
  subject: 'Votre lien de connexion à Passerelles — « Économie sociale et solidaire » : ça marche !',
  html: '<p>Bonjour Élodie,</p><p><a href="https://passerelles.gard.fr/x?a=1&amp;b=2">Me connecter</a></p>',
  text: 'Bonjour Élodie,\n\nMe connecter : https://passerelles.gard.fr/x?a=1&b=2\n',
  createdAt: new Date('2026-11-28T19:42:05.123Z'),
};

/** A deliberately small, strict reader of what the transport writes: an independent decoder, not our encoder. */
function parseEml(raw: string) {
  const split = raw.indexOf('\r\n\r\n');
  const unfolded = raw.slice(0, split).replace(/\r\n[ \t]/g, ' ');
  const headers = new Map<string, string>();
  for (const line of unfolded.split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  const decodeWords = (value: string) =>
    value
      .replace(/\?=\s+=\?/g, '?==?')
      .replace(/=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=/gi, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));
  const boundary = /boundary="([^"]+)"/.exec(headers.get('content-type') ?? '')?.[1];
  const body = raw.slice(split + 4);
  const parts = (boundary ? body.split(`--${boundary}`) : [])
    .slice(1, -1)
    .map((chunk) => {
      const [head = '', content = ''] = chunk.replace(/^\r\n/, '').split('\r\n\r\n');
      const type = /content-type:\s*([^;\r\n]+)/i.exec(head)?.[1];
      const charset = /charset=([^;\r\n]+)/i.exec(head)?.[1];
      const encoding = /content-transfer-encoding:\s*(\S+)/i.exec(head)?.[1];
      expect(encoding?.toLowerCase()).toBe('base64');
      return { type, charset, content: Buffer.from(content.replace(/\r\n/g, ''), 'base64').toString('utf8') };
    });
  return { headers, decodeWords, parts, afterClose: boundary ? body.split(`--${boundary}--`)[1] : undefined };
}

describe('localOutboxTransport', () => {
  let root: string;
  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'passerelles-outbox-'));
  });
  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it('writes an RFC 5322 multipart/alternative .eml with encoded headers and both parts', async () => {
    const dir = path.join(root, 'not', 'yet', 'there');
    const { providerMessageId } = await localOutboxTransport(dir).send(email);

    const fileName = '2026-11-28T19-42-05-cm3outbox0000abcd1234.eml';
    expect(providerMessageId).toBe(`local:${fileName}`);
    expect(await fs.readdir(dir)).toEqual([fileName]);
    const raw = await fs.readFile(path.join(dir, fileName), 'utf8');

    expect(raw).toMatch(/^[\r\n -~]*$/);
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of raw.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);

    const eml = parseEml(raw);
    expect(eml.decodeWords(eml.headers.get('subject') ?? '')).toBe(email.subject);
    expect(eml.headers.get('subject')).toMatch(/^=\?UTF-8\?B\?/);
    expect(eml.decodeWords(eml.headers.get('from') ?? '')).toBe('Département du Gard <passerelles@gard.fr>');
    expect(eml.headers.get('to')).toBe(email.to);
    expect(eml.headers.get('mime-version')).toBe('1.0');
    expect(eml.headers.get('message-id')).toBe(`<${email.id}@passerelles.local>`);
    expect(new Date(eml.headers.get('date') ?? '').getTime()).toBe(Date.parse('2026-11-28T19:42:05Z'));
    expect(eml.headers.get('date')).toMatch(/^Sat, 28 Nov 2026 19:42:05 \+0000$/);
    expect(eml.headers.get('content-type')).toMatch(/^multipart\/alternative; boundary="/);

    expect(eml.parts).toEqual([
      { type: 'text/plain', charset: 'UTF-8', content: email.text },
      { type: 'text/html', charset: 'UTF-8', content: email.html },
    ]);
    expect(eml.afterClose).toBe('\r\n');
  });

  it('keeps a plain ASCII subject and a bare address readable', async () => {
    const { providerMessageId } = await localOutboxTransport(root).send({
      ...email,
      from: 'passerelles@gard.fr',
      subject: 'Hello',
    });
    const raw = await fs.readFile(path.join(root, providerMessageId.replace(/^local:/, '')), 'utf8');
    expect(raw).toContain('\r\nSubject: Hello\r\n');
    expect(raw).toContain('\r\nFrom: passerelles@gard.fr\r\n');
  });

  it('overwrites the same file when the same email is sent again', async () => {
    const transport = localOutboxTransport(root);
    const first = await transport.send(email);
    const second = await transport.send({ ...email, text: 'Deuxième essai' });

    expect(second).toEqual(first);
    expect(await fs.readdir(root)).toEqual([first.providerMessageId.replace(/^local:/, '')]);
    const eml = parseEml(await fs.readFile(path.join(root, first.providerMessageId.replace(/^local:/, '')), 'utf8'));
    expect(eml.parts[0]?.content).toBe('Deuxième essai');
  });

  it('refuses ids that could leave the folder and headers that could inject others', async () => {
    const transport = localOutboxTransport(path.join(root, 'outbox'));
    await expect(transport.send({ ...email, id: '../evil' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(transport.send({ ...email, subject: 'Bonjour\r\nBcc: x@y.fr' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    expect(await fs.readdir(root)).toEqual([]);
  });
});

describe('resendTransport', () => {
  interface Received {
    method?: string;
    url?: string;
    headers: http.IncomingHttpHeaders;
    body: string;
  }
  let received: Received[] = [];
  let reply: { status: number; body: string } = { status: 200, body: '{}' };
  let server: http.Server;
  let baseUrl: string;

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({
          method: request.method,
          url: request.url,
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        response.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body);
      });
    });
    server.requestTimeout = 5_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    received = [];
  });

  it('posts the email with the API key and the outbox id as idempotency key', async () => {
    reply = { status: 200, body: JSON.stringify({ id: 're_4ef9a417' }) };
    const transport = resendTransport({ apiKey: 're_test_key', baseUrl: `${baseUrl}/` });

    await expect(transport.send(email)).resolves.toEqual({ providerMessageId: 're_4ef9a417' });

    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/emails');
    expect(request?.headers.authorization).toBe('Bearer re_test_key');
    expect(request?.headers['idempotency-key']).toBe(email.id);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({
      from: email.from,
      to: email.to,
      subject: email.subject,
      html: email.html,
      text: email.text,
    });
  });

  it('throws the provider’s message when Resend refuses the email', async () => {
    reply = {
      status: 422,
      body: JSON.stringify({ statusCode: 422, name: 'validation_error', message: 'Invalid `to` field.' }),
    };
    const sending = resendTransport({ apiKey: 're_test_key', baseUrl }).send(email);
    await expect(sending).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringContaining('Invalid `to` field.'),
    });
    expect(received).toHaveLength(1);
  });

  it('throws when the server answers without an email id', async () => {
    reply = { status: 200, body: '{}' };
    await expect(resendTransport({ apiKey: 're_test_key', baseUrl }).send(email)).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
  });

  it('throws when the server cannot be reached', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(
      resendTransport({ apiKey: 're_test_key', baseUrl: `http://127.0.0.1:${port}` }).send(email),
    ).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});
