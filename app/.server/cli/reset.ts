// Empties the database, re-applies every migration and loads the demo data: tsx app/.server/cli/reset.ts [--force]
import { z } from 'zod';
import { seedDemoData } from '../../../prisma/seed/seed';
import { openDatabase } from '../db/connection';
import { resetDatabase } from '../db/migrations';
import { parseEnv } from '../env';
import { runCli } from './run-cli';

const argsSchema = z.union([z.tuple([]), z.tuple([z.literal('--force')])], {
  error: 'seul argument accepté : --force (obligatoire pour une base PostgreSQL)',
});

const log = (line: string) => console.log(line);

async function run(argv: string[]): Promise<number> {
  const parsed = argsSchema.safeParse(argv);
  if (!parsed.success) {
    console.error(`Arguments invalides (${argv.join(' ')}) : ${parsed.error.issues[0]?.message}`);
    return 2;
  }
  const target = parseEnv(process.env).database;
  if (target.kind === 'postgres' && parsed.data[0] !== '--force') {
    console.error(
      `Refusé : DATABASE_URL désigne une base PostgreSQL (${new URL(target.url).host}) dont toutes les données seraient ` +
        'effacées. Relancez avec --force si c’est bien voulu.',
    );
    return 2;
  }
  const where = target.kind === 'postgres' ? `PostgreSQL (${new URL(target.url).host})` : `PGlite (${target.dir})`;
  log(`Remise à zéro de la base ${where} : suppression de toutes les données puis réapplication des migrations.`);
  const db = await openDatabase(target);
  try {
    const { applied } = await resetDatabase(db, { log });
    log(`${applied.length} migration(s) appliquée(s). Chargement des données de démonstration…`);
    await seedDemoData(db, { log });
    log('Base remise à zéro.');
    return 0;
  } finally {
    await db.close();
  }
}

runCli(run);
