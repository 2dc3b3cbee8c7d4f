import path from 'node:path';
import { createRequestHandler } from '@remix-run/express';
import type { ServerBuild } from '@remix-run/node';
import express from 'express';
import { assertServerEnv, parseEnv } from '../env';
import { isAppError } from '../errors';
import { bootApp } from '../wiring';

const dev = process.argv.includes('--dev');
const log = (line: string) => console.log(`[passerelles] ${line}`);

async function main() {
  const env = parseEnv({ ...process.env, NODE_ENV: process.env.NODE_ENV ?? (dev ? 'development' : undefined) });
  assertServerEnv(env);
  const app = await bootApp(env, log);

  const server = express();
  server.disable('x-powered-by');
  server.set('trust proxy', env.trustProxy);
  server.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('X-Frame-Options', 'SAMEORIGIN');
    next();
  });

  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (dev) {
    const vite = await import('vite');
    const viteServer = await vite.createServer({ server: { middlewareMode: true } });
    server.use(viteServer.middlewares);
    build = () => viteServer.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>;
  } else {
    const buildDir = path.resolve('build');
    server.use('/assets', express.static(path.join(buildDir, 'client/assets'), { immutable: true, maxAge: '1y' }));
    server.use(express.static(path.join(buildDir, 'client'), { maxAge: '1h' }));
    build = (await import(path.join(buildDir, 'server/index.js'))) as ServerBuild;
  }

  server.all(
    '*',
    createRequestHandler({
      build,
      mode: dev ? 'development' : 'production',
      getLoadContext: (req) => ({ services: app.services, clientIp: req.ip ?? 'unknown' }),
    }),
  );

  const listener = server.listen(env.port, env.host, () => {
    log(`Passerelles est prêt : ${env.appUrl} (écoute sur http://${env.host}:${env.port})`);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`Arrêt (${signal})…`);
    listener.close();
    await app.shutdown();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (isAppError(error)) {
    console.error(`[passerelles] ${error.message}`);
  } else {
    console.error('[passerelles] Échec du démarrage / start-up failed:', error);
  }
  process.exit(1);
});
