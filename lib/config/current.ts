import 'server-only';
import { env } from '@/lib/env';
import { loadConfig, type VigilConfig } from './load';

let cached: VigilConfig | undefined;

/** This server's configuration, read once (start-up validates it, see lib/server/startup.ts). */
export function config(): VigilConfig {
  cached ??= loadConfig(env());
  return cached;
}
