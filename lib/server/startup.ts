import 'server-only';
import { config } from '@/lib/config/current';
import { env } from '@/lib/env';
import { prepareDatabase } from './database';
import { runtimeState } from './runtime';

const log = (line: string) => console.info(`[vigil] ${line}`);

/**
 * Runs once when the server starts (instrumentation.ts): validate the environment and VIGIL_CONFIG,
 * bring up the database and apply migrations. Any failure stops the server with a message that says
 * what to fix, instead of serving a console that fails on every request.
 */
export async function startServer(): Promise<void> {
  try {
    const e = env();
    config();
    const { url } = await prepareDatabase({ databaseUrl: e.DATABASE_URL, dataDir: e.VIGIL_DATA_DIR }, log);
    runtimeState().databaseUrl = url;
    log('ready');
  } catch (error) {
    console.error(`\n${(error as Error).message}\n`);
    process.exit(1);
  }
}
