/**
 * A URL under Vigil's base URL. Unlike `new URL(path, base)`, it keeps a base
 * path: `vigilPath('http://h:3000/vigil/', '/api/health')` → `http://h:3000/vigil/api/health`.
 */
export function vigilPath(vigilUrl: string, path: string): string {
  return `${vigilUrl.replace(/\/+$/, '')}${path}`;
}

/** The path Alertmanager posts its webhooks to (see app/api/v1/alertmanager/webhook). */
export function vigilWebhookUrl(vigilUrl: string): string {
  return vigilPath(vigilUrl, '/api/v1/alertmanager/webhook');
}
