// Anonymises the pupils inactive for longer than PUPIL_RETENTION_MONTHS, with their conventions' personal data and
// stored PDFs, and prints the counts: npm run retention [-- --dry-run]. The server also does it once a day.
import { parseEnv } from '../env';
import { AppError } from '../errors';
import { anonymiseInactivePupils, describeRetention } from '../retention/anonymise-pupils';
import { createServices } from '../wiring';
import { runCli, withMigratedDatabase } from './run-cli';

const log = (line: string) => console.log(line);

runCli(async (argv) => {
  const unexpected = argv.filter((arg) => arg !== '--dry-run');
  if (unexpected.length) {
    throw new AppError('VALIDATION', `arguments inattendus (${unexpected.join(' ')}). usage : npm run retention [-- --dry-run]`);
  }
  const env = parseEnv(process.env);
  const report = await withMigratedDatabase(env, log, (db) => {
    const services = createServices(env, db);
    return anonymiseInactivePupils(services, { now: services.clock.now(), dryRun: argv.includes('--dry-run') });
  });
  log(describeRetention(report));
  return 0;
});
