import { openDatabase } from './app/.server/db/connection.ts';
import { applyPendingMigrations } from './app/.server/db/migrations.ts';
import { createTestDatabase } from './tests/support/test-database.ts';
let t = Date.now();
const lap = (l: string) => { console.log(l, Date.now() - t, 'ms'); t = Date.now(); };
const db = await openDatabase({ kind: 'pglite-memory' }); lap('fresh in-memory PGlite (initdb)');
await applyPendingMigrations(db); lap('apply all migrations');
await applyPendingMigrations(db); lap('apply again (no-op)');
await db.close();
for (let i = 0; i < 3; i++) { const d = await createTestDatabase(); lap(`createTestDatabase #${i}`); await d.close(); t = Date.now(); }
process.exit(0);
