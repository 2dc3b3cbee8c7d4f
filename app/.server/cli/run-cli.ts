import { openDatabase, type Database } from '../db/connection';
import { applyPendingMigrations } from '../db/migrations';
import type { Env } from '../env';
import type { z } from 'zod';
import { AppError, isAppError } from '../errors';

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

/**
 * Reads `command --name value …` with a zod schema. Bad input is an AppError VALIDATION (exit code 2) whose message
 * ends with the command's usage line.
 */
export function parseCommandLine<Schema extends z.ZodType>(argv: string[], schema: Schema, usage: string): z.infer<Schema> {
  const usageError = (message: string) => new AppError('VALIDATION', `${message}\n${usage}`);
  const [command, ...rest] = argv;
  const options: Record<string, string> = {};
  for (let i = 0; i < rest.length; i += 2) {
    const flag = rest[i] ?? '';
    if (!flag.startsWith('--') || rest[i + 1] === undefined) throw usageError(`option inattendue : ${flag || '(vide)'}`);
    options[flag.slice(2)] = rest[i + 1] ?? '';
  }
  const parsed = schema.safeParse({ command, ...options });
  if (!parsed.success) {
    throw usageError(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'commande'} : ${issue.message}`).join(' ; '));
  }
  return parsed.data;
}
