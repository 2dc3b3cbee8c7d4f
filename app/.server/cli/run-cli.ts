import { openDatabase, type Database } from '../db/connection';
import { applyPendingMigrations } from '../db/migrations';
import type { Env } from '../env';
import { isAppError } from '../errors';

/**
 * Runs a command-line entry point: its exit code on success; on failure a French message on stderr and exit 2
 * for bad input (AppError VALIDATION), 1 otherwise. Exits explicitly because PGlite and the wasm schema engine
 * leave timers armed.
 */
export function runCli(main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (isAppError(error)) {
        process.stderr.write(`Erreur : ${error.message}\n`);
        process.exit(error.code === 'VALIDATION' ? 2 : 1);
      }
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}

/** Opens the configured database with pending migrations applied, and always closes it (releasing the lock). */
export async function withMigratedDatabase<T>(env: Env, log: (line: string) => void, work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(env.database);
  try {
    await applyPendingMigrations(db, { log });
    return await work(db);
  } finally {
    await db.close();
  }
}
