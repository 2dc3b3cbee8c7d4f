// Matching without a server: rank, import, allocate. JSON on stdout only; logs and errors on stderr.
//   npm run --silent matching -- rank --input FILE [--top 10]
//   npm run --silent matching -- allocate --input FILE
//   npm run matching -- import --input FILE
import fs from 'node:fs';
import { z } from 'zod';
import { allocateCohort } from '../../../matching/allocation';
import { ExchangeFormatError, parseExchangeFile, toEngine } from '../../../matching/exchange-format';
import { rankOffersForNeed } from '../../../matching/rank';
import { createEmbeddingProvider } from '../embeddings/provider';
import { parseEnv } from '../env';
import { AppError } from '../errors';
import { embeddedRelatedness, gardPlaces, interestFit } from '../matching/engine-inputs';
import { importExchangeFile } from '../matching/import';
import { createServices } from '../wiring';
import { parseCommandLine, runCli, withMigratedDatabase } from './run-cli';

const argsSchema = z.discriminatedUnion('command', [
  z.object({ command: z.literal('rank'), input: z.string().min(1), top: z.coerce.number().int().min(1).max(1000).default(10) }),
  z.object({ command: z.literal('allocate'), input: z.string().min(1) }),
  z.object({ command: z.literal('import'), input: z.string().min(1) }),
]);

const USAGE = 'Usage : npm run --silent matching -- rank|allocate|import --input FICHIER [--top 10]';

/** Bad arguments or an unreadable file: reported like any bad input (exit code 2), with the usage line. */
function usageError(message: string): AppError {
  return new AppError('VALIDATION', `${message}\n${USAGE}`);
}
const log = (line: string) => process.stderr.write(`${line}\n`);

const parseArgs = (argv: string[]) => parseCommandLine(argv, argsSchema, USAGE);

function readJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw usageError(`fichier illisible : ${file}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw usageError(`${file} n’est pas un JSON valide (${(error as Error).message})`);
  }
}

async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const file = parseExchangeFile(readJson(args.input));
  const env = parseEnv(process.env);
  const provider = createEmbeddingProvider(env.embeddings);
  if (args.command === 'import') {
    const counts = await withMigratedDatabase(env, log, (db) => importExchangeFile(createServices(env, db), file, { log }));
    log(`Import terminé : ${counts.offers} offre(s), ${counts.needs} besoin(s).`);
    return 0;
  }
  const { offers, needs, pupils } = toEngine(file, gardPlaces());
  if (args.command === 'rank') {
    log(`Classement de ${needs.length} besoin(s) parmi ${offers.length} offre(s)…`);
    const relatedness = await embeddedRelatedness(provider, needs, offers);
    const rankings: Record<string, { offerId: string; score: number; reasons: string[] }[]> = {};
    for (const need of needs) {
      rankings[need.id] = rankOffersForNeed(need, offers, relatedness, { top: args.top }).map(({ offerId, score, reasons }) => ({
        offerId,
        score,
        reasons,
      }));
    }
    process.stdout.write(`${JSON.stringify({ rankings })}\n`);
    return 0;
  }
  log(`Affectation de ${pupils.length} élève(s) sur ${offers.length} offre(s)…`);
  const stageOffers = offers.filter((offer) => offer.kind === 'stage');
  const result = allocateCohort({ offers: stageOffers, pupils, interestFit: await interestFit(provider, pupils, stageOffers) });
  log(`${result.stats.placed}/${result.stats.pupils} élève(s) placé(s), dont ${result.stats.priorityPlaced}/${result.stats.priorityPupils} prioritaires.`);
  process.stdout.write(`${JSON.stringify({ assignments: result.assignments, reasons: result.reasons })}\n`);
  return 0;
}

runCli(async (argv) => {
  try {
    return await run(argv);
  } catch (error) {
    if (error instanceof ExchangeFormatError) throw new AppError('VALIDATION', error.message);
    throw error;
  }
});
