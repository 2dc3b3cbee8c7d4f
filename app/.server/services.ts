import type { Env } from './env';
import type { Clock, TokenSource } from './clock';
import type { PrismaClient } from './db/generated/client';
import type { EmbeddingProvider } from './embeddings/provider';
import type { FileStorage } from './storage/file-storage';

/** Everything a use case may touch, wired once in app/.server/wiring.ts and handed to routes as load context. */
export interface Services {
  env: Env;
  prisma: PrismaClient;
  clock: Clock;
  tokens: TokenSource;
  storage: FileStorage;
  embeddings: EmbeddingProvider;
}

declare module '@remix-run/node' {
  interface AppLoadContext {
    services: Services;
    /** As seen by Express (TRUST_PROXY decides whether X-Forwarded-For counts). */
    clientIp: string;
  }
}
