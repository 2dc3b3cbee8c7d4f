// Migrations through the WebAssembly schema engine, as the native one cannot be downloaded (docs/decisions/002).
import { z } from 'zod';
import { openDatabase, type DatabaseTarget } from '../db/connection';
import { applyPendingMigrations, createMigration, migrationNameSchema, migrationStatus } from '../db/migrations';
import { parseEnv } from '../env';
import { runCli } from './run-cli';

const usage = `Usage :
  tsx app/.server/cli/migrate.ts apply          applique les migrations en attente
  tsx app/.server/cli/migrate.ts create <nom>   crée prisma/migrations/<horodatage>_<nom>/ depuis prisma/schema.prisma
  tsx app/.server/cli/migrate.ts status         état des migrations (code 1 si la base n’est pas à jour)`;

const noArgument = z.array(z.string()).max(0, 'cette commande ne prend pas d’argument');
const argsSchema = z.discriminatedUnion(
  'command',
  [
    z.object({ command: z.literal('apply'), rest: noArgument }),
    z.object({ command: z.literal('status'), rest: noArgument }),
    z.object({
      command: z.literal('create'),
      rest: z.tuple([migrationNameSchema], { error: 'create attend un seul argument : le nom de la migration' }),
    }),
  ],
  { error: 'commande attendue : apply, status ou create <nom>' },
);

const log = (line: string) => console.log(line);

function describeTarget(target: DatabaseTarget): string {
  if (target.kind === 'pglite') return `PGlite (${target.dir})`;
  if (target.kind === 'pglite-memory') return 'PGlite en mémoire';
  return `PostgreSQL (${new URL(target.url).host})`;
}

async function run(argv: string[]): Promise<number> {
  const parsed = argsSchema.safeParse({ command: argv[0], rest: argv.slice(1) });
  if (!parsed.success) {
    const reason = parsed.error.issues.map((issue) => issue.message).join(' ; ');
    console.error(`Arguments invalides (${argv.join(' ') || 'aucun'}) : ${reason}\n\n${usage}`);
    return 2;
  }
  const args = parsed.data;
  if (args.command === 'create') {
    await createMigration(args.rest[0], { log });
    return 0;
  }
  const target = parseEnv(process.env).database;
  log(`Base de données : ${describeTarget(target)}`);
  const db = await openDatabase(target);
  try {
    if (args.command === 'apply') {
      const { applied } = await applyPendingMigrations(db, { log });
      log(
        applied.length === 0
          ? 'Base à jour : aucune migration en attente.'
          : `${applied.length} migration(s) appliquée(s).`,
      );
      return 0;
    }
    const status = await migrationStatus(db);
    log(`Appliquées : ${status.applied.length}`);
    const problems: Array<[string, string[]]> = [
      ['En attente', status.pending],
      ['En échec', status.failed],
      ['Modifiées après application', status.edited],
      ['Absentes du dossier prisma/migrations', status.unknown],
    ];
    for (const [label, names] of problems) {
      for (const migration of names) log(`${label} : ${migration}`);
    }
    const upToDate = problems.every(([, names]) => names.length === 0);
    log(upToDate ? 'Base à jour.' : 'La base n’est pas à jour.');
    return upToDate ? 0 : 1;
  } finally {
    await db.close();
  }
}

runCli(run);
