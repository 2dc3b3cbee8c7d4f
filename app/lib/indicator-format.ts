/** Figures of the plan's dashboard, written the French way (narrow no-break spaces, decimal comma). */

export type IndicatorUnit = 'nombre' | 'm²' | 'heures' | 'jours' | '%' | 'note sur 5';

const number = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

export const formatNumber = (value: number): string => number.format(value);

/** A figure with its unit; null means there was nothing to compute from. */
export function formatFigure(value: number | null, unit: IndicatorUnit): string {
  if (value === null) return 'non calculable (aucune donnée)';
  const text = formatNumber(value);
  switch (unit) {
    case 'nombre':
      return text;
    case 'm²':
      return `${text}\u00a0m²`;
    case 'heures':
      return `${text}\u00a0h`;
    case 'jours':
      return `${text}\u00a0jour${Math.abs(value) >= 2 ? 's' : ''}`;
    case '%':
      return `${text}\u00a0%`;
    case 'note sur 5':
      return `${text}\u00a0/\u00a05`;
  }
}

/** A table cell: numbers in French, an empty cell as a dash. */
export const formatCell = (value: string | number | null): string => (value === null || value === '' ? '—' : typeof value === 'number' ? formatNumber(value) : value);
