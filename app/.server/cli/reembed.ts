// Recomputes the embedding of every offer and need with the configured provider (after a provider change),
// showing progress: npm run embeddings:reembed
import { openDatabase } from '../db/connection';
import { applyPendingMigrations } from '../db/migrations';
import { parseEnv } from '../env';
import { isAppError } from '../errors';
import { embedPending } from '../matching/embedding-store';
import { createServices } from '../wiring';

async function run(): Promise<number> {
  if (process.argv.length > 2) {
    console.error(`Arguments invalides (${process.argv.slice(2).join(' ')}) : cette commande n’en prend aucun.`);
    return 2;
  }
  const env = parseEnv(process.env);
  const db = await openDatabase(env.database);
  try {
    await applyPendingMigrations(db, { log: console.log });
    const { model, embedded } = await embedPending(createServices(env, db), { all: true, progress: console.log });
    console.log(`${embedded} offre(s) et besoin(s) vectorisé(s) avec ${model.key}.`);
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
