import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/client';
import { acquireDataDirLock } from './data-dir-lock';

export type DatabaseTarget =
  | { kind: 'pglite'; dir: string }
  | { kind: 'pglite-memory' }
  | { kind: 'postgres'; url: string };

export interface Database {
  prisma: PrismaClient;
  /** The driver adapter factory, also used by the migration engine. */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  target: DatabaseTarget;
  close(): Promise<void>;
}

export async function openPglite(target: Exclude<DatabaseTarget, { kind: 'postgres' }>): Promise<{
  pglite: PGlite;
  close(): Promise<void>;
}> {
  if (target.kind === 'pglite-memory') {
    const pglite = await PGlite.create({ extensions: { vector } });
    return { pglite, close: () => pglite.close() };
  }
  fs.mkdirSync(path.dirname(target.dir), { recursive: true });
  const release = acquireDataDirLock(target.dir);
  try {
    const pglite = await PGlite.create({ dataDir: target.dir, extensions: { vector } });
    return {
      pglite,
      close: async () => {
        try {
          await pglite.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const adapterFactory = new PrismaPg({ connectionString: target.url });
    const prisma = new PrismaClient({ adapter: adapterFactory });
    return { prisma, adapterFactory, target, close: () => prisma.$disconnect() };
  }
  const { pglite, close } = await openPglite(target);
  const adapterFactory = new PrismaPGlite(pglite);
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    prisma,
    adapterFactory,
    target,
    close: async () => {
      await prisma.$disconnect();
      await close();
    },
  };
}
