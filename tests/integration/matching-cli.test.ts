import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../app/.server/db/connection';

const example = path.resolve('tests/fixtures/exchange-example.json');

/** Runs the command line as people do; asynchronous so the test runner stays responsive. */
function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'app/.server/cli/matching.ts', ...args], {
      env: { ...process.env, ...env },
      timeout: 120_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function tempFile(content: unknown): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'passerelles-cli-')), 'input.json');
  fs.writeFileSync(file, JSON.stringify(content));
  return file;
}

describe('npm run matching', () => {
  it('rank: prints only JSON, one entry per need, each offer with a score and French reasons', async () => {
    const { code, stdout } = await cli(['rank', '--input', example, '--top', '10']);
    expect(code).toBe(0);
    const { rankings } = JSON.parse(stdout) as { rankings: Record<string, { offerId: string; score: number; reasons: string[] }[]> };
    expect(Object.keys(rankings).sort()).toEqual(['n-1', 'n-2', 'n-3']);
    expect(rankings['n-1']?.map((r) => r.offerId)).toEqual(['o-1']);
    expect(rankings['n-2']?.map((r) => r.offerId)).toEqual(['o-2']);
    expect(rankings['n-3']?.map((r) => r.offerId)).toEqual(['o-3']);
    for (const entries of Object.values(rankings)) {
      for (const entry of entries) {
        expect(entry.score).toBeGreaterThan(0);
        expect(entry.score).toBeLessThanOrEqual(1.1);
        expect(entry.reasons.length).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('rank: an ineligible need gets an empty list, and offers breaking a constraint are never listed', async () => {
    const input = JSON.parse(fs.readFileSync(example, 'utf8')) as { needs: Record<string, unknown>[]; offers: Record<string, unknown>[] };
    input.needs[0] = { ...input.needs[0], requesterEligibleMecenat: false };
    input.needs[1] = { ...input.needs[1], minSurfaceM2: 400 };
    const { code, stdout } = await cli(['rank', '--input', tempFile(input)]);
    expect(code).toBe(0);
    const { rankings } = JSON.parse(stdout) as { rankings: Record<string, unknown[]> };
    expect(rankings['n-1']).toEqual([]);
    expect(rankings['n-2']).toEqual([]);
    expect(rankings['n-3']).toHaveLength(1);
  });

  it('a bad file gets an error naming the field, exit code 2 and nothing on stdout', async () => {
    const bad = tempFile({ offers: [{ id: 'x', kind: 'lieu', title: 'Hangar', commune: '30189', propertyType: 'batiment', surfaceM2: 'grand' }] });
    const result = await cli(['rank', '--input', bad]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('offers[0].surfaceM2');

    const notJson = path.join(path.dirname(bad), 'broken.json');
    fs.writeFileSync(notJson, '{ "offers": [');
    expect((await cli(['rank', '--input', notJson])).code).toBe(2);
    expect((await cli(['rank'])).stderr).toContain('input');
    expect((await cli(['classer', '--input', bad])).code).toBe(2);
  });

  it('allocate: places pupils and explains each one', async () => {
    const { code, stdout } = await cli(['allocate', '--input', example]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { assignments: Record<string, string | null>; reasons: Record<string, string[]> };
    expect(result.assignments).toEqual({ 'p-1': 'o-3', 'p-2': null });
    expect(result.reasons['p-1']?.join(' ')).toContain('1er vœu');
    expect(result.reasons['p-2']?.join(' ')).toContain('15 km');
  });

  it('import: loads a file into the database, all or nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelles-import-'));
    const env = { PGLITE_DIR: path.join(dir, 'pglite') };
    const invalid = JSON.parse(fs.readFileSync(example, 'utf8')) as { needs: Record<string, unknown>[] };
    invalid.needs.push({ ...invalid.needs[0], id: 'n-9', commune: '30999' });
    const refused = await cli(['import', '--input', tempFile(invalid)], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('needs[3].commune');

    expect((await cli(['import', '--input', example], env)).code).toBe(0);
    const db = await openDatabase({ kind: 'pglite', dir: env.PGLITE_DIR });
    try {
      expect(await db.prisma.offer.count()).toBe(3);
      expect(await db.prisma.need.count()).toBe(3);
      expect(await db.prisma.offer.count({ where: { embeddingModel: 'local:lexical-fr:384' } })).toBe(3);
    } finally {
      await db.close();
    }
  });
});
