import { describe, expect, it } from 'vitest';
import { parseCatalogueQuery } from './catalogue';

describe('parseCatalogueQuery', () => {
  it('keeps valid filters', () => {
    const { query, warnings } = parseCatalogueQuery(new URLSearchParams('type=lieu&commune=30189&rayon=20&q=atelier&page=3'));
    expect(query).toEqual({ type: 'lieu', commune: '30189', rayon: 20, q: 'atelier', page: 3 });
    expect(warnings).toEqual([]);
  });

  it('ignores empty filters silently and starts at page 1', () => {
    expect(parseCatalogueQuery(new URLSearchParams('type=&commune=&q=%20'))).toEqual({ query: { page: 1 }, warnings: [] });
  });

  it('ignores each invalid filter with a French warning naming it', () => {
    const { query, warnings } = parseCatalogueQuery(new URLSearchParams('type=piscine&commune=75056&rayon=abc&page=-2'));
    expect(query).toEqual({ page: 1 });
    expect(warnings).toEqual([
      'Le type d’offre demandé n’existe pas : ce filtre a été ignoré.',
      'La commune doit être un code INSEE du Gard (30xxx) : ce filtre a été ignoré.',
      'Le rayon doit être un nombre de kilomètres : ce filtre a été ignoré.',
      'Le numéro de page doit être un nombre entier positif : ce filtre a été ignoré.',
    ]);
  });
});
