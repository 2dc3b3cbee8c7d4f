import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../app/.server/errors';
import { COMMUNES_FILE, parseCommunes } from './communes';

const nimes = {
  code: '30189',
  name: 'Nîmes',
  postcodes: ['30000', '30900'],
  population: 151839,
  lat: 43.8446,
  lon: 4.34761,
  arrondissement: '302',
  epciCode: '243000643',
  epciName: 'CA de Nîmes Métropole',
};

function validationError(json: string): AppError {
  try {
    parseCommunes(json);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('aucune erreur levée');
}

describe('parseCommunes', () => {
  it('accepts the reference file of the 350 Gard communes', () => {
    expect(parseCommunes(fs.readFileSync(COMMUNES_FILE, 'utf8'))).toHaveLength(350);
  });

  it('rejects a file that is not JSON', () => {
    expect(validationError('[{"code":').code).toBe('VALIDATION');
  });

  it('says which field is wrong, in French', () => {
    const error = validationError(JSON.stringify([nimes, { ...nimes, code: '13055' }]));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('Le fichier des communes est invalide (1.code)');
  });

  it('rejects duplicate codes and an empty list', () => {
    expect(validationError(JSON.stringify([nimes, nimes])).message).toContain('codes INSEE en double');
    expect(validationError('[]').code).toBe('VALIDATION');
  });
});
