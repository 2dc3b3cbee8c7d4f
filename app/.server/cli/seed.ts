// Loads the communes and the demo data (nothing more if the demo is there): tsx app/.server/cli/seed.ts
import { seedDemoData } from '../../../prisma/seed/seed';
import { openDatabase } from '../db/connection';
import { applyPendingMigrations } from '../db/migrations';
import { parseEnv } from '../env';
import { isAppError } from '../errors';

const log = (line: string) => console.log(line);

async function run(): Promise<number> {
  if (process.argv.length > 2) {
    console.error(`Arguments invalides (${process.argv.slice(2).join(' ')}) : cette commande n’en prend aucun.`);
    return 2;
  }
  const db = await openDatabase(parseEnv(process.env).database);
  try {
    await applyPendingMigrations(db, { log });
    const result = await seedDemoData(db, { log });
    log(result.created ? 'Données de démonstration créées.' : 'Données de démonstration déjà présentes.');
    return 0;
  } finally {
    await db.close();
  }
}

// PGlite and the wasm schema engine leave timers armed: exit explicitly.
run().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(isAppError(error) ? `Erreur : ${error.message}` : error);
    process.exit(1);
  },
);
