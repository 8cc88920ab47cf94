import { describe, expect, it, vi } from 'vitest';
import { NotFoundError, ValidationError } from '@/lib/errors';
import type { AlertLogsParams } from '@/lib/loki/alert-logs-schema';
import type { UpstreamTarget } from '@/lib/upstreams/http';
import { type AlertLogsDeps, readAlertLogs } from './alert-logs';

/**
 * What alert-logs decides before it asks Loki. The target points at a port nobody listens on: a test
 * that reached Loki would fail with status "error" instead of what it expects.
 */

const unreachable: UpstreamTarget = {
  source: 'loki',
  name: 'default',
  baseUrl: 'http://127.0.0.1:9',
  timeoutMs: 1_000,
  configHint: 'LOKI_URL',
};

const alert = { labels: { alertname: 'InstanceDown', job: 'node' }, startsAt: '2026-11-21T08:00:00.000Z' };

function deps(over: Partial<AlertLogsDeps> = {}): AlertLogsDeps {
  return { loki: unreachable, findAlert: async (fp) => (fp === 'abc' ? alert : undefined), ...over };
}

async function validationFields(
  params: Parameters<typeof readAlertLogs>[2],
): Promise<Record<string, string>> {
  const error = await readAlertLogs(deps(), 'abc', params).catch((e: unknown) => e);
  if (!(error instanceof ValidationError))
    throw new Error(`expected a ValidationError, got ${String(error)}`);
  return error.fields;
}

describe('readAlertLogs before Loki', () => {
  it('throws NotFoundError for an alert no snapshot holds', async () => {
    const error = await readAlertLogs(deps(), 'gone', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toMatch(/No alert with fingerprint gone .* it may have resolved/);
  });

  it('says plainly that Loki is not configured, and how to configure it', async () => {
    expect(await readAlertLogs(deps({ loki: undefined }), 'abc')).toEqual({
      status: 'not-configured',
      hint: expect.stringMatching(/LOKI_URL/),
    });
  });

  it('refuses an empty, overlong or non-log query with the reason', async () => {
    expect(await validationFields({ query: '   ' })).toEqual({
      query: expect.stringMatching(/Write a LogQL query/),
    });
    expect(await validationFields({ query: `{job="x"} |= "${'a'.repeat(5000)}"` })).toEqual({
      query: expect.stringMatching(/5,000 characters/),
    });
    expect(await validationFields({ query: 'sum(rate({job="x"}[1m]))' })).toEqual({
      query: expect.stringMatching(/Start with a stream selector/),
    });
  });

  it('refuses a bad limit, order or window', async () => {
    expect(Object.keys(await validationFields({ limit: '0' }))).toEqual(['limit']);
    expect(Object.keys(await validationFields({ limit: '5001' }))).toEqual(['limit']);
    expect(Object.keys(await validationFields({ limit: 'many' }))).toEqual(['limit']);
    expect(Object.keys(await validationFields({ order: 'oldest' as string } as AlertLogsParams))).toEqual([
      'order',
    ]);
    expect(await validationFields({ start: '2026-11-21T08:00:00Z' })).toEqual({
      start: 'Give both start and end, or neither.',
    });
    expect(await validationFields({ start: '2026-11-21T08:00:00Z', end: '2026-11-21T07:00:00Z' })).toEqual({
      end: 'start must be before end.',
    });
    expect(await validationFields({ start: '2026-11-20T08:00:00Z', end: '2026-11-21T08:00:01Z' })).toEqual({
      end: 'The window may span at most 24 hours.',
    });
    expect(
      Object.keys(await validationFields({ start: 'yesterday', end: '2026-11-21T08:00:00Z' })),
    ).toContain('start');
  });

  it('validates before looking the alert up', async () => {
    const findAlert = vi.fn(async () => alert);
    await readAlertLogs(deps({ findAlert }), 'abc', { limit: '-1' }).catch(() => undefined);
    expect(findAlert).not.toHaveBeenCalled();
  });
});
