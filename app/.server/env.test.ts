import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertServerEnv, parseEnv } from './env';
import { AppError } from './errors';

function configError(source: Record<string, string>): string {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).message;
  }
  throw new Error('expected the environment to be refused');
}

describe('parseEnv', () => {
  it('runs with no variable at all: embedded PGlite, local embeddings, local outbox, demo mode', () => {
    const env = parseEnv({}, '/srv/app');
    expect(env.port).toBe(3000);
    expect(env.host).toBe('127.0.0.1');
    expect(env.appUrl).toBe('http://127.0.0.1:3000');
    expect(env.database).toEqual({ kind: 'pglite', dir: path.resolve('/srv/app', 'data/pglite') });
    expect(env.embeddings.kind).toBe('local');
    expect(env.email.kind).toBe('local');
    expect(env.storage.kind).toBe('local');
    expect(env.demoMode).toBe(true);
    expect(env.agentEmailDomains).toEqual(['gard.fr']);
  });

  it('switches to PostgreSQL, Resend, S3 and an OpenAI-compatible endpoint when configured', () => {
    const env = parseEnv({
      DATABASE_URL: 'postgresql://u:p@db:5432/passerelles',
      SESSION_SECRET: 'x'.repeat(40),
      RESEND_API_KEY: 're_123',
      EMBEDDINGS_BASE_URL: 'http://127.0.0.1:11434/v1',
      EMBEDDINGS_MODEL: 'nomic-embed-text',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_BUCKET: 'passerelles',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'secret',
      AGENT_EMAIL_DOMAINS: 'gard.fr, Cg30.FR',
      APP_URL: 'https://passerelles.gard.fr/',
    });
    expect(env.database).toEqual({ kind: 'postgres', url: 'postgresql://u:p@db:5432/passerelles' });
    expect(env.demoMode).toBe(false);
    expect(env.email.kind).toBe('resend');
    expect(env.embeddings).toMatchObject({ kind: 'openai', model: 'nomic-embed-text', apiKey: 'not-needed' });
    expect(env.storage.kind).toBe('s3');
    expect(env.agentEmailDomains).toEqual(['gard.fr', 'cg30.fr']);
    expect(env.appUrl).toBe('https://passerelles.gard.fr');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://localhost/db' }, 'DATABASE_URL'],
    [{ APP_URL: 'not a url' }, 'APP_URL'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
    [{ AGENT_EMAIL_DOMAINS: 'gard' }, 'AGENT_EMAIL_DOMAINS'],
    [{ EMBEDDINGS_BASE_URL: 'http://127.0.0.1:8080/v1' }, 'EMBEDDINGS_MODEL'],
    [{ S3_BUCKET: 'only-the-bucket' }, 'S3_ENDPOINT'],
    [{ DEMO_MODE: 'peut-être' }, 'DEMO_MODE'],
  ])('refuses %o with a message naming %s', (source, variable) => {
    const message = configError(source);
    expect(message).toContain('Configuration invalide');
    expect(message).toContain(variable);
  });

  it('lets command-line tools run on PostgreSQL without a session secret, but not the production server', () => {
    const env = parseEnv({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://db/x' });
    expect(() => assertServerEnv(env)).toThrow(/SESSION_SECRET/);
    expect(() => assertServerEnv(parseEnv({ NODE_ENV: 'development', DATABASE_URL: 'postgresql://db/x' }))).not.toThrow();
    expect(() => assertServerEnv(parseEnv({ NODE_ENV: 'production' }))).not.toThrow();
  });

  it('names every bad variable at once', () => {
    const message = configError({ PORT: '-1', APP_URL: 'nope' });
    expect(message).toContain('PORT');
    expect(message).toContain('APP_URL');
  });

  it('reads the conventions settings, with the end of the skills experiment as a real date', () => {
    expect(parseEnv({})).toMatchObject({ skillsExperimentEnd: '2027-12-27', signatureLinkDays: 14 });
    expect(parseEnv({ SKILLS_EXPERIMENT_END: '2028-06-30', SIGNATURE_LINK_DAYS: '7' })).toMatchObject({ skillsExperimentEnd: '2028-06-30', signatureLinkDays: 7 });
    const message = configError({ SKILLS_EXPERIMENT_END: '27/12/2027', SIGNATURE_LINK_DAYS: '0' });
    expect(message).toContain('SKILLS_EXPERIMENT_END');
    expect(message).toContain('SIGNATURE_LINK_DAYS');
  });

  it('keeps pupils’ data 12 months after their last activity unless told otherwise, and refuses a bad period in French', () => {
    expect(parseEnv({}).pupilRetentionMonths).toBe(12);
    expect(parseEnv({ PUPIL_RETENTION_MONTHS: '' }).pupilRetentionMonths).toBe(12);
    expect(parseEnv({ PUPIL_RETENTION_MONTHS: '36' }).pupilRetentionMonths).toBe(36);
    expect(configError({ PUPIL_RETENTION_MONTHS: '0' })).toContain('PUPIL_RETENTION_MONTHS : au moins 1 mois');
    expect(configError({ PUPIL_RETENTION_MONTHS: '1.5' })).toContain('PUPIL_RETENTION_MONTHS : nombre entier de mois attendu');
    expect(configError({ PUPIL_RETENTION_MONTHS: 'un an' })).toContain('PUPIL_RETENTION_MONTHS : nombre de mois attendu');
    expect(configError({ PUPIL_RETENTION_MONTHS: '600' })).toContain('PUPIL_RETENTION_MONTHS : au plus 120 mois');
  });
});
