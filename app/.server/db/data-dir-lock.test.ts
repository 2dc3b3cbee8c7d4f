import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { acquireDataDirLock } from './data-dir-lock';

const lockModule = fileURLToPath(new URL('./data-dir-lock.ts', import.meta.url));
const children: ChildProcess[] = [];

/** Another process holding the lock, as a second `npm start` would. */
async function holdLockInChild(dir: string): Promise<ChildProcess> {
  const script = `import { acquireDataDirLock } from ${JSON.stringify(lockModule)};
acquireDataDirLock(${JSON.stringify(dir)}); console.log('locked'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
    child.on('exit', (code) => reject(new Error(`child exited ${code}`)));
  });
  return child;
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

function tempDir() {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'passerelles-lock-')), 'pglite');
}

describe('acquireDataDirLock', () => {
  it('refuses a second process with a message naming the holder, and recovers after SIGKILL', async () => {
    const dir = tempDir();
    const child = await holdLockInChild(dir);

    let refusal: unknown;
    try {
      acquireDataDirLock(dir);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).message).toContain(`processus ${child.pid}`);
    expect((refusal as AppError).message).toContain('in use');

    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const release = acquireDataDirLock(dir);
    expect(JSON.parse(fs.readFileSync(`${dir}.lock`, 'utf8')).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });

  it('can be taken again after a clean release', () => {
    const dir = tempDir();
    acquireDataDirLock(dir)();
    const release = acquireDataDirLock(dir);
    expect(fs.existsSync(`${dir}.lock`)).toBe(true);
    release();
  });
});
