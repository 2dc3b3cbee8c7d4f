// Loads the communes and the demo data (nothing more if the demo is there): tsx app/.server/cli/seed.ts
import { seedDemoData } from '../../../prisma/seed/seed';
import { parseEnv } from '../env';
import { AppError } from '../errors';
import { runCli, withMigratedDatabase } from './run-cli';

const log = (line: string) => console.log(line);

runCli(async (argv) => {
  if (argv.length) throw new AppError('VALIDATION', `arguments inattendus (${argv.join(' ')}) : cette commande n’en prend aucun.`);
  const result = await withMigratedDatabase(parseEnv(process.env), log, (db) => seedDemoData(db, { log }));
  log(result.created ? 'Données de démonstration créées.' : 'Données de démonstration déjà présentes.');
  return 0;
});
