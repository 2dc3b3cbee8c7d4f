// Recomputes the embedding of every offer and need with the configured provider (after a provider or thesaurus
// change), showing progress: npm run embeddings:reembed
import { parseEnv } from '../env';
import { AppError } from '../errors';
import { embedPending } from '../matching/embedding-store';
import { createServices } from '../wiring';
import { runCli, withMigratedDatabase } from './run-cli';

const log = (line: string) => console.log(line);

runCli(async (argv) => {
  if (argv.length) throw new AppError('VALIDATION', `arguments inattendus (${argv.join(' ')}) : cette commande n’en prend aucun.`);
  const env = parseEnv(process.env);
  const { model, embedded } = await withMigratedDatabase(env, log, (db) =>
    embedPending(createServices(env, db), { all: true, progress: log }),
  );
  log(`${embedded} offre(s) et besoin(s) vectorisé(s) avec ${model.key}.`);
  return 0;
});
