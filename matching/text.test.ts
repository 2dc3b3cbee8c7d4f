import { describe, expect, it } from 'vitest';
import { foldAccents, inflectionKey, isGenericWord, isStopWord, stem, tokenize, words } from './text';

describe('foldAccents', () => {
  it('lowercases and removes diacritics, ligatures included', () => {
    expect(foldAccents('Trésorerie, ÉBÉNISTERIE, maïs, Œuvre, ex æquo, ça')).toBe('tresorerie, ebenisterie, mais, oeuvre, ex aequo, ca');
  });

  it('turns compatibility characters into plain ones', () => {
    expect(foldAccents('200 m²')).toBe('200 m2');
  });
});

describe('tokenize', () => {
  it('gives lowercase folded words and drops elided articles, whatever the apostrophe', () => {
    expect(tokenize("L'association d’un quartier, qu'elle gère jusqu'au 3e trimestre")).toEqual([
      'association',
      'un',
      'quartier',
      'elle',
      'gere',
      'au',
      '3e',
      'trimestre',
    ]);
  });

  it('splits on hyphens and punctuation but keeps digits with letters', () => {
    expect(tokenize('Éco-construction : 120 m2 (PMR) !')).toEqual(['eco', 'construction', '120', 'm2', 'pmr']);
  });

  it('keeps an apostrophe-joined word that is not an elision', () => {
    expect(tokenize("aujourd'hui")).toEqual(['aujourd', 'hui']);
  });

  it('returns nothing for empty or symbol-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' — … ! ')).toEqual([]);
  });
});

describe('words', () => {
  it('keeps the accented form beside the folded token', () => {
    expect(words("l'Écologie")).toEqual([{ surface: 'écologie', token: 'ecologie' }]);
  });
});

describe('isStopWord', () => {
  it('recognises function words', () => {
    for (const word of ['le', 'de', 'des', 'pour', 'avec', 'nous', 'etre', 'sont']) expect(isStopWord(word)).toBe(true);
  });

  it('keeps short words that carry meaning here', () => {
    for (const word of ['troisieme', '3e', 'pmr', 'rh', 'pao', 'bio', 'web', 'ess', 'vtt', 'cv']) {
      expect(isStopWord(word)).toBe(false);
    }
  });
});

describe('stem', () => {
  it('merges inflected and derived forms with Snowball', () => {
    expect(stem('budgets')).toBe(stem('budget'));
    expect(stem('comptabilité')).toBe(stem('comptable'));
    expect(stem('réparation')).toBe(stem('réparer'));
  });

  it('folds the stem and also merges plurals of short words', () => {
    expect(stem('Trésorerie')).toBe('tresorer');
    expect(stem('vélos')).toBe(stem('vélo'));
  });
});

describe('inflectionKey', () => {
  it('merges plural and feminine forms, accents optional', () => {
    const pairs = [
      ['budgets', 'budget'],
      ['foncière', 'foncier'],
      ['associatives', 'associatif'],
      ['locaux', 'local'],
      ['bureaux', 'bureau'],
      ['animatrice', 'animateur'],
      ['vendeuse', 'vendeur'],
      ['musicienne', 'musicien'],
      ['employée', 'employé'],
      ['Parcelles', 'parcelle'],
      ['vélos', 'velo'],
    ];
    for (const [a, b] of pairs) expect(inflectionKey(a as string), `${a} / ${b}`).toBe(inflectionKey(b as string));
  });

  it('does not merge derived words the way Snowball does', () => {
    expect(stem('communication')).toBe(stem('commune'));
    expect(inflectionKey('communication')).not.toBe(inflectionKey('commune'));
    expect(inflectionKey('formation')).not.toBe(inflectionKey('format'));
  });
});

describe('isGenericWord', () => {
  it('recognises the words of every announcement, in any form and with or without accents', () => {
    for (const word of ['recherchons', 'associations', 'aide', 'besoins', 'activités', 'activites', 'projets']) {
      expect(isGenericWord(word), word).toBe(true);
    }
  });

  it('leaves subject words alone', () => {
    for (const word of ['communication', 'trésorerie', 'vélo', 'menuiserie', 'commune']) expect(isGenericWord(word), word).toBe(false);
  });
});
