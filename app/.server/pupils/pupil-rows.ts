import { z } from 'zod';
import type { CsvRow } from './csv';

/** What a collège's file must hold for each pupil: the minimum a convention needs, nothing more. */
export interface PupilRow {
  line: number;
  lastName: string;
  firstName: string;
  className: string;
  birthDate: Date;
  legalRepEmail: string;
  /** Optional column: a pupil without a network, placed first by the cohort allocation. */
  priority: boolean;
  /** Optional column: a few words, for the allocation's interest fit. */
  interests: string;
}

export const MAX_PUPIL_ROWS = 300;

const columns = {
  lastName: ['nom', 'nom de famille'],
  firstName: ['prenom'],
  className: ['classe', 'division'],
  birthDate: ['date de naissance', 'naissance', 'ne le', 'nee le'],
  legalRepEmail: [
    'email du representant legal',
    'e mail du representant legal',
    'courriel du representant legal',
    'email representant legal',
    'email des parents',
    'email',
    'e mail',
    'courriel',
  ],
} as const;

/** Columns a file may have or not. */
const optionalColumns = {
  priority: ['prioritaire', 'priorite', 'eleve prioritaire', 'sans reseau'],
  interests: ['centres d interet', 'centre d interet', 'interets'],
} as const;

type Column = keyof typeof columns;
type OptionalColumn = keyof typeof optionalColumns;

const columnLabels: Record<Column, string> = {
  lastName: 'nom',
  firstName: 'prénom',
  className: 'classe',
  birthDate: 'date de naissance',
  legalRepEmail: 'e-mail du représentant légal',
};

const simplify = (header: string) =>
  header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** "12/03/2012" or "2012-03-12", a day that exists. */
export function parseBirthDate(value: string): Date | null {
  const text = value.trim();
  const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const parts = french ? [french[3], french[2], french[1]] : iso ? [iso[1], iso[2], iso[3]] : null;
  if (!parts) return null;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

function ageOn(birth: Date, today: Date): number {
  const years = today.getUTCFullYear() - birth.getUTCFullYear();
  const before = today.getUTCMonth() < birth.getUTCMonth() || (today.getUTCMonth() === birth.getUTCMonth() && today.getUTCDate() < birth.getUTCDate());
  return before ? years - 1 : years;
}

const yes = new Set(['oui', 'o', 'x', '1', 'vrai', 'yes']);
const no = new Set(['', 'non', 'n', '0', 'faux', 'no']);

const cellSchema = z.object({
  lastName: z.string().trim().min(1, 'nom manquant').max(100, 'nom trop long'),
  firstName: z.string().trim().min(1, 'prénom manquant').max(100, 'prénom trop long'),
  className: z.string().trim().min(1, 'classe manquante').max(20, 'classe trop longue (20 caractères au plus)'),
  legalRepEmail: z.string().trim().toLowerCase().pipe(z.email('e-mail du représentant légal invalide')),
  priority: z
    .string()
    .transform((value) => simplify(value))
    .refine((value) => yes.has(value) || no.has(value), 'colonne « prioritaire » : écrivez oui ou non')
    .transform((value) => yes.has(value)),
  interests: z.string().trim().max(200, 'centres d’intérêt trop longs (200 caractères au plus)'),
});

export interface PupilRowsResult {
  pupils: PupilRow[];
  /** One French sentence per problem, starting with the line number. */
  errors: string[];
}

/** Checks a whole file; a file with any error is refused as a whole by the caller. */
export function readPupilRows(rows: CsvRow[], today: Date): PupilRowsResult {
  const [header, ...data] = rows;
  if (!header) return { pupils: [], errors: ['Le fichier est vide.'] };
  const positions = new Map<Column | OptionalColumn, number>();
  header.cells.forEach((cell, index) => {
    const name = simplify(cell);
    const all = { ...columns, ...optionalColumns };
    for (const [column, aliases] of Object.entries(all) as [Column | OptionalColumn, readonly string[]][]) {
      if (!positions.has(column) && aliases.includes(name)) positions.set(column, index);
    }
  });
  const missing = (Object.keys(columns) as Column[]).filter((column) => !positions.has(column));
  if (missing.length) {
    return {
      pupils: [],
      errors: [`Ligne ${header.line} : colonne(s) absente(s) : ${missing.map((c) => columnLabels[c]).join(', ')}. La première ligne doit nommer les colonnes.`],
    };
  }
  if (data.length === 0) return { pupils: [], errors: ['Le fichier ne contient aucun élève.'] };
  if (data.length > MAX_PUPIL_ROWS) return { pupils: [], errors: [`Le fichier contient ${data.length} élèves : ${MAX_PUPIL_ROWS} au plus par import.`] };

  const cell = (row: CsvRow, column: Column | OptionalColumn) => row.cells[positions.get(column) ?? -1] ?? '';
  const pupils: PupilRow[] = [];
  const errors: string[] = [];
  const seen = new Map<string, number>();
  for (const row of data) {
    const problems: string[] = [];
    const parsed = cellSchema.safeParse({
      lastName: cell(row, 'lastName'),
      firstName: cell(row, 'firstName'),
      className: cell(row, 'className'),
      legalRepEmail: cell(row, 'legalRepEmail'),
      priority: cell(row, 'priority'),
      interests: cell(row, 'interests'),
    });
    if (!parsed.success) problems.push(...parsed.error.issues.map((issue) => issue.message));
    const rawDate = cell(row, 'birthDate');
    const birthDate = parseBirthDate(rawDate);
    if (!birthDate) problems.push(`date de naissance invalide (« ${rawDate.trim()} », attendu JJ/MM/AAAA)`);
    else {
      const age = ageOn(birthDate, today);
      if (age < 11 || age > 17) problems.push(`date de naissance improbable pour un élève de collège (${age} ans)`);
    }
    if (problems.length || !parsed.success || !birthDate) {
      errors.push(`Ligne ${row.line} : ${problems.join(' ; ')}.`);
      continue;
    }
    const key = `${simplify(parsed.data.lastName)}|${simplify(parsed.data.firstName)}|${birthDate.toISOString().slice(0, 10)}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push(`Ligne ${row.line} : même élève qu’à la ligne ${first}.`);
      continue;
    }
    seen.set(key, row.line);
    pupils.push({ line: row.line, ...parsed.data, birthDate });
  }
  return { pupils, errors };
}

export const pupilKey = (pupil: { lastName: string; firstName: string; birthDate: Date }) =>
  `${simplify(pupil.lastName)}|${simplify(pupil.firstName)}|${pupil.birthDate.toISOString().slice(0, 10)}`;
