import 'server-only';
import { log } from '@/lib/log';

/**
 * Replaces the Slack message through the press's `response_url` (valid for 30 minutes and five uses,
 * per Slack). Best effort within 5 s: the action is done either way, and Slack waits only 3 s for our
 * own answer, so a slow Slack must not hold the request for long. The URL is a credential of sorts and
 * is never logged.
 */
export async function replaceSlackMessage(responseUrl: string, body: unknown): Promise<boolean> {
  try {
    const res = await fetch(responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5000),
      redirect: 'error',
    });
    if (res.ok) return true;
    log.warn({ event: 'slack.replace_failed', status: res.status }, 'Slack refused the replacement message');
  } catch (error) {
    log.warn(
      { event: 'slack.replace_failed', error: (error as Error).name },
      'Slack did not take the replacement message',
    );
  }
  return false;
}
