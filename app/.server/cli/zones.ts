// Priority zones from the official files, all or nothing. Summary on stdout, logs and errors on stderr.
//   npm run zones -- frr --file FILE   (DGCL list of France Ruralités Revitalisation communes, XLSX or CSV)
//   npm run zones -- qpv --file FILE   (ANCT boundaries of the quartiers prioritaires, GeoJSON in WGS 84)
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseEnv } from '../env';
import { AppError, isAppError } from '../errors';
import { createServices } from '../wiring';
import { importFrr, importQpv, type ZoneFile } from '../zones/import';
import { parseCommandLine, runCli, withMigratedDatabase } from './run-cli';

const argsSchema = z.object({ command: z.enum(['frr', 'qpv']), file: z.string().min(1) });

const USAGE = 'Usage : npm run zones -- frr|qpv --file FICHIER';

function usageError(message: string): AppError {
  return new AppError('VALIDATION', `${message}\n${USAGE}`);
}
const log = (line: string) => process.stderr.write(`${line}\n`);

const parseArgs = (argv: string[]) => parseCommandLine(argv, argsSchema, USAGE);

function readFile(file: string): ZoneFile {
  try {
    return { name: path.basename(file), bytes: fs.readFileSync(file) };
  } catch {
    throw usageError(`fichier illisible : ${file}`);
  }
}

async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const file = readFile(args.file);
  const env = parseEnv(process.env);
  const lines = await withMigratedDatabase(env, log, async (db) => {
    const services = createServices(env, db);
    if (args.command === 'frr') {
      const result = await importFrr(services, file);
      return [
        ...Object.entries(result.classified).map(([classification, count]) => `${classification} : ${count} commune(s) du Gard`),
        `Non classées : ${result.notClassified} commune(s) du Gard`,
        `Autres départements, ignorées : ${result.otherDepartments} ligne(s)`,
        ...result.unknownCommunes,
      ];
    }
    const result = await importQpv(services, file);
    return [
      `Quartiers du Gard : ${result.areas} (hors du Gard, ignorés : ${result.outsideGard})`,
      `Organisations géolocalisées : ${result.organisations.located}, dont ${result.organisations.inQpv} en QPV`,
      `Biens géolocalisés : ${result.properties.located}, dont ${result.properties.inQpv} en QPV`,
    ];
  });
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

runCli(async (argv) => {
  try {
    return await run(argv);
  } catch (error) {
    // The problems of a refused file are field errors for the page: here, one per line under the summary.
    const problems = isAppError(error) ? (error.fieldErrors.file ?? []) : [];
    if (isAppError(error) && problems.length) throw new AppError(error.code, [error.message, ...problems.map((problem) => `  - ${problem}`)].join('\n'));
    throw error;
  }
});
