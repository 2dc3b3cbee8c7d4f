import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { Database } from '../../app/.server/db/connection';
import { PrismaClient } from '../../app/.server/db/generated/client';
import { applyPendingMigrations, defaultMigrationsDir } from '../../app/.server/db/migrations';

/**
 * A throw-away in-memory database with every migration applied; close it in afterAll.
 *
 * A fresh PGlite costs an initdb plus the migrations (≈ 5–6 s); loading a dump of an already migrated one takes
 * about a second. The dump is kept in the system temp folder, keyed by the migrations' content, so every test
 * file and every run after the first starts from it.
 */
export async function createTestDatabase(): Promise<Database> {
  const pglite = await PGlite.create({ loadDataDir: await migratedTemplate(), extensions: { vector } });
  return pgliteDatabase(pglite);
}

/** A Database over an already open PGlite, closed with it. */
export function pgliteDatabase(pglite: PGlite): Database {
  const adapterFactory = new PrismaPGlite(pglite);
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    prisma,
    adapterFactory,
    target: { kind: 'pglite-memory' },
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let template: Promise<Blob> | undefined;

function migratedTemplate(): Promise<Blob> {
  template ??= (async () => {
    const file = path.join(os.tmpdir(), 'passerelles-test-db', `${migrationsFingerprint()}.tar`);
    if (fs.existsSync(file)) return new Blob([fs.readFileSync(file)]);
    const pglite = await PGlite.create({ extensions: { vector } });
    const db = pgliteDatabase(pglite);
    try {
      await applyPendingMigrations(db);
      const dump = await pglite.dumpDataDir('none');
      // Test files run in parallel processes: write aside, then rename, so nobody reads half a file.
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const partial = `${file}.${process.pid}.partial`;
      fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
      fs.renameSync(partial, file);
      return dump;
    } finally {
      await db.close();
    }
  })();
  return template;
}

/** Changes whenever a migration or the PGlite build changes. */
function migrationsFingerprint(): string {
  const hash = crypto.createHash('sha256');
  for (const pkg of ['@electric-sql/pglite', '@electric-sql/pglite-pgvector']) {
    hash.update(`${pkg}@${readVersion(pkg)}\n`);
  }
  for (const folder of fs.readdirSync(defaultMigrationsDir).sort()) {
    const file = path.join(defaultMigrationsDir, folder, 'migration.sql');
    if (fs.existsSync(file)) hash.update(`${folder}\n`).update(fs.readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

function readVersion(pkg: string): string {
  const manifest = path.join(repoRoot, 'node_modules', pkg, 'package.json');
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
}
