import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Runs the real start script against the built app (npm test builds before running this suite).
const startScript = path.resolve('app/.server/cli/start.ts');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelles-process-'));
const running: ChildProcess[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface App {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startApp(port: number | string, extraEnv: Record<string, string> = {}): App {
  const child = spawn(process.execPath, ['--import', 'tsx', startScript], {
    env: {
      ...process.env,
      ...extraEnv,
      PORT: String(port),
      PGLITE_DIR: path.join(dataDir, 'pglite'),
      OUTBOX_DIR: path.join(dataDir, 'outbox'),
      STORAGE_DIR: path.join(dataDir, 'files'),
      DEMO_MODE: 'true',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitUntilReady(app: App, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.output().includes('Passerelles est prêt')) return;
    if (app.child.exitCode !== null) throw new Error(`app exited early:\n${app.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`app not ready in time:\n${app.output()}`);
}

afterAll(() => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('the app process on its embedded database', () => {
  it('stops at start-up on invalid configuration, naming each bad variable', async () => {
    const app = startApp('pas-un-port', { APP_URL: 'nulle part', AGENT_EMAIL_DOMAINS: 'gard' });
    expect(await app.exited).toBe(1);
    for (const variable of ['PORT', 'APP_URL', 'AGENT_EMAIL_DOMAINS']) expect(app.output()).toContain(variable);
    expect(app.output()).toContain('Configuration invalide / invalid configuration');
    expect(fs.existsSync(path.join(dataDir, 'pglite'))).toBe(false);
  });

  it('refuses a second instance on the same folder, and loses nothing when killed with SIGKILL', async () => {
    const port = await freePort();
    const first = startApp(port);
    await waitUntilReady(first);
    const base = `http://127.0.0.1:${port}`;

    const signIn = await fetch(`${base}/connexion?index`, {
      method: 'POST',
      body: new URLSearchParams({ email: 'survivant@exemple.org', redirectTo: '/compte' }),
    });
    expect(signIn.status).toBe(200);
    expect(await (await fetch(`${base}/outbox`)).text()).toContain('survivant@exemple.org');

    const second = startApp(await freePort());
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`in use by pid ${first.child.pid}`);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    first.child.kill('SIGKILL');
    await first.exited;

    const third = startApp(port);
    await waitUntilReady(third);
    expect(third.output()).toContain('Données de démonstration déjà présentes');
    expect(await (await fetch(`${base}/outbox`)).text()).toContain('survivant@exemple.org');

    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false);
  });
});
