import { createLocalEmbedder } from '../../../matching/local-embedder';
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

/** The configured provider: the offline French lexical embedder by default, or an OpenAI-compatible endpoint. */
export function createEmbeddingProvider(config: Env['embeddings']): EmbeddingProvider {
  if (config.kind === 'openai') return createOpenAIProvider(config);
  const embedder = createLocalEmbedder({ dimensions: config.dimensions });
  return { embed: async (texts) => ({ model: embedder.model, vectors: embedder.embed(texts) }) };
}
