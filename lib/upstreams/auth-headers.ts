import type { UpstreamAuth } from '@/lib/config/schema';

/** Headers for an upstream's configured auth (basic or bearer). */
export function authHeaders(auth?: UpstreamAuth): Record<string, string> {
  if (!auth) return {};
  if (auth.type === 'bearer') return { authorization: `Bearer ${auth.token}` };
  return { authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` };
}
