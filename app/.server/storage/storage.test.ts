import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileStorage } from './file-storage';
import { localFileStorage } from './local-storage';
import { s3FileStorage } from './s3-storage';

/** A minimal S3 stand-in: keeps objects in memory and insists on SigV4-signed requests. */
function fakeS3() {
  const objects = new Map<string, { body: Buffer; type: string }>();
  const seen: { method: string; url: string; authorization: string }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const authorization = req.headers.authorization ?? '';
      seen.push({ method: req.method ?? '', url: req.url ?? '', authorization });
      if (!authorization.startsWith('AWS4-HMAC-SHA256 Credential=test-key/')) {
        res.writeHead(403).end('missing signature');
        return;
      }
      const key = req.url ?? '';
      if (req.method === 'PUT') {
        objects.set(key, { body: Buffer.concat(chunks), type: req.headers['content-type'] ?? '' });
        res.writeHead(200).end();
      } else if (req.method === 'GET') {
        const object = objects.get(key);
        if (!object) res.writeHead(404).end();
        else res.writeHead(200, { 'content-type': object.type }).end(object.body);
      } else if (req.method === 'DELETE') {
        objects.delete(key);
        res.writeHead(204).end();
      } else {
        res.writeHead(405).end();
      }
    });
  });
  return { server, objects, seen };
}

const s3 = fakeS3();
let endpoint = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => s3.server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(s3.server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => s3.server.close(() => resolve())));

const photo = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);

async function roundTrip(storage: FileStorage) {
  expect(await storage.get('photos/abc/1.jpg')).toBeNull();
  await storage.put('photos/abc/1.jpg', photo, 'image/jpeg');
  const stored = await storage.get('photos/abc/1.jpg');
  expect(stored?.contentType).toBe('image/jpeg');
  expect([...(stored?.body ?? [])]).toEqual([...photo]);
  await storage.delete('photos/abc/1.jpg');
  expect(await storage.get('photos/abc/1.jpg')).toBeNull();
}

describe('file storage', () => {
  it('local folder: writes, reads back and deletes', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelles-files-'));
    await roundTrip(localFileStorage(root));
  });

  it('S3-compatible: signed requests, path-style bucket URLs', async () => {
    const storage = s3FileStorage({
      endpoint,
      bucket: 'passerelles',
      region: 'fr-par',
      accessKeyId: 'test-key',
      secretAccessKey: 'test-secret',
    });
    await roundTrip(storage);
    expect(s3.seen.map((request) => `${request.method} ${request.url}`)).toContain('PUT /passerelles/photos/abc/1.jpg');
    expect(s3.seen.every((request) => request.authorization.includes('/fr-par/s3/aws4_request'))).toBe(true);
  });

  it('refuses keys that could escape the storage root', async () => {
    const storage = localFileStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'passerelles-files-')));
    await expect(storage.put('../etc/passwd', photo, 'text/plain')).rejects.toThrow('Invalid storage key');
    await expect(storage.get('/absolute')).rejects.toThrow('Invalid storage key');
  });
});
