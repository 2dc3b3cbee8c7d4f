import OpenAI from 'openai';
import type { EmbeddingModel } from '../db/vector-index';
import type { Env } from '../env';
import { AppError } from '../errors';
import type { EmbeddingProvider } from './provider';

export type OpenAIEmbeddingsConfig = Extract<Env['embeddings'], { kind: 'openai' }>;

export interface OpenAIProviderOptions {
  /** Texts per request. */
  batchSize?: number;
  /** Per attempt, in milliseconds. */
  timeoutMs?: number;
  /** Further attempts after a timeout, a connection failure, HTTP 408, 409, 429 or 5xx. */
  maxRetries?: number;
}

/** The endpoint as people may read it: no credentials, no query string. */
function describeEndpoint(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.origin}${url.pathname.replace(/\/$/, '')}`;
}

function reasonOf(error: unknown, timeoutMs: number): string {
  if (error instanceof OpenAI.APIConnectionTimeoutError) return `pas de réponse en ${(timeoutMs / 1000).toLocaleString('fr-FR')} s`;
  if (error instanceof OpenAI.APIConnectionError) return 'injoignable';
  if (error instanceof OpenAI.AuthenticationError || error instanceof OpenAI.PermissionDeniedError) {
    return `accès refusé (HTTP ${error.status}), vérifiez EMBEDDINGS_API_KEY`;
  }
  if (error instanceof OpenAI.NotFoundError) return 'introuvable (HTTP 404), vérifiez EMBEDDINGS_BASE_URL et EMBEDDINGS_MODEL';
  if (error instanceof OpenAI.APIError) return `erreur HTTP ${error.status ?? 'inconnue'}`;
  return 'réponse illisible';
}

/** Any OpenAI-compatible embeddings endpoint (OpenAI, Mistral, Ollama, vLLM, LocalAI…). */
export function createOpenAIProvider(
  config: OpenAIEmbeddingsConfig,
  { batchSize = 64, timeoutMs = 30_000, maxRetries = 2 }: OpenAIProviderOptions = {},
): EmbeddingProvider {
  const endpoint = describeEndpoint(config.baseUrl);
  // The client refuses to start without a key; local servers ignore it.
  const client = new OpenAI({ baseURL: config.baseUrl, apiKey: config.apiKey || 'not-needed', timeout: timeoutMs, maxRetries });
  const fail = (reason: string, cause?: unknown) =>
    new AppError('UNAVAILABLE', `Service d'embeddings ${endpoint} (modèle ${config.model}) : ${reason}.`, { cause });
  const modelFor = (dimensions: number): EmbeddingModel => ({ key: `openai:${config.model}:${dimensions}`, dimensions });
  let model = config.dimensions ? modelFor(config.dimensions) : null;

  const request = async (input: string[]): Promise<number[][]> => {
    let response: OpenAI.CreateEmbeddingResponse;
    try {
      response = await client.embeddings.create({
        model: config.model,
        input,
        // Without it the client asks for base64 and misreads servers that answer with floats anyway.
        encoding_format: 'float',
        ...(config.dimensions ? { dimensions: config.dimensions } : {}),
      });
    } catch (error) {
      throw fail(reasonOf(error, timeoutMs), error);
    }
    const data: unknown = response?.data;
    if (!Array.isArray(data) || data.length !== input.length) {
      throw fail(`${Array.isArray(data) ? data.length : 0} vecteurs reçus pour ${input.length} textes`);
    }
    const vectors: number[][] = [];
    for (const item of data as ({ index?: unknown; embedding?: unknown } | null)[]) {
      const { index, embedding } = item ?? {};
      if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= input.length || vectors[index]) {
        throw fail('réponse mal formée (index des vecteurs)');
      }
      if (!Array.isArray(embedding) || embedding.length === 0 || !embedding.every(Number.isFinite)) {
        throw fail('réponse mal formée (vecteur non numérique)');
      }
      model ??= modelFor(embedding.length);
      if (embedding.length !== model.dimensions) {
        throw fail(`vecteur de dimension ${embedding.length} au lieu de ${model.dimensions}`);
      }
      vectors[index] = embedding as number[];
    }
    return vectors;
  };

  return {
    async embed(texts) {
      const vectors: number[][] = [];
      for (let start = 0; start < texts.length; start += batchSize) {
        vectors.push(...(await request(texts.slice(start, start + batchSize))));
      }
      // An empty call must still name the model: one probe teaches `request` the dimension.
      if (!model) await request(['dimension']);
      return { model: model as EmbeddingModel, vectors };
    },
  };
}
