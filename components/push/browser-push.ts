/**
 * Pure helpers of the browser side of Web Push (no DOM access here, so they are unit-tested).
 */

/**
 * The VAPID public key as PushManager.subscribe() takes it: URL-safe base64 → bytes.
 *   applicationServerKey('AQID') → Uint8Array [1, 2, 3]
 */
export function applicationServerKey(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  const binary = atob(base64);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/**
 * A name for this browser in the person's list of devices, from its user agent.
 *   deviceLabel('Mozilla/5.0 (Linux; Android 14; Pixel 8) … Chrome/131.0 Mobile Safari/537.36') → 'Chrome on Android'
 */
export function deviceLabel(userAgent: string): string {
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : 'Browser';
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Mac OS X/.test(userAgent)
        ? 'macOS'
        : /Windows/.test(userAgent)
          ? 'Windows'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  return system ? `${browser} on ${system}` : browser;
}

/**
 * What is new since the last poll, and the set to remember: the first poll only learns what exists (a
 * tab opened during an incident must not ring for every alert already firing).
 *   newItems(null, ['a', 'b'])        → {fresh: [], seen: {a, b}}
 *   newItems({a, b}, ['b', 'c'])      → {fresh: ['c'], seen: {b, c}}
 */
export function newItems(seen: ReadonlySet<string> | null, current: readonly string[]) {
  const next = new Set(current);
  if (seen === null) return { fresh: [] as string[], seen: next };
  return { fresh: current.filter((id) => !seen.has(id)), seen: next };
}
