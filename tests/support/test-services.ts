import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixedClock } from '../../app/.server/clock';
import type { Database } from '../../app/.server/db/connection';
import { parseEnv } from '../../app/.server/env';
import type { Services } from '../../app/.server/services';
import { createServices } from '../../app/.server/wiring';

/** Real services on a test database, with a fixed clock and files in a temp folder. */
export function createTestServices(db: Database, options: { now?: Date; env?: Record<string, string> } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelles-services-'));
  const env = parseEnv({
    STORAGE_DIR: path.join(dir, 'files'),
    OUTBOX_DIR: path.join(dir, 'outbox'),
    PGLITE_DIR: path.join(dir, 'pglite'),
    ...options.env,
  });
  const clock = fixedClock(options.now ?? new Date('2026-11-28T10:00:00Z'));
  const services: Services = createServices(env, db, clock);
  return { services, clock };
}

/** A browser-like request carrying a session cookie. */
export function requestWithCookie(url: string, cookie: string | null, init: RequestInit = {}): Request {
  const headers = new Headers(init.headers);
  if (cookie) headers.set('Cookie', cookie.split(';')[0] ?? '');
  return new Request(new URL(url, 'http://127.0.0.1:3000'), { ...init, headers });
}
