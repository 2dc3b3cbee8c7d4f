import { describe, expect, it } from 'vitest';
import { formatCell, formatFigure } from './indicator-format';

describe('formatFigure', () => {
  it('writes numbers the French way, with their unit', () => {
    expect(formatFigure(1250, 'm²')).toBe('1\u202f250\u00a0m²');
    expect(formatFigure(113.8, 'heures')).toBe('113,8\u00a0h');
    expect(formatFigure(33.3333, '%')).toBe('33,3\u00a0%');
    expect(formatFigure(4.25, 'note sur 5')).toBe('4,3\u00a0/\u00a05');
    expect(formatFigure(1.5, 'jours')).toBe('1,5\u00a0jour');
    expect(formatFigure(12, 'jours')).toBe('12\u00a0jours');
    expect(formatFigure(-1, 'nombre')).toBe('-1');
  });

  it('says when nothing could be computed', () => {
    expect(formatFigure(null, '%')).toBe('non calculable (aucune donnée)');
  });

  it('formats table cells', () => {
    expect(formatCell(2100.5)).toBe('2\u202f100,5');
    expect(formatCell(null)).toBe('—');
    expect(formatCell('Nîmes')).toBe('Nîmes');
  });
});
