import { writeFile } from 'node:fs/promises';
import { StackError } from './errors.js';

/** An Alertmanager peer refused the rewritten config, or did not answer its reload. */
class ReloadFailedError extends StackError {
  constructor(url: string, detail: string) {
    super(
      `Alertmanager at ${url} did not reload its config: ${detail}`,
      `read its log in the stack's logs folder; the config it refused is the one written by scripts/stack/config/alertmanager-config.ts`,
    );
  }
}

const RELOAD_TIMEOUT_MS = 10_000;

/**
 * Writes the pair's shared alertmanager.yml and has each peer load it (`POST /-/reload`, which answers
 * 200 once the new config is in force and 500 with the reason when it is refused). Alerts, silences and
 * the cluster survive a reload.
 */
export async function reloadAlertmanagers(
  file: string,
  urls: readonly string[],
  yaml: string,
): Promise<void> {
  // Holds the webhook token: readable by us only, as when first written.
  await writeFile(file, yaml, { mode: 0o600 });
  for (const url of urls) {
    const response = await fetch(`${url}/-/reload`, {
      method: 'POST',
      signal: AbortSignal.timeout(RELOAD_TIMEOUT_MS),
    }).catch((error: unknown) => {
      throw new ReloadFailedError(url, error instanceof Error ? error.message : String(error));
    });
    if (!response.ok)
      throw new ReloadFailedError(url, `${response.status} ${(await response.text()).trim()}`);
  }
}
