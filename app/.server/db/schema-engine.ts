import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  DriverAdapterError,
  type ErrorRegistry,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { AppError } from '../errors';

export type { SchemaEngine };

export interface SchemaFile {
  path: string;
  content: string;
}

export interface MigrationEngine {
  /** Runs engine commands; their errors are rethrown as SchemaEngineError with the database's real message. */
  run<T>(command: (engine: SchemaEngine) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export class SchemaEngineError extends Error {
  /** Prisma's error code when the engine gives one (e.g. P3009: a failed migration blocks the others). */
  readonly code: string | undefined;

  constructor(message: string, options: { code: string | undefined; cause: unknown }) {
    super(message, { cause: options.cause });
    this.name = 'SchemaEngineError';
    this.code = options.code;
  }
}

let bindingsReady: Promise<void> | undefined;
let lastPanic: string | undefined;

/** The package entry imports the .wasm file as an ES module, which Node cannot do: instantiate it by hand, once. */
function loadBindings(): Promise<void> {
  bindingsReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(
      path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')),
      'schema_engine_bg.wasm',
    );
    const module = await WebAssembly.compile(fs.readFileSync(wasmPath));
    const instance = await WebAssembly.instantiate(module, { './schema_engine_bg.js': bindings });
    // The bindings report Rust panics through this global before throwing a bare "unreachable" RuntimeError.
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
      set_message: (message: string) => {
        lastPanic = message;
      },
    };
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return bindingsReady;
}

/**
 * Starts the WebAssembly schema engine on the database behind `adapterFactory` (PGlite or PrismaPg).
 * `schema` is the Prisma schema the engine reads its datasource and generator blocks from.
 */
export async function startSchemaEngine(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  schema: SchemaFile,
): Promise<MigrationEngine> {
  await loadBindings();
  const tracked = migrationSafeFactory(adapterFactory);
  const bound = bindMigrationAwareSqlAdapterFactory(tracked.factory);
  const rethrow = (error: unknown): never => {
    const code = (error as { code?: unknown } | null)?.code;
    throw new SchemaEngineError(describeEngineError(error, bound.errorRegistry), {
      code: typeof code === 'string' ? code : undefined,
      cause: error,
    });
  };
  // The engine connects at once: a wrong URL fails here.
  const engine = await bindings.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    () => {},
    bound,
  ).catch(async (error: unknown) => {
    await tracked.disposeAll();
    return rethrow(error);
  });
  return {
    run: (command) => command(engine).catch(rethrow),
    close: async () => {
      engine.free();
      await tracked.disposeAll();
    },
  };
}

/** Replaces the engine's "External error id#N" with the message of the JavaScript error it registered. */
function describeEngineError(error: unknown, registry: ErrorRegistry): string {
  if (error instanceof WebAssembly.RuntimeError && lastPanic) return `le moteur a planté : ${lastPanic}`;
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/External error id#(\d+)/g, (text, id: string) => {
    const record = registry.consumeError(Number(id));
    if (!record) return text;
    return record.error instanceof Error ? record.error.message : String(record.error);
  });
}

/**
 * Fixes the two adapters for migrations: each migration script must run whole, awaited, in one implicit transaction,
 * and its SQL errors must reach the engine (which then records the migration as failed). Also keeps the connections
 * the engine opens: it never disposes them itself (7.10.0), and PrismaPg pools would keep the process alive.
 */
function migrationSafeFactory(factory: SqlMigrationAwareDriverAdapterFactory) {
  const open = new Set<() => Promise<void>>();
  const wrap = (
    adapter: SqlDriverAdapter,
    runScript: (script: string) => Promise<unknown>,
    release = () => adapter.dispose(),
  ) => {
    let released: Promise<void> | undefined;
    const dispose = () => (released ??= release().finally(() => open.delete(dispose)));
    open.add(dispose);
    return withExecuteScript(adapter, runScript, dispose);
  };
  const disposeAll = async () => {
    await Promise.allSettled([...open].map((dispose) => dispose()));
  };

  if (factory instanceof PrismaPGlite) {
    // pglite-prisma-adapter 0.7.2 neither awaits `exec` in executeScript nor loads pgvector in its shadow database.
    const client = factory['client'];
    return {
      disposeAll,
      factory: {
        provider: factory.provider,
        adapterName: factory.adapterName,
        connect: async () => wrap(await factory.connect(), (script) => client.exec(script)),
        connectToShadowDb: async () => {
          const shadow = await PGlite.create({ extensions: { vector } });
          return wrap(
            await new PrismaPGlite(shadow).connect(),
            (script) => shadow.exec(script),
            () => shadow.close(),
          );
        },
      } satisfies SqlMigrationAwareDriverAdapterFactory,
    };
  }
  if (factory instanceof PrismaPg) {
    // PrismaPg splits scripts on every ";" (even inside strings) and sends the pieces to any pooled connection.
    // Without parameters, pg uses the simple query protocol: the statements run together in one implicit transaction.
    const wrapPg = (adapter: Awaited<ReturnType<PrismaPg['connect']>>) => {
      const pool = adapter.underlyingDriver();
      return wrap(adapter, (script) => pool.query(script));
    };
    return {
      disposeAll,
      factory: {
        provider: factory.provider,
        adapterName: factory.adapterName,
        connect: async () => wrapPg(await factory.connect()),
        connectToShadowDb: async () => wrapPg(await factory.connectToShadowDb()),
      } satisfies SqlMigrationAwareDriverAdapterFactory,
    };
  }
  throw new AppError(
    'CONFIG',
    `Adaptateur de base de données non pris en charge pour les migrations : ${factory.adapterName}`,
  );
}

function withExecuteScript(
  adapter: SqlDriverAdapter,
  runScript: (script: string) => Promise<unknown>,
  dispose: () => Promise<void>,
): SqlDriverAdapter {
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => adapter.queryRaw(query),
    executeRaw: (query) => adapter.executeRaw(query),
    startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
    getConnectionInfo: () => adapter.getConnectionInfo?.() ?? { supportsRelationJoins: true },
    dispose,
    executeScript: async (script) => {
      try {
        await runScript(script);
      } catch (error) {
        throw toDriverAdapterError(error);
      }
    },
  };
}

/** Postgres errors (from PGlite or pg) as the engine understands them, so it can quote the database's message. */
function toDriverAdapterError(error: unknown): unknown {
  if (!isPostgresError(error)) return error;
  return new DriverAdapterError({
    kind: 'postgres',
    code: error.code,
    severity: error.severity ?? 'ERROR',
    message: error.message,
    detail: error.detail,
    column: error.column,
    hint: error.hint,
    originalCode: error.code,
    originalMessage: error.message,
  });
}

interface PostgresError {
  code: string;
  message: string;
  severity?: string;
  detail?: string;
  column?: string;
  hint?: string;
}

function isPostgresError(error: unknown): error is PostgresError {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}
