/**
 * An answer a handler serialised itself, for an answer many requests share: the alerts API serialises
 * each cached page once per poll instead of once per request (JSON.stringify of the same 100 KB page for
 * 50 consoles was a third of the main thread's work at 10,000 alerts). route() sends the bytes as
 * `application/json` and, under VIGIL_CHECK_RESPONSES, still checks them against the operation's schema.
 *
 * Recognised by a registered symbol rather than instanceof: the production build may hold this module
 * more than once (one copy per route bundle).
 */
const BRAND = Symbol.for('vigil.json-bytes');

export type JsonBytes = { readonly [BRAND]: true; readonly bytes: Uint8Array };

/** Bytes that are already one JSON value, e.g. `jsonBytes(Buffer.concat([cachedHead, tail]))`. */
export function jsonBytes(bytes: Uint8Array): JsonBytes {
  return { [BRAND]: true, bytes };
}

export function isJsonBytes(value: unknown): value is JsonBytes {
  return typeof value === 'object' && value !== null && (value as Partial<JsonBytes>)[BRAND] === true;
}
