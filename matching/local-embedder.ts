import { frenchThesaurus, type ConceptHit, type Thesaurus } from './thesaurus';
import { foldAccents, inflectionKey, isGenericWord, isStopWord, stem, words } from './text';

/** Same shape as the app's EmbeddingModel: provider, model and dimension in one key. */
export interface LocalEmbeddingModel {
  key: string;
  dimensions: number;
}

export interface LocalEmbedder {
  model: LocalEmbeddingModel;
  /** One L2-normalised vector per text; a text without any significant word gives the zero vector. */
  embed(texts: readonly string[]): number[][];
}

export interface LocalEmbedderOptions {
  dimensions?: number;
  thesaurus?: Thesaurus;
  /** Names a thesaurus other than the shipped one in the model key, so that vectors computed with another are redone. */
  thesaurusTag?: string;
}

// A word counts as much as its character n-grams together; a shared thesaurus concept counts as much as two shared
// words, so paraphrases that only meet through the thesaurus still score clearly above unrelated texts.
const WORD_WEIGHT = 1;
const NGRAMS_WEIGHT = 1;
const CONCEPT_WEIGHT = 2;
const GENERIC_WORD_SCALE = 0.25;
const WORD_COPIES = 2;
const CONCEPT_COPIES = 8;
const NGRAM_SIZES = [3, 4, 5];

const enum Space {
  Word = 1,
  Ngram = 2,
  Concept = 3,
}

// Past this many distinct words the memo is dropped rather than grown: it only saves time.
const MAX_CACHED_WORDS = 200_000;

/** FNV-1a, then the murmur3 finaliser so that the low bits used for the index are well mixed. */
function hash(text: string, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Sparse features of one word or concept: indices and signed weights. */
interface Features {
  indices: number[];
  values: number[];
}

/**
 * Hashes a feature into `copies` signed slots sharing its weight. A sign per slot makes collisions cancel out on
 * average instead of adding similarity; several slots turn a rare collision of two heavy features (two concepts that
 * would look related, or opposed) into several small ones.
 */
function addFeature(features: Features, text: string, space: Space, weight: number, dimensions: number, copies = 1): void {
  const share = weight / Math.sqrt(copies);
  for (let copy = 0; copy < copies; copy += 1) {
    const h = hash(text, space + copy * 16);
    features.indices.push(h % dimensions);
    features.values.push(h & 0x80000000 ? -share : share);
  }
}

function wordFeatures(surface: string, dimensions: number): Features {
  const stemmed = stem(surface);
  const scale = isGenericWord(surface) ? GENERIC_WORD_SCALE : 1;
  const features: Features = { indices: [], values: [] };
  addFeature(features, stemmed, Space.Word, WORD_WEIGHT * scale, dimensions, WORD_COPIES);
  const padded = `<${stemmed}>`;
  const grams: string[] = [];
  for (const size of NGRAM_SIZES) {
    for (let i = 0; i + size <= padded.length; i += 1) grams.push(padded.slice(i, i + size));
  }
  const weight = (NGRAMS_WEIGHT * scale) / Math.sqrt(grams.length);
  for (const gram of grams) addFeature(features, gram, Space.Ngram, weight, dimensions);
  return features;
}

interface ContentWord {
  surface: string;
  token: string;
  stem: string;
  key: string;
}

/** Significant words of a text, in order. */
function contentWords(text: string): ContentWord[] {
  return words(text)
    .filter((word) => !isStopWord(word.token))
    .map((word) => ({ ...word, stem: stem(word.surface), key: inflectionKey(word.token) }));
}

// Numbers (dates, surfaces, quantities) say nothing about the subject: they feed the thesaurus (« loi 1901 ») only.
const isNumber = (token: string) => /^\d+$/.test(token);

export function createLocalEmbedder({ dimensions = 384, thesaurus = frenchThesaurus, thesaurusTag }: LocalEmbedderOptions = {}): LocalEmbedder {
  if (!Number.isInteger(dimensions) || dimensions < 8) {
    throw new RangeError(`Dimension d'embedding invalide : ${dimensions} (entier ≥ 8 attendu)`);
  }
  const wordCache = new Map<string, { key: string; features: Features | null }>();
  const conceptCache = new Map<string, Features>();

  const analyse = (surface: string, token: string) => {
    let cached = wordCache.get(surface);
    if (!cached) {
      if (wordCache.size >= MAX_CACHED_WORDS) wordCache.clear();
      cached = { key: inflectionKey(token), features: isNumber(token) ? null : wordFeatures(surface, dimensions) };
      wordCache.set(surface, cached);
    }
    return cached;
  };

  const conceptFeatures = (label: string) => {
    let features = conceptCache.get(label);
    if (!features) {
      features = { indices: [], values: [] };
      addFeature(features, label, Space.Concept, CONCEPT_WEIGHT, dimensions, CONCEPT_COPIES);
      conceptCache.set(label, features);
    }
    return features;
  };

  const embedOne = (text: string): number[] => {
    const vector = new Float64Array(dimensions);
    const keys: string[] = [];
    const counts = new Map<Features, number>();
    for (const word of words(text)) {
      if (isStopWord(word.token)) continue;
      const { key, features } = analyse(word.surface, word.token);
      keys.push(key);
      if (features) counts.set(features, (counts.get(features) ?? 0) + 1);
    }
    for (const hit of thesaurus.match(keys)) {
      const features = conceptFeatures(hit.label);
      counts.set(features, (counts.get(features) ?? 0) + 1);
    }
    for (const [features, count] of counts) {
      // Sublinear: a word repeated five times in a long description should not outweigh everything else.
      const scale = 1 + Math.log(count);
      for (let i = 0; i < features.indices.length; i += 1) {
        vector[features.indices[i] as number]! += (features.values[i] as number) * scale;
      }
    }
    let norm = 0;
    for (const value of vector) norm += value * value;
    norm = Math.sqrt(norm);
    return Array.from(vector, (value) => (norm > 0 ? value / norm : 0));
  };

  return {
    model: { key: `local:lexical-fr:${dimensions}${thesaurusTag ? `:${thesaurusTag}` : ''}`, dimensions },
    embed: (texts) => texts.map(embedOne),
  };
}

/** Cosine similarity; 0 when either vector is zero or missing (empty). */
export function cosine(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a.length !== b.length) throw new RangeError(`Vecteurs de dimensions différentes : ${a.length} et ${b.length}`);
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  return normA > 0 && normB > 0 ? dot / Math.sqrt(normA * normB) : 0;
}

const MAX_SHARED = 4;

interface AnalysedText {
  list: ContentWord[];
  hits: ConceptHit[];
  labels: Set<string>;
  terms: Set<string>;
}

const termOf = (hit: ConceptHit) => `${hit.label}\u0000${hit.matched}`;
const span = (hit: ConceptHit) => hit.end - hit.start;

function analyseText(text: string, thesaurus: Thesaurus): AnalysedText {
  const list = contentWords(text);
  const hits = thesaurus.match(list.map((word) => word.key));
  return { list, hits, labels: new Set(hits.map((hit) => hit.label)), terms: new Set(hits.map(termOf)) };
}

/**
 * What two texts have in common, for explanations in French: the thesaurus concepts they share, longest matched term
 * first, each followed by the term itself when both use it; then the other significant words both use, longest first.
 */
export function sharedConcepts(a: string, b: string, thesaurus: Thesaurus = frenchThesaurus): string[] {
  const textA = analyseText(a, thesaurus);
  const textB = analyseText(b, thesaurus);
  const isShared = (hit: ConceptHit) => textA.labels.has(hit.label) && textB.labels.has(hit.label);
  const bothUse = (hit: ConceptHit) => textA.terms.has(termOf(hit)) && textB.terms.has(termOf(hit));
  const concepts = [...textA.hits, ...textB.hits]
    .filter(isShared)
    .sort((x, y) => span(y) - span(x))
    .flatMap((hit) => (bothUse(hit) ? [hit.label, hit.matched] : [hit.label]));

  const looseWords = ({ list, hits }: AnalysedText) => {
    const covered = new Set(hits.filter(isShared).flatMap((hit) => list.slice(hit.start, hit.end)));
    return list.filter((word) => !covered.has(word) && !isNumber(word.token) && !isGenericWord(word.surface));
  };
  const stemsB = new Set(looseWords(textB).map((word) => word.stem));
  const sharedWords = looseWords(textA)
    .filter((word) => stemsB.has(word.stem))
    .sort((x, y) => y.surface.length - x.surface.length)
    .map((word) => word.surface);

  const seen = new Set<string>();
  return [...concepts, ...sharedWords]
    .filter((item) => {
      const folded = foldAccents(item);
      if (seen.has(folded)) return false;
      seen.add(folded);
      return true;
    })
    .slice(0, MAX_SHARED);
}
