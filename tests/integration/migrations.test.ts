import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database, type DatabaseTarget } from '../../app/.server/db/connection';
import {
  applyPendingMigrations,
  createMigration,
  defaultMigrationsDir,
  defaultSchemaPath,
  migrationStatus,
  resetDatabase,
} from '../../app/.server/db/migrations';
import { AppError } from '../../app/.server/errors';
import { createTestDatabase, pgliteDatabase } from '../support/test-database';

const migrationNames = fs
  .readdirSync(defaultMigrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelles-migrations-'));
  tempDirs.push(dir);
  return dir;
}

function writeMigrations(dir: string, migrations: Record<string, string>): string {
  fs.writeFileSync(path.join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n');
  for (const [name, sql] of Object.entries(migrations)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

let emptyDump: Promise<Blob> | undefined;

/** A fresh in-memory PGlite with pgvector and no migration, loaded from a dump to pay for initdb only once. */
async function freshPglite(): Promise<PGlite> {
  emptyDump ??= PGlite.create({ extensions: { vector } }).then(async (pglite) => {
    const dump = await pglite.dumpDataDir('none');
    await pglite.close();
    return dump;
  });
  return PGlite.create({ loadDataDir: await emptyDump, extensions: { vector } });
}

/** An in-memory PGlite with pgvector served over the PostgreSQL wire protocol, reached with PrismaPg. */
async function servedPglite(): Promise<{ db: Database; stop(): Promise<void> }> {
  const pglite = await freshPglite();
  const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections: 10 });
  await server.start();
  const db = await openDatabase({ kind: 'postgres', url: `postgresql://postgres@${server.getServerConn()}/postgres` });
  return {
    db,
    stop: async () => {
      await db.close();
      await server.stop();
      await pglite.close();
    },
  };
}

async function tableNames(db: Database): Promise<string[]> {
  const rows = await db.prisma.$queryRaw<Array<{ table_name: string }>>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`;
  return rows.map((row) => row.table_name);
}

async function migrationRows(db: Database) {
  return db.prisma.$queryRaw<Array<{ migration_name: string; finished_at: Date | null; logs: string | null }>>`
    SELECT migration_name, finished_at, logs FROM _prisma_migrations ORDER BY started_at`;
}

const commune = {
  code: '30189',
  name: 'Nîmes',
  postcodes: ['30000', '30900'],
  population: 148104,
  lat: 43.84,
  lon: 4.36,
};

afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the repository migrations', () => {
  it('exist and enable pgvector', () => {
    expect(migrationNames.length).toBeGreaterThan(0);
    const first = fs.readFileSync(path.join(defaultMigrationsDir, migrationNames[0] ?? '', 'migration.sql'), 'utf8');
    expect(first).toContain('CREATE EXTENSION IF NOT EXISTS "vector"');
  });

  it('apply to a fresh in-memory PGlite, and a second apply is a no-op', async () => {
    const db = pgliteDatabase(await freshPglite());
    try {
      const lines: string[] = [];
      expect(await applyPendingMigrations(db, { log: (line) => lines.push(line) })).toEqual({
        applied: migrationNames,
      });
      expect(lines).toEqual(migrationNames.map((name) => `Migration appliquée : ${name}`));

      expect(await tableNames(db)).toEqual(
        expect.arrayContaining([
          '_prisma_migrations',
          'Commune',
          'Organisation',
          'User',
          'Offer',
          'Need',
          'Match',
          'OutboxEmail',
        ]),
      );
      const extensions = await db.prisma.$queryRaw<Array<{ extname: string }>>`SELECT extname FROM pg_extension`;
      expect(extensions.map((row) => row.extname)).toContain('vector');
      // The embedding column really is a pgvector column.
      await db.prisma
        .$executeRaw`INSERT INTO "Commune" (code, name, population, lat, lon) VALUES ('30189', 'Nîmes', 1, 0, 0)`;
      await db.prisma.$executeRaw`INSERT INTO "User" (id, email) VALUES ('u1', 'a@gard.fr')`;
      await db.prisma.$executeRaw`
        INSERT INTO "Offer" (id, kind, title, description, "ownerId", "communeCode", "updatedAt", embedding)
        VALUES ('o1', 'LIEU', 't', 'd', 'u1', '30189', now(), '[1,0,0]'::vector)`;

      expect(await applyPendingMigrations(db)).toEqual({ applied: [] });
      expect(await migrationStatus(db)).toEqual({
        applied: migrationNames,
        pending: [],
        failed: [],
        edited: [],
        unknown: [],
      });
    } finally {
      await db.close();
    }
  });

  it('apply over the PostgreSQL wire protocol with PrismaPg, from the same folder', async () => {
    const served = await servedPglite();
    try {
      expect(await applyPendingMigrations(served.db)).toEqual({ applied: migrationNames });

      const rows = await migrationRows(served.db);
      expect(rows.map((row) => row.migration_name)).toEqual(migrationNames);
      expect(rows.every((row) => row.finished_at !== null)).toBe(true);

      await served.db.prisma.commune.create({ data: commune });
      expect(await served.db.prisma.commune.findUnique({ where: { code: '30189' } })).toMatchObject({ name: 'Nîmes' });
      expect(await applyPendingMigrations(served.db)).toEqual({ applied: [] });
    } finally {
      await served.stop();
    }
  });

  it("report a broken PostgreSQL connection with the driver's own message", async () => {
    // Not a PostgreSQL server: pg fails with a plain Error, which the engine only knows as "External error id#N".
    const server = net.createServer((socket) => socket.end('not postgres'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    const db = await openDatabase({ kind: 'postgres', url: `postgresql://postgres@127.0.0.1:${port}/postgres` });
    try {
      const error = await applyPendingMigrations(db).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'UNAVAILABLE' });
      expect((error as AppError).message).toMatch(/^Base de données injoignable pour les migrations : \S/);
      expect((error as AppError).message).not.toContain('External error');
    } finally {
      await db.close();
      server.close();
    }
  });

  it('survive closing and reopening a PGlite data folder', async () => {
    const target: DatabaseTarget = { kind: 'pglite', dir: path.join(tempDir(), 'pglite') };
    const first = await openDatabase(target);
    try {
      expect((await applyPendingMigrations(first)).applied).toEqual(migrationNames);
      await first.prisma.commune.create({ data: commune });
    } finally {
      await first.close();
    }

    const reopened = await openDatabase(target);
    try {
      expect(await reopened.prisma.commune.findUnique({ where: { code: '30189' } })).toMatchObject({
        population: 148104,
      });
      expect(await applyPendingMigrations(reopened)).toEqual({ applied: [] });
    } finally {
      await reopened.close();
    }
  });

  it('reset empties the database and applies every migration again', async () => {
    const db = pgliteDatabase(await freshPglite());
    try {
      await applyPendingMigrations(db);
      await db.prisma.commune.create({ data: commune });
      await db.prisma.$executeRaw`CREATE TABLE leftover (id int)`;

      expect(await resetDatabase(db)).toEqual({ applied: migrationNames });
      expect(await db.prisma.commune.count()).toBe(0);
      expect(await tableNames(db)).not.toContain('leftover');
    } finally {
      await db.close();
    }
  });
});

describe.each([
  [
    'PGlite',
    async () => {
      const db = pgliteDatabase(await freshPglite());
      return { db, stop: () => db.close() };
    },
  ],
  ['PrismaPg over the wire protocol', servedPglite],
])('a failing migration on %s', (_label, open) => {
  const failing = '20250102000000_broken';

  it('is reported by name, recorded as failed, rolled back, and blocks later applies', async () => {
    const migrationsDir = writeMigrations(tempDir(), {
      // The ";" inside the string checks that scripts are not split on semicolons.
      '20250101000000_valid': `CREATE TABLE "Thing" (id INTEGER PRIMARY KEY);\nCOMMENT ON TABLE "Thing" IS 'a; b';\n`,
      [failing]: 'CREATE TABLE "Other" (id INTEGER);\nCREATE TABLE broken (;\n',
    });
    const { db, stop } = await open();
    try {
      const error = await applyPendingMigrations(db, { migrationsDir }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('UNAVAILABLE');
      expect((error as AppError).message).toMatch(new RegExp(`La migration « ${failing} » a échoué : .*syntax error`));

      const rows = await migrationRows(db);
      expect(rows.map((row) => [row.migration_name, row.finished_at !== null])).toEqual([
        ['20250101000000_valid', true],
        [failing, false],
      ]);
      expect(rows[1]?.logs).toContain('syntax error');
      expect(await tableNames(db)).toContain('Thing');
      expect(await tableNames(db)).not.toContain('Other');

      const blocked = await applyPendingMigrations(db, { migrationsDir }).catch((caught: unknown) => caught);
      expect(blocked).toBeInstanceOf(AppError);
      expect((blocked as AppError).message).toContain(`Migration(s) en échec dans la base : ${failing}.`);
      expect(await migrationStatus(db, { migrationsDir })).toMatchObject({
        applied: ['20250101000000_valid'],
        failed: [failing],
      });
    } finally {
      await stop();
    }
  });
});

describe('createMigration', () => {
  function copyOfRepositoryMigrations(): string {
    const dir = path.join(tempDir(), 'migrations');
    fs.cpSync(defaultMigrationsDir, dir, { recursive: true });
    return dir;
  }
  const listing = (dir: string) => fs.readdirSync(dir).sort();

  it('writes nothing when the schema matches the migrations', async () => {
    const migrationsDir = copyOfRepositoryMigrations();
    const before = listing(migrationsDir);
    const lines: string[] = [];
    expect(await createMigration('nothing_to_do', { migrationsDir, log: (line) => lines.push(line) })).toBeNull();
    expect(listing(migrationsDir)).toEqual(before);
    expect(lines.at(-1)).toMatch(/^Aucun changement/);
  });

  it('never drops the hnsw_ indexes made by hand', async () => {
    const migrationsDir = copyOfRepositoryMigrations();
    // The engine ignores expression indexes, but proposes to drop an index on a plain column it cannot describe.
    writeMigrations(migrationsDir, {
      '29990101000000_hnsw': [
        'ALTER TABLE "Offer" ALTER COLUMN "embedding" TYPE vector(3);',
        'CREATE INDEX "hnsw_offer_test" ON "Offer" USING hnsw ("embedding" vector_cosine_ops);',
        `CREATE INDEX "hnsw_need_test" ON "Need" USING hnsw (("embedding"::vector(3)) vector_cosine_ops) WHERE "embeddingModel" = 'test';`,
        '',
      ].join('\n'),
    });
    expect(await createMigration('after_hnsw', { migrationsDir })).toBeNull();
  });

  it('writes the SQL for a schema change into a timestamped folder that applies cleanly', async () => {
    const migrationsDir = copyOfRepositoryMigrations();
    const schemaPath = path.join(tempDir(), 'schema.prisma');
    fs.writeFileSync(
      schemaPath,
      `${fs.readFileSync(defaultSchemaPath, 'utf8')}\nmodel Extra {\n  id   String @id\n  note String?\n}\n`,
    );

    const created = await createMigration('add_extra', { migrationsDir, schemaPath });
    expect(created?.name).toMatch(/^\d{14}_add_extra$/);
    const sql = fs.readFileSync(created?.file ?? '', 'utf8');
    expect(sql).toContain('CREATE TABLE "Extra"');
    expect(sql).not.toContain('DROP');

    const db = pgliteDatabase(await freshPglite());
    try {
      expect((await applyPendingMigrations(db, { migrationsDir, schemaPath })).applied).toEqual([
        ...migrationNames,
        created?.name,
      ]);
      expect(await tableNames(db)).toContain('Extra');
    } finally {
      await db.close();
    }
  });

  it('refuses a name that is not snake_case', async () => {
    await expect(createMigration('Ajout-Conventions')).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('createTestDatabase', () => {
  it('gives independent databases with every migration applied', async () => {
    const [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    try {
      expect(await migrationStatus(first)).toMatchObject({ applied: migrationNames, pending: [] });
      await first.prisma.commune.create({ data: commune });
      expect(await first.prisma.commune.count()).toBe(1);
      expect(await second.prisma.commune.count()).toBe(0);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});
