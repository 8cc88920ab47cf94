const MAX_LENGTH = 200;

/**
 * Reads an Alertmanager error body into one line for UpstreamError. Alertmanager 0.25 is inconsistent:
 * its handlers answer a bare JSON string (bad matcher 400, "silence not found" 500), go-swagger's
 * validation answers `{code, message}` (422 schema errors, 400 malformed JSON, 404 unknown path), and a
 * proxy in front may answer plain text or HTML. The upstream's words are kept verbatim: they name the
 * offending matcher or field.
 *
 * @example errorMessage(400, '"bad matcher format: alertname~Watchdog"') → "bad matcher format: alertname~Watchdog"
 * @example errorMessage(422, '{"code":612,"message":"matchers in body should have at least 1 items"}')
 *   → "matchers in body should have at least 1 items"
 * @example errorMessage(502, "Bad Gateway\n") → "Bad Gateway"
 * @example errorMessage(404, "") → "no details (empty body)"
 */
export function errorMessage(_status: number, body: string): string {
  const text = body.trim();
  if (text === '') return 'no details (empty body)';
  const json = parseJson(text);
  if (typeof json === 'string') return clip(json);
  if (typeof json === 'object' && json !== null && 'message' in json && typeof json.message === 'string')
    return clip(json.message);
  return clip(text.replace(/\s+/g, ' '));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function clip(text: string): string {
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH)}…` : text;
}
