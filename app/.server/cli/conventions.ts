// Conventions from the command line: npm run --silent conventions -- preview --out DIR
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { seedDemoData } from '../../../prisma/seed/seed';
import { previewConventions } from '../conventions/preview';
import { parseEnv } from '../env';
import { AppError } from '../errors';
import { createServices } from '../wiring';
import { runCli, withMigratedDatabase } from './run-cli';

const USAGE = 'usage : npm run --silent conventions -- preview --out DOSSIER';

const previewArgs = z.tuple([z.literal('preview'), z.literal('--out'), z.string().min(1)]);

runCli(async (argv) => {
  const parsed = previewArgs.safeParse(argv);
  if (!parsed.success) throw new AppError('VALIDATION', `arguments invalides (${argv.join(' ') || 'aucun'}). ${USAGE}`);
  const out = path.resolve(parsed.data[2]);
  fs.mkdirSync(out, { recursive: true });
  // A throwaway embedded database with the demo data: the preview never touches the real one.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelles-preview-'));
  try {
    const env = parseEnv({ ...process.env, DATABASE_URL: '', PGLITE_DIR: path.join(scratch, 'db'), STORAGE_DIR: path.join(scratch, 'files'), OUTBOX_DIR: path.join(scratch, 'outbox') });
    const files = await withMigratedDatabase(env, () => {}, async (db) => {
      await seedDemoData(db);
      return previewConventions(createServices(env, db));
    });
    for (const file of files) {
      const target = path.join(out, file.fileName);
      fs.writeFileSync(target, file.pdf);
      console.log(target);
    }
    return 0;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
});
