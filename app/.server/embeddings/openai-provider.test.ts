import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { createOpenAIProvider, type OpenAIEmbeddingsConfig } from './openai-provider';
import { createEmbeddingProvider } from './provider';

interface Received {
  path: string;
  authorization: string | undefined;
  body: { model?: unknown; input?: unknown; encoding_format?: unknown; dimensions?: unknown };
}

type Reply = (request: Received, res: ServerResponse) => void;

const SECRET = 'sk-test-secret-0123456789';

/** A fake OpenAI-compatible server on 127.0.0.1: each request gets the next reply, the last one repeats. */
async function fakeServer(...replies: Reply[]) {
  const received: Received[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: Received = {
        path: req.url ?? '',
        authorization: req.headers.authorization,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Received['body'],
      };
      received.push(request);
      const reply = replies[Math.min(received.length, replies.length) - 1] as Reply;
      reply(request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  const { port } = server.address() as AddressInfo;
  const config: OpenAIEmbeddingsConfig = {
    kind: 'openai',
    baseUrl: `http://127.0.0.1:${port}/v1`,
    apiKey: SECRET,
    model: 'fake-embed',
    dimensions: undefined,
  };
  return { received, config };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

/** Vectors that encode their text: [its number, its length, 1]; data listed in reverse to check ordering by index. */
const embeddings =
  (dimensions = 3): Reply =>
  ({ body }, res) => {
    const input = body.input as string[];
    const data = input.map((text, index) => ({
      object: 'embedding',
      index,
      embedding: [Number(text.replace(/\D/g, '') || 0), text.length, ...Array<number>(dimensions - 2).fill(1)],
    }));
    json(res, 200, { object: 'list', model: body.model, data: data.reverse(), usage: { prompt_tokens: 1, total_tokens: 1 } });
  };

const serverError: Reply = (_request, res) =>
  json(res, 500, { error: { message: 'boom', type: 'server_error' } }, { 'retry-after-ms': '10' });

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('createOpenAIProvider', () => {
  it('posts the model, the texts and float encoding, with the key as bearer, and learns the dimension', async () => {
    const { received, config } = await fakeServer(embeddings(4));
    const result = await createOpenAIProvider(config).embed(['texte 1', 'texte 22']);

    expect(result.model).toEqual({ key: 'openai:fake-embed:4', dimensions: 4 });
    expect(result.vectors).toEqual([
      [1, 7, 1, 1],
      [22, 8, 1, 1],
    ]);
    expect(received).toHaveLength(1);
    expect(received[0]).toEqual({
      path: '/v1/embeddings',
      authorization: `Bearer ${SECRET}`,
      body: { model: 'fake-embed', input: ['texte 1', 'texte 22'], encoding_format: 'float' },
    });
  });

  it('sends the configured dimension, which the model key names', async () => {
    const { received, config } = await fakeServer(embeddings(8));
    const result = await createOpenAIProvider({ ...config, dimensions: 8 }).embed(['a']);

    expect(received[0]?.body.dimensions).toBe(8);
    expect(result.model).toEqual({ key: 'openai:fake-embed:8', dimensions: 8 });
  });

  it('sends texts in batches and returns the vectors in the order of the texts', async () => {
    const { received, config } = await fakeServer(embeddings());
    const texts = Array.from({ length: 130 }, (_, index) => `offre ${index}`);
    const { vectors } = await createOpenAIProvider(config, { batchSize: 64 }).embed(texts);

    expect(received.map((request) => (request.body.input as string[]).length)).toEqual([64, 64, 2]);
    expect(received[2]?.body.input).toEqual(['offre 128', 'offre 129']);
    expect(vectors.map((vector) => vector[0])).toEqual(texts.map((_, index) => index));
  });

  it('retries after a server error', async () => {
    const { received, config } = await fakeServer(serverError, embeddings());
    const { vectors } = await createOpenAIProvider(config, { maxRetries: 1 }).embed(['texte 5']);

    expect(received).toHaveLength(2);
    expect(vectors).toEqual([[5, 7, 1]]);
  });

  it('gives up after its retries with an UNAVAILABLE error naming the endpoint, never the key', async () => {
    const { received, config } = await fakeServer(serverError);
    const error = await failure(createOpenAIProvider(config, { maxRetries: 2 }).embed(['texte']));

    expect(received).toHaveLength(3);
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toContain(config.baseUrl);
    expect(error.message).toContain('HTTP 500');
    expect(error.message).not.toContain(SECRET);
  });

  it('reports a refused key without retrying and without showing it', async () => {
    const { received, config } = await fakeServer((_request, res) =>
      json(res, 401, { error: { message: `Incorrect API key provided: ${SECRET}` } }),
    );
    const error = await failure(createOpenAIProvider(config).embed(['texte']));

    expect(received).toHaveLength(1);
    expect(error.message).toContain('EMBEDDINGS_API_KEY');
    expect(error.message).not.toContain(SECRET);
  });

  it('times out on a server that does not answer', async () => {
    const { received, config } = await fakeServer(() => undefined);
    const started = Date.now();
    const error = await failure(createOpenAIProvider(config, { timeoutMs: 200, maxRetries: 1 }).embed(['texte']));

    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toContain('pas de réponse en 0,2 s');
    expect(received).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reports an unreachable endpoint', async () => {
    const { config } = await fakeServer(embeddings());
    await new Promise((resolve) => servers.pop()?.close(resolve));
    const error = await failure(createOpenAIProvider(config, { maxRetries: 0 }).embed(['texte']));

    expect(error.message).toContain('injoignable');
  });

  it('rejects vectors of different dimensions within a response', async () => {
    const { config } = await fakeServer(({ body }, res) =>
      json(res, 200, {
        data: (body.input as string[]).map((_, index) => ({ index, embedding: index === 0 ? [1, 2, 3] : [1, 2] })),
      }),
    );
    const error = await failure(createOpenAIProvider(config).embed(['a', 'b']));

    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toContain('dimension 2 au lieu de 3');
  });

  it('rejects a batch whose dimension differs from the previous batches', async () => {
    const { config } = await fakeServer(embeddings(3), embeddings(4));
    const error = await failure(createOpenAIProvider(config, { batchSize: 2 }).embed(['a', 'b', 'c']));

    expect(error.message).toContain('dimension 4 au lieu de 3');
  });

  it('rejects vectors that do not have the configured dimension', async () => {
    const { config } = await fakeServer(embeddings(5));
    const error = await failure(createOpenAIProvider({ ...config, dimensions: 3 }).embed(['a']));

    expect(error.message).toContain('dimension 5 au lieu de 3');
  });

  it('rejects a response with fewer vectors than texts', async () => {
    const { config } = await fakeServer((_request, res) => json(res, 200, { data: [{ index: 0, embedding: [1, 2] }] }));
    const error = await failure(createOpenAIProvider(config).embed(['a', 'b']));

    expect(error.message).toContain('1 vecteurs reçus pour 2 textes');
  });

  it('names the model of an empty call, probing the server only when the dimension is unknown', async () => {
    const configuredServer = await fakeServer(embeddings(6));
    const configured = await createOpenAIProvider({ ...configuredServer.config, dimensions: 6 }).embed([]);
    expect(configured).toEqual({ model: { key: 'openai:fake-embed:6', dimensions: 6 }, vectors: [] });
    expect(configuredServer.received).toHaveLength(0);

    const probedServer = await fakeServer(embeddings(6));
    const provider = createOpenAIProvider(probedServer.config);
    expect(await provider.embed([])).toEqual({ model: { key: 'openai:fake-embed:6', dimensions: 6 }, vectors: [] });
    await provider.embed([]);
    expect(probedServer.received).toHaveLength(1);
  });
});

describe('createEmbeddingProvider', () => {
  it('defaults to the local French embedder under its configured key', async () => {
    const { model, vectors } = await createEmbeddingProvider({ kind: 'local', dimensions: 64 }).embed(['trésorerie', 'budget']);

    expect(model).toEqual({ key: 'local:lexical-fr:64', dimensions: 64 });
    expect(vectors).toHaveLength(2);
    expect(vectors[0]).toHaveLength(64);
  });

  it('uses the OpenAI-compatible endpoint when one is configured', async () => {
    const { received, config } = await fakeServer(embeddings());
    const { model } = await createEmbeddingProvider(config).embed(['a']);

    expect(model.key).toBe('openai:fake-embed:3');
    expect(received).toHaveLength(1);
  });
});
