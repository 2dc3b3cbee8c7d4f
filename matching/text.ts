import { newStemmer } from 'snowball-stemmers';

/** Lowercases and removes diacritics: « Trésorerie Œuvre 12 m² » → « tresorerie oeuvre 12 m2 ». */
export function foldAccents(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
}

/** Elided articles and pronouns before an apostrophe: l'association, d'un, qu'elle, jusqu'au. */
const ELISIONS = new Set(['l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu']);

/** A word as written (lowercase, accents kept) and its folded form. */
export interface Word {
  surface: string;
  token: string;
}

/** Splits text into lowercase words, dropping elided articles (« l'association » → « association »). */
export function words(text: string): Word[] {
  const result: Word[] = [];
  for (const part of text.toLowerCase().split(/[^\p{L}\p{N}'’ʼ]+/u)) {
    const pieces = part.split(/['’ʼ]/);
    pieces.forEach((surface, index) => {
      if (!surface) return;
      const token = foldAccents(surface);
      if (index < pieces.length - 1 && ELISIONS.has(token)) return;
      result.push({ surface, token });
    });
  }
  return result;
}

/** Lowercase, accent-folded words of a text, elided articles removed. */
export function tokenize(text: string): string[] {
  return words(text).map((word) => word.token);
}

// Snowball's French list, folded, plus the auxiliaries' common forms. Short words that carry meaning in this domain
// (pmr, rh, pao, bio, web, ess, vtt, 3e, troisième…) are deliberately absent.
const STOP_WORD_LIST = `
a ai aie aient aies ait as au aura aurai auraient aurais aurait auras aurez auriez aurions aurons auront aux avaient
avais avait avec avez aviez avions avoir avons ayant ayez ayons c ce ceci cela celle celles celui ces cet cette ceux
chacun chaque comme d dans de des donc dont du elle elles en es est et etaient etais etait etant ete etes etiez etions
etre eu eue eues eurent eus eusse eussent eusses eussiez eussions eut eux fut furent fus fusse fussent fusses fussiez
fussions ici il ils j je l la le les leur leurs lui m ma mais me meme mes moi mon n ne ni nos notre nous on ont ou
par pas peu peut peuvent plus pour qu quand que quel quelle quelles quels qui s sa sans se sera serai seraient serais
serait seras serez seriez serions serons seront ses si soi soient sois soit sommes son sont soyez soyons suis sur t
ta te tes toi ton tous tout toute toutes tres tu un une unes uns vers via vos votre vous y aujourd hui afin ainsi
aussi autre autres avant apres car chez deja encore entre lors memes parmi pendant puis sous tant
`;

export const STOP_WORDS: ReadonlySet<string> = new Set(STOP_WORD_LIST.split(/\s+/).filter(Boolean));

export function isStopWord(token: string): boolean {
  return STOP_WORDS.has(token);
}

// Words that nearly every announcement on the platform uses (« nous recherchons une aide pour notre association »):
// without corpus statistics to weigh them, they are listed here so that they count little.
const GENERIC_WORD_LIST = `
aide aider besoin cherche chercher cherchons recherche rechercher recherchons souhaite souhaiter souhaitons propose
proposer proposons offre demande projet association structure personne accompagnement accompagner mise disposition
service activité action cadre faire pouvoir agent compétence possible nouveau jour semaine mois heure année an gard
département ville
`;

const french = newStemmer('french');

/**
 * Snowball French stem, folded. Give it the accented word when there is one: Snowball's suffixes carry accents.
 * Plurals of short words, which Snowball leaves alone (vélos), are merged too.
 */
export function stem(word: string): string {
  return inflectionKey(french.stem(word.toLowerCase()));
}

/**
 * A minimal key that only merges plural and feminine forms (budgets → budget, foncière → foncier, associatives →
 * associatif, locaux → local). Snowball also strips derivational suffixes (communication and commune both become
 * « commun »), too loose for exact vocabulary such as the thesaurus.
 */
export function inflectionKey(token: string): string {
  let key = foldAccents(token);
  if (key.length > 4 && key.endsWith('eaux')) key = key.slice(0, -1);
  else if (key.length > 4 && key.endsWith('aux')) key = `${key.slice(0, -3)}al`;
  else if (key.length > 3 && /[^s][sx]$/.test(key)) key = key.slice(0, -1);
  if (key.endsWith('euse')) return `${key.slice(0, -4)}eur`;
  if (key.endsWith('trice')) return `${key.slice(0, -4)}eur`;
  if (key.endsWith('ive')) return `${key.slice(0, -3)}if`;
  if (/(enn|ell)e$/.test(key)) return key.slice(0, -2);
  return key.length > 4 ? key.replace(/e+$/, '') : key;
}

// Both stems, since Snowball stems a word typed without its accents differently (activités → activ, activites → activit).
const GENERIC_STEMS: ReadonlySet<string> = new Set(
  GENERIC_WORD_LIST.split(/\s+/)
    .filter(Boolean)
    .flatMap((word) => [stem(word), stem(foldAccents(word))]),
);

/** Whether a word, in any inflected form, is one of the platform's ubiquitous words. */
export function isGenericWord(word: string): boolean {
  return GENERIC_STEMS.has(stem(word));
}
