import { describe, expect, it } from 'vitest';
import data from './data/thesaurus-fr.json' with { type: 'json' };
import { contentKeys, createThesaurus, frenchThesaurus, parseThesaurus, parseThesaurusText, ThesaurusError } from './thesaurus';

const sources = [{ name: 'Test', usage: 'tests' }];
const labels = (text: string) => frenchThesaurus.conceptsIn(text).map((hit) => hit.label);

describe('the shipped thesaurus', () => {
  it('is valid, cites its sources and covers the domain with many groups', () => {
    const parsed = parseThesaurus(data);
    expect(parsed.sources.length).toBeGreaterThanOrEqual(3);
    expect(parsed.groups.length).toBeGreaterThanOrEqual(60);
  });

  it('puts the paraphrases of the issue in the same group', () => {
    const families = [
      ['trésorerie', 'finances', 'budget', 'comptabilité'],
      ['menuiserie', 'ébénisterie', 'travail du bois'],
      ['graphisme', 'PAO', 'mise en page'],
      ['fauteuil roulant', 'mobilité réduite', 'PMR', 'accessible'],
      ['entrepôt', 'stockage', 'hangar'],
      ['photovoltaïque', 'solaire', 'toiture'],
      ['terrain', 'foncier', 'parcelle'],
      ['recyclage', 'réemploi', 'ressourcerie'],
      ['marchés publics', 'commande publique'],
      ['tableau de bord', 'indicateurs', 'évaluation'],
    ];
    for (const family of families) {
      const shared = family.map(labels).reduce((a, b) => a.filter((label) => b.includes(label)));
      expect(shared, family.join(' / ')).not.toEqual([]);
    }
  });
});

describe('conceptsIn', () => {
  it('finds terms in reading order, with the term as written in the thesaurus', () => {
    expect(frenchThesaurus.conceptsIn('Tenue de la trésorerie et du budget').map(({ label, matched }) => ({ label, matched }))).toEqual([
      { label: 'finances', matched: 'trésorerie' },
      { label: 'finances', matched: 'budget' },
    ]);
  });

  it('matches plural forms and text typed without accents', () => {
    expect(labels('nos budgets')).toEqual(['finances']);
    expect(labels('TRESORERIE')).toEqual(['finances']);
    expect(labels('pose de panneaux photovoltaiques')).toContain('énergie solaire et toitures');
  });

  it('matches multi-word terms on the sequence of significant words', () => {
    expect(labels('une aide au domicile')).toContain('santé et soin');
    expect(labels('le travail du bois')).toEqual(['menuiserie']);
    expect(labels('du bois de travail')).toEqual([]);
  });

  it('prefers the longest term where terms overlap', () => {
    expect(labels('personnes à mobilité réduite')).toEqual(['accessibilité PMR']);
    expect(labels('mobilité')).toEqual(['mobilité']);
    expect(labels('restauration du patrimoine')).toEqual(['patrimoine et tourisme']);
  });

  it('names every group of a term listed in several groups', () => {
    expect(labels('fauteuil roulant')).toEqual(['accessibilité PMR', 'handicap et inclusion']);
  });

  it('matches whole words only and stays clear of derived words', () => {
    expect(labels('la commune de Sommières')).toEqual([]);
    expect(labels('le chat dort sur le canapé')).toEqual([]);
  });
});

describe('createThesaurus', () => {
  it('accepts terms written without accents', () => {
    const thesaurus = createThesaurus({ sources, groups: [{ label: 'finances', terms: ['comptabilite', 'tresorier'] }] });
    expect(thesaurus.conceptsIn('Comptabilité et trésoriers').map((hit) => hit.matched)).toEqual(['comptabilite', 'tresorier']);
  });

  it('ignores stop words inside terms and texts alike', () => {
    expect(contentKeys("l'aide à la personne")).toEqual(contentKeys('aide personnes'));
  });
});

describe('parseThesaurus', () => {
  const valid = { sources, groups: [{ label: 'finances', terms: ['budget', 'trésorerie'] }] };
  const problem = (input: unknown) => {
    try {
      parseThesaurus(input);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('expected the thesaurus to be rejected');
  };

  it('accepts a well-formed file', () => {
    expect(parseThesaurus(valid)).toEqual(valid);
  });

  it('names the group and the term at fault', () => {
    const message = problem({ sources, groups: [...valid.groups, { label: 'vélo', terms: ['vélo', 42] }] });
    expect(message).toContain('Thésaurus invalide');
    expect(message).toContain('groupe « vélo », terme n° 2');
  });

  it('names a group without a label by its position', () => {
    expect(problem({ sources, groups: [...valid.groups, { label: ' ', terms: ['a', 'b'] }] })).toContain('groupe n° 2');
  });

  it('rejects a term made of stop words only', () => {
    expect(problem({ sources, groups: [{ label: 'vide', terms: ['budget', 'de la'] }] })).toContain(
      'groupe « vide », terme « de la » : aucun mot significatif',
    );
  });

  it('rejects duplicate labels, single-term groups and a missing source list', () => {
    expect(problem({ sources, groups: [valid.groups[0], valid.groups[0]] })).toContain('groupe « finances » : libellé en double');
    expect(problem({ sources, groups: [{ label: 'seul', terms: ['seul'] }] })).toContain('groupe « seul », termes');
    expect(problem({ groups: valid.groups })).toContain('sources');
  });
});

describe('parseThesaurusText', () => {
  const problems = (text: string) => {
    try {
      parseThesaurusText(text);
    } catch (error) {
      if (error instanceof ThesaurusError) return error.problems;
      throw error;
    }
    throw new Error('expected the thesaurus to be rejected');
  };

  it('reads the shipped file as typed', () => {
    expect(parseThesaurusText(JSON.stringify(data, null, 2)).groups.length).toBe(data.groups.length);
  });

  it('gives the line and column where the text stops being JSON', () => {
    const text = '{\n  "sources": [{ "name": "Test", "usage": "tests" }],\n  "groups": [\n    { "label": "finances", "terms": ["budget", "trésorerie",] }\n  ]\n}';
    const [problem] = problems(text);
    expect(problem).toMatch(/^ligne 4, colonne 61 : ce n’est plus du JSON valide/);
    expect(problems('{\n  "sources": [\n    { "name": \'Test\' }\n  ]\n}')[0]).toMatch(/^ligne 3, colonne 15 :/);
  });

  it('says so when the text ends too early', () => {
    expect(problems('{ "sources": [')).toEqual([expect.stringContaining('le texte s’arrête avant la fin')]);
  });

  it('then checks the shape, naming the group at fault', () => {
    expect(problems(JSON.stringify({ sources, groups: [{ label: 'seul', terms: ['seul'] }] }))).toEqual([expect.stringContaining('groupe « seul », termes')]);
  });
});
