import { z } from 'zod';
import { AppError } from '../errors';
import { computeIndicators, FIRST_YEAR, type IndicatorFilters } from '../indicators';
import type { Services } from '../services';
import { OPEN_DATA_MIN_COUNT, openDataset, type OpenDataCell, type OpenDataset } from './dataset';
import { MEASURES } from './measures';

export const OPEN_DATA_LICENCE = { name: 'Licence Ouverte / Open Licence version 2.0', path: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' } as const;
export const OPEN_DATA_SOURCE = 'Passerelles, plateforme de l’économie sociale et solidaire du Département du Gard : indicateurs du plan départemental de l’ESS 2024-2028 (action 4.4), calculés à partir des données de la plateforme, jamais saisis.';
export const SUPPRESSION_RULE = `Secret statistique : un effectif de 1 à ${OPEN_DATA_MIN_COUNT - 1} n’est jamais publié, ni une somme, une moyenne, une part ou une médiane calculée sur moins de ${OPEN_DATA_MIN_COUNT} enregistrements ; la valeur est vide et « suppressed » vaut vrai. Quand une seule valeur d’un tableau dont le total est publié est masquée, la plus petite des autres l’est aussi, pour qu’on ne puisse pas la retrouver par différence ; une part ou une différence qui redonnerait une valeur masquée est masquée. Zéro est publié.`;

type FieldType = 'integer' | 'number' | 'string' | 'boolean' | 'date';

interface Field {
  name: string;
  type: FieldType;
  title: string;
  description: string;
  unit?: string;
  read: (cell: OpenDataCell, dataset: OpenDataset) => string | number | boolean | null;
}

/** The columns of the dataset, in order: the JSON rows, the CSV header and the schema all come from this list. */
export const OPEN_DATA_FIELDS: readonly Field[] = [
  { name: 'annee', type: 'integer', title: 'Année', description: 'Année civile décrite (du 1er janvier au 31 décembre).', read: (_, d) => d.year },
  { name: 'date_situation', type: 'date', title: 'Date de situation', description: 'Dernier jour décrit : le 31 décembre, ou le jour du calcul si l’année est en cours.', read: (_, d) => d.referenceDay },
  { name: 'territoire_code', type: 'string', title: 'Code du territoire', description: '« dep:30 » pour tout le Gard, « arr:<code INSEE> » pour un arrondissement, « epci:<SIREN> » pour une intercommunalité.', read: (_, d) => d.territoryCode },
  { name: 'territoire_nom', type: 'string', title: 'Territoire', description: 'Nom du territoire.', read: (_, d) => d.territoryName },
  { name: 'action', type: 'string', title: 'Action du plan', description: 'Action du plan ESS 2024-2028 : 1.3 (patrimoine vacant), 2.2 (stages de 3e), 2.4 (compétences des agents) ou « plateforme ».', read: (c) => c.measure.action },
  { name: 'indicateur', type: 'string', title: 'Indicateur', description: 'Identifiant de l’indicateur du tableau de bord dont la mesure est tirée.', read: (c) => c.measure.indicator },
  { name: 'mesure', type: 'string', title: 'Mesure', description: 'Identifiant stable de la mesure ; sa définition et son unité sont dans la liste « mesures » du schéma.', read: (c) => c.measure.id },
  { name: 'libelle', type: 'string', title: 'Libellé', description: 'Libellé de la mesure, en français.', read: (c) => c.measure.label },
  { name: 'categorie', type: 'string', title: 'Catégorie', description: 'Pour une mesure ventilée : la catégorie de la ligne (type de bien, type de mise en relation, intercommunalité) ; vide sinon.', read: (c) => c.category },
  { name: 'valeur', type: 'number', title: 'Valeur', description: 'Valeur de la mesure, dans l’unité de la colonne « unite » ; vide si elle est masquée (secret statistique) ou non calculable (aucune donnée).', read: (c) => c.value },
  { name: 'unite', type: 'string', title: 'Unité', description: 'nombre, m², heures, jours, % ou note sur 5.', read: (c) => c.measure.unit },
  { name: 'suppressed', type: 'boolean', title: 'Valeur masquée', description: 'Vrai si la valeur est masquée au titre du secret statistique.', read: (c) => c.suppressed },
];

export type OpenDataRow = Record<string, string | number | boolean | null>;

export const openDataRows = (dataset: OpenDataset): OpenDataRow[] =>
  dataset.cells.map((cell) => Object.fromEntries(OPEN_DATA_FIELDS.map((field) => [field.name, field.read(cell, dataset)])));

/** RFC 4180 with a comma and a decimal point, as open-data portals expect; text that a spreadsheet would run is defused. */
export function openDataCsv(dataset: OpenDataset): string {
  const cell = (value: string | number | boolean | null) => {
    if (value === null) return '';
    if (typeof value !== 'string') return String(value);
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [OPEN_DATA_FIELDS.map((field) => field.name), ...openDataRows(dataset).map((row) => OPEN_DATA_FIELDS.map((field) => cell(row[field.name] ?? null)))];
  return `${lines.map((line) => line.join(',')).join('\r\n')}\r\n`;
}

/** A Table Schema (frictionless) of the dataset, with the catalogue of measures it holds. */
export function openDataSchema(origin: string) {
  return {
    $schema: 'https://specs.frictionlessdata.io/schemas/table-schema.json',
    name: 'passerelles-indicateurs-ess-gard',
    title: 'Indicateurs du plan ESS du Gard (Passerelles) — données agrégées',
    description: `${OPEN_DATA_SOURCE} Une ligne par mesure (et par catégorie pour une mesure ventilée), pour une année et un territoire. ${SUPPRESSION_RULE}`,
    licenses: [OPEN_DATA_LICENCE],
    path: `${origin}/donnees/indicateurs.csv`,
    homepage: `${origin}/donnees`,
    fields: OPEN_DATA_FIELDS.map(({ name, type, title, description }) => ({
      name,
      type,
      title,
      description,
      constraints: { required: !['categorie', 'valeur'].includes(name) },
    })),
    primaryKey: ['annee', 'territoire_code', 'mesure', 'categorie'],
    missingValues: [''],
    suppression: { seuil: OPEN_DATA_MIN_COUNT, regle: SUPPRESSION_RULE },
    mesures: MEASURES.map((measure) => ({
      name: measure.id,
      title: measure.label,
      type: measure.kind === 'effectif' ? 'integer' : 'number',
      unit: measure.unit,
      nature: measure.kind,
      action: measure.action,
      indicateur: measure.indicator,
      definition: measure.definition,
      ...(measure.categories ? { categories: measure.categories } : {}),
    })),
  };
}

const TERRITORY_LEVELS = { arr: 'arrondissement', epci: 'epci' } as const;

/** `?annee=YYYY&territoire=arr:302|epci:<siren>`: a commune is too small to publish figures for. */
export function openDataQuery(currentYear: number) {
  const between = `L’année doit être comprise entre ${FIRST_YEAR} et ${currentYear}.`;
  return z.object({
    annee: z
      .string()
      .optional()
      .transform((value) => (value === undefined || value.trim() === '' ? String(currentYear) : value.trim()))
      .pipe(z.string().regex(/^\d{4}$/, { error: 'L’année doit s’écrire avec quatre chiffres (par exemple 2025).' }))
      .transform(Number)
      .pipe(z.number().int().min(FIRST_YEAR, { error: between }).max(currentYear, { error: between })),
    territoire: z
      .string()
      .optional()
      .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()))
      .pipe(
        z
          .string()
          .regex(/^(arr:\d{3}|epci:\d{9})$/, {
            error: 'Le territoire doit s’écrire « arr:<code de l’arrondissement> » ou « epci:<SIREN à 9 chiffres> » ; les communes ne sont pas publiées (trop petites).',
          })
          .optional(),
      ),
  });
}

/** The indicator filters of a public query; throws AppError('VALIDATION') with a French message on bad input. */
export function readOpenDataQuery(params: URLSearchParams, currentYear: number): IndicatorFilters {
  const parsed = openDataQuery(currentYear).safeParse({ annee: params.get('annee') ?? undefined, territoire: params.get('territoire') ?? undefined });
  if (!parsed.success) throw new AppError('VALIDATION', parsed.error.issues[0]?.message ?? 'Paramètres invalides.');
  const { annee, territoire } = parsed.data;
  if (!territoire) return { year: annee };
  const [prefix, code] = territoire.split(':') as [keyof typeof TERRITORY_LEVELS, string];
  return { year: annee, territory: { level: TERRITORY_LEVELS[prefix], code } };
}

/** The public dataset for a query; unknown territories are refused in French (AppError('VALIDATION')). */
export async function publishOpenData(services: Services, params: URLSearchParams): Promise<OpenDataset> {
  const filters = readOpenDataQuery(params, services.clock.now().getUTCFullYear());
  return openDataset(await computeIndicators(services, filters));
}

/** The query written back for links (download, schema), in the public vocabulary. */
export function openDataQueryString(dataset: OpenDataset): string {
  const params = new URLSearchParams({ annee: String(dataset.year) });
  if (dataset.territoryCode !== 'dep:30') params.set('territoire', dataset.territoryCode);
  return params.toString();
}

/** Public aggregate figures may be cached by anyone for an hour; errors never. */
export const OPEN_DATA_HEADERS = { 'Cache-Control': 'public, max-age=3600', 'Access-Control-Allow-Origin': '*', 'X-Content-Type-Options': 'nosniff' } as const;
