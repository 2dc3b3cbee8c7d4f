import { createLocalEmbedder, type LocalEmbedder } from '../../../matching/local-embedder';
import { frenchThesaurus, type Thesaurus } from '../../../matching/thesaurus';
import type { EmbeddingModel } from '../db/vector-index';
import type { Env } from '../env';
import { createOpenAIProvider } from './openai-provider';

export interface Embeddings {
  /** Provider, model and dimension of `vectors`: stored beside each vector. */
  model: EmbeddingModel;
  /** One vector per text, in the order given. */
  vectors: number[][];
}

export interface EmbeddingProvider {
  /** Embeds texts; `embed([])` still gives the model (asking the server once if its dimension is not configured). */
  embed(texts: readonly string[]): Promise<Embeddings>;
}

/** The thesaurus the local embedder uses, and its tag in the model key (none for the thesaurus shipped in the code). */
export interface ThesaurusChoice {
  thesaurus: Thesaurus;
  tag?: string;
}

const shippedThesaurus = async (): Promise<ThesaurusChoice> => ({ thesaurus: frenchThesaurus });

/**
 * The configured provider: the offline French lexical embedder by default, or an OpenAI-compatible endpoint. The
 * local embedder asks `currentThesaurus` before each call, so a thesaurus published online applies at once, under a
 * new model key (vectors computed with the previous one are then redone by `embedPending`).
 */
export function createEmbeddingProvider(
  config: Env['embeddings'],
  currentThesaurus: () => Promise<ThesaurusChoice> = shippedThesaurus,
): EmbeddingProvider {
  if (config.kind === 'openai') return createOpenAIProvider(config);
  let cached: { thesaurus: Thesaurus; embedder: LocalEmbedder } | null = null;
  return {
    embed: async (texts) => {
      const { thesaurus, tag } = await currentThesaurus();
      if (cached?.thesaurus !== thesaurus) {
        cached = { thesaurus, embedder: createLocalEmbedder({ dimensions: config.dimensions, thesaurus, thesaurusTag: tag }) };
      }
      return { model: cached.embedder.model, vectors: cached.embedder.embed(texts) };
    },
  };
}
