import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { readDatabaseUrl } from '../lib/env';

// PostgreSQL catalog types that adapter-pg 6.19 refuses ("Unsupported column type") although the
// schema engine's introspection selects them; they are plain text for every purpose here.
const CATALOG_TEXT_TYPES = new Set([18 /* "char" */, 19 /* name */, 24 /* regproc */, 2205 /* regclass */]);
const TEXT_OID = 25;

type QueryResult = { fields?: { dataTypeID: number }[] };

function asText<T>(result: T): T {
  for (const r of Array.isArray(result) ? result : [result]) {
    for (const field of (r as QueryResult)?.fields ?? []) {
      if (CATALOG_TEXT_TYPES.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

/** A pg.Pool whose results report catalog column types as text. */
class CatalogTolerantPool extends pg.Pool {
  // biome-ignore lint/suspicious/noExplicitAny: pg's overloaded query signature cannot be re-declared precisely.
  override query(...args: any[]): any {
    // biome-ignore lint/suspicious/noExplicitAny: see above.
    const out = (super.query as any)(...args);
    return out && typeof out.then === 'function' ? out.then(asText) : out;
  }
}

/**
 * The driver adapter handed to the Prisma CLI. adapter-pg 6.19's own shadow database handling drops
 * the database before closing its pool (and, given a connectionString, points the "shadow" at the main
 * database), so the shadow database is created and force-dropped here, under a unique name.
 */
export async function cliAdapter() {
  const url = new URL(readDatabaseUrl('the Prisma CLI'));
  const config: pg.PoolConfig = {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: url.pathname.slice(1),
  };
  const factory = new PrismaPg(new CatalogTolerantPool(config));
  return Object.assign(factory, {
    async connectToShadowDb() {
      const admin = new pg.Client(config);
      await admin.connect();
      const shadow = `vigil_shadow_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
      await admin.query(`CREATE DATABASE "${shadow}"`);
      await admin.end();
      const pool = new CatalogTolerantPool({ ...config, database: shadow });
      const adapter = await new PrismaPg(pool, { disposeExternalPool: true }).connect();
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        const cleanup = new pg.Client(config);
        await cleanup.connect();
        await cleanup.query(`DROP DATABASE IF EXISTS "${shadow}" WITH (FORCE)`);
        await cleanup.end();
      };
      return adapter;
    },
  });
}
