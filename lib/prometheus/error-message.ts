import { errorEnvelopeSchema } from './schemas';

const MAX_TEXT = 200;

/**
 * `bad_data: 1:5: parse error…`: the type tells a query mistake (bad_data) from a failed evaluation
 * (execution), a timeout or a server fault (internal).
 */
export function describeError({ errorType, error }: { errorType?: string; error: string }): string {
  return errorType ? `${errorType}: ${error}` : error;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * What a failed Prometheus answer says, for UpstreamError messages: the envelope's "errorType: error"
 * when the body is one, else the text (an unknown path is a text/plain 404; a proxy may send HTML),
 * on one line and cut short.
 *
 *   errorMessage(400, '{"status":"error","errorType":"bad_data","error":"1:5: parse error"}')
 *     → 'bad_data: 1:5: parse error'
 *   errorMessage(404, '404 page not found\n') → '404 page not found'
 *   errorMessage(502, '') → '(empty body)'
 */
export function errorMessage(_status: number, body: string): string {
  const envelope = errorEnvelopeSchema.safeParse(parseJson(body));
  if (envelope.success) return describeError(envelope.data);
  const text = body.replace(/\s+/g, ' ').trim();
  if (!text) return '(empty body)';
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}
