import type { UpstreamAuth } from '@/lib/config/schema';

/** Headers for an upstream's configured auth (basic or bearer). */
export function authHeaders(auth?: UpstreamAuth): Record<string, string> {
  if (!auth) return {};
  if (auth.type === 'bearer') return { authorization: `Bearer ${auth.token}` };
  return { authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` };
}

export type ProbeResult = { ok: boolean; status?: number; error?: string; latencyMs: number; body?: unknown };

/** One GET with a deadline; never throws. Connection errors are reported by their code (ECONNREFUSED…). */
export async function probe(
  url: string,
  options: { headers?: Record<string, string>; timeoutMs: number; json?: boolean },
): Promise<ProbeResult> {
  const started = performance.now();
  try {
    const res = await fetch(url, {
      headers: options.headers,
      signal: AbortSignal.timeout(options.timeoutMs),
      cache: 'no-store',
    });
    const body = options.json && res.ok ? await res.json().catch(() => undefined) : await res.text();
    const latencyMs = Math.round(performance.now() - started);
    return res.ok
      ? { ok: true, status: res.status, latencyMs, body }
      : { ok: false, status: res.status, latencyMs, error: `HTTP ${res.status}` };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    const error =
      err.name === 'TimeoutError'
        ? `no answer within ${options.timeoutMs} ms`
        : (err.cause?.code ?? err.message);
    return { ok: false, latencyMs: Math.round(performance.now() - started), error };
  }
}
