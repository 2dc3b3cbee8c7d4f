import '../lib/zod-french';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from './errors';

const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const optionalUrl = z.preprocess(emptyToUndefined, z.url().optional());
const flag = (fallback: boolean) =>
  z.preprocess(emptyToUndefined, z.enum(['true', 'false', '1', '0']).optional()).transform((value) =>
    value === undefined ? fallback : value === 'true' || value === '1',
  );
/** A comma-separated list of email domains (sub-domains included when checked). */
const domainList = (fallback: string) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default(fallback)
      .transform((value) => value.split(',').map((domain) => domain.trim().toLowerCase()).filter(Boolean))
      .pipe(
        z
          .array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'domaine invalide / invalid domain'))
          .min(1, 'au moins un domaine / at least one domain'),
      ),
  );

const schema = z
  .object({
    NODE_ENV: z.preprocess(emptyToUndefined, z.enum(['development', 'production', 'test']).default('production')),
    PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(65535).default(3000)),
    HOST: z.preprocess(emptyToUndefined, z.string().default('127.0.0.1')),
    APP_URL: optionalUrl,
    DATABASE_URL: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'doit commencer par postgresql:// / must start with postgresql://')
        .optional(),
    ),
    PGLITE_DIR: z.preprocess(emptyToUndefined, z.string().default('./data/pglite')),
    SESSION_SECRET: z.preprocess(
      emptyToUndefined,
      z.string().min(32, 'au moins 32 caractères / at least 32 characters').optional(),
    ),
    DEMO_MODE: z.preprocess(emptyToUndefined, z.enum(['true', 'false', '1', '0']).optional()),
    EMBEDDINGS_BASE_URL: optionalUrl,
    EMBEDDINGS_API_KEY: optionalString,
    EMBEDDINGS_MODEL: optionalString,
    EMBEDDINGS_DIMENSIONS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(8).max(4096).optional()),
    RESEND_API_KEY: optionalString,
    RESEND_BASE_URL: optionalUrl,
    EMAIL_FROM: z.preprocess(emptyToUndefined, z.string().default('Passerelles <passerelles@gard.fr>')),
    OUTBOX_DIR: z.preprocess(emptyToUndefined, z.string().default('./data/outbox')),
    MAPBOX_ACCESS_TOKEN: optionalString,
    AGENT_EMAIL_DOMAINS: domainList('gard.fr'),
    COLLEGE_EMAIL_DOMAINS: domainList('ac-montpellier.fr'),
    STORAGE_DIR: z.preprocess(emptyToUndefined, z.string().default('./data/files')),
    S3_ENDPOINT: optionalUrl,
    S3_BUCKET: optionalString,
    S3_REGION: z.preprocess(emptyToUndefined, z.string().default('us-east-1')),
    S3_ACCESS_KEY_ID: optionalString,
    S3_SECRET_ACCESS_KEY: optionalString,
    OUTBOX_WORKER: flag(true),
    SKILLS_EXPERIMENT_END: z.preprocess(
      emptyToUndefined,
      z.iso.date('date AAAA-MM-JJ attendue / YYYY-MM-DD expected').default('2027-12-27'),
    ),
    SIGNATURE_LINK_DAYS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(60).default(14)),
    PUPIL_RETENTION_MONTHS: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ error: 'nombre de mois attendu / number of months expected' })
        .int('nombre entier de mois attendu / whole number of months expected')
        .min(1, 'au moins 1 mois / at least 1 month')
        .max(120, 'au plus 120 mois / at most 120 months')
        .default(12),
    ),
    TRUST_PROXY: flag(false),
  })
  .superRefine((env, ctx) => {
    const s3 = [env.S3_ENDPOINT, env.S3_BUCKET, env.S3_ACCESS_KEY_ID, env.S3_SECRET_ACCESS_KEY];
    if (s3.some(Boolean) && !s3.every(Boolean)) {
      ctx.addIssue({
        code: 'custom',
        path: ['S3_ENDPOINT'],
        message:
          'S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID et S3_SECRET_ACCESS_KEY vont ensemble / must all be set together',
      });
    }
    if (env.EMBEDDINGS_BASE_URL && !env.EMBEDDINGS_MODEL) {
      ctx.addIssue({
        code: 'custom',
        path: ['EMBEDDINGS_MODEL'],
        message: 'requis avec EMBEDDINGS_BASE_URL / required with EMBEDDINGS_BASE_URL',
      });
    }
  });

export type Env = ReturnType<typeof parseEnv>;

/** What only the web server needs: command-line tools (migrations, seed) run without a session secret. */
export function assertServerEnv(env: Env): void {
  if (env.nodeEnv === 'production' && env.database.kind === 'postgres' && !env.sessionSecret) {
    throw new AppError(
      'CONFIG',
      'Configuration invalide / invalid configuration:\n  - SESSION_SECRET : requis en production avec DATABASE_URL / required in production with DATABASE_URL',
    );
  }
}

/** Validates the environment once; every bad variable is named in the error. */
export function parseEnv(source: Record<string, string | undefined>, cwd = process.cwd()) {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join('.') || '(env)'} : ${issue.message}`);
    throw new AppError(
      'CONFIG',
      `Configuration invalide / invalid configuration:\n${lines.join('\n')}`,
    );
  }
  const env = result.data;
  const database = env.DATABASE_URL
    ? ({ kind: 'postgres', url: env.DATABASE_URL } as const)
    : ({ kind: 'pglite', dir: path.resolve(cwd, env.PGLITE_DIR) } as const);
  return {
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    appUrl: (env.APP_URL ?? `http://${env.HOST}:${env.PORT}`).replace(/\/$/, ''),
    database,
    sessionSecret: env.SESSION_SECRET,
    demoMode: env.DEMO_MODE === undefined ? database.kind === 'pglite' : env.DEMO_MODE === 'true' || env.DEMO_MODE === '1',
    embeddings: env.EMBEDDINGS_BASE_URL
      ? ({
          kind: 'openai',
          baseUrl: env.EMBEDDINGS_BASE_URL,
          apiKey: env.EMBEDDINGS_API_KEY ?? 'not-needed',
          model: env.EMBEDDINGS_MODEL ?? '',
          dimensions: env.EMBEDDINGS_DIMENSIONS,
        } as const)
      : ({ kind: 'local', dimensions: env.EMBEDDINGS_DIMENSIONS ?? 384 } as const),
    email: env.RESEND_API_KEY
      ? ({ kind: 'resend', apiKey: env.RESEND_API_KEY, baseUrl: env.RESEND_BASE_URL, from: env.EMAIL_FROM } as const)
      : ({ kind: 'local', dir: path.resolve(cwd, env.OUTBOX_DIR), from: env.EMAIL_FROM } as const),
    outboxWorker: env.OUTBOX_WORKER,
    skillsExperimentEnd: env.SKILLS_EXPERIMENT_END,
    signatureLinkDays: env.SIGNATURE_LINK_DAYS,
    pupilRetentionMonths: env.PUPIL_RETENTION_MONTHS,
    trustProxy: env.TRUST_PROXY,
    mapboxToken: env.MAPBOX_ACCESS_TOKEN,
    agentEmailDomains: env.AGENT_EMAIL_DOMAINS,
    collegeEmailDomains: env.COLLEGE_EMAIL_DOMAINS,
    storage:
      env.S3_ENDPOINT && env.S3_BUCKET && env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
        ? ({
            kind: 's3',
            endpoint: env.S3_ENDPOINT,
            bucket: env.S3_BUCKET,
            region: env.S3_REGION,
            accessKeyId: env.S3_ACCESS_KEY_ID,
            secretAccessKey: env.S3_SECRET_ACCESS_KEY,
          } as const)
        : ({ kind: 'local', dir: path.resolve(cwd, env.STORAGE_DIR) } as const),
  };
}
