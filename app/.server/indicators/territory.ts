import { AppError } from '../errors';
import type { CommuneRow, Territory, TerritoryLevel } from './types';

/** The Gard's arrondissements (INSEE codes), named after their chef-lieu. */
const ARRONDISSEMENT_NAMES: Record<string, string> = {
  '301': 'Arrondissement d’Alès',
  '302': 'Arrondissement de Nîmes',
  '303': 'Arrondissement du Vigan',
};

const arrondissementName = (code: string): string => ARRONDISSEMENT_NAMES[code] ?? `Arrondissement ${code}`;

interface TerritoryOption {
  /** As written in the address: `arrondissement:302`, `epci:243000643`, `commune:30189`. */
  value: string;
  label: string;
}

/** The choices of the territory filter, grouped by level, each sorted by name. */
export function territoryOptions(communes: readonly CommuneRow[]): { level: TerritoryLevel; label: string; options: TerritoryOption[] }[] {
  const byName = (a: TerritoryOption, b: TerritoryOption) => a.label.localeCompare(b.label, 'fr');
  const arrondissements = [...new Set(communes.flatMap((commune) => (commune.arrondissement ? [commune.arrondissement] : [])))].map((code) => ({
    value: `arrondissement:${code}`,
    label: arrondissementName(code),
  }));
  const epcis = new Map(communes.flatMap((commune) => (commune.epciCode ? [[commune.epciCode, commune.epciName ?? commune.epciCode] as const] : [])));
  return [
    { level: 'arrondissement', label: 'Arrondissements', options: arrondissements.sort(byName) },
    { level: 'epci', label: 'Intercommunalités (EPCI)', options: [...epcis].map(([code, name]) => ({ value: `epci:${code}`, label: name })).sort(byName) },
    { level: 'commune', label: 'Communes', options: communes.map((commune) => ({ value: `commune:${commune.code}`, label: commune.name })).sort(byName) },
  ];
}

/** The named territory, or a refusal in French when no commune of the Gard belongs to it. */
export function resolveTerritory(communes: readonly CommuneRow[], reference: { level: TerritoryLevel; code: string }): Territory {
  const member = communes.find((commune) => belongs(commune, reference));
  if (!member) {
    const what = { arrondissement: 'L’arrondissement', epci: 'L’intercommunalité', commune: 'La commune' }[reference.level];
    throw new AppError('VALIDATION', `${what} ${reference.code} n’existe pas dans le Gard.`);
  }
  const name = { arrondissement: arrondissementName(reference.code), epci: member.epciName ?? reference.code, commune: member.name }[reference.level];
  return { ...reference, name };
}

export function belongs(commune: CommuneRow, territory: { level: TerritoryLevel; code: string }): boolean {
  switch (territory.level) {
    case 'arrondissement':
      return commune.arrondissement === territory.code;
    case 'epci':
      return commune.epciCode === territory.code;
    case 'commune':
      return commune.code === territory.code;
  }
}
