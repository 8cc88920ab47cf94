/**
 * Whether a person's webhook or ntfy URL may be called. People type these URLs, so a plain-http one is a
 * way to make the server talk to hosts on its own network in clear text: https is required unless an
 * admin lists the host in `contactMethods.allowHttpHosts` (any port, or one port as `host:port`) — a self-hosted ntfy or
 * Mattermost on the LAN, or the local receivers of the tests. Redirects are refused at send time
 * (lib/notify/send.ts), so an allowed URL cannot bounce elsewhere.
 *
 *   destinationProblem('http://ntfy.lan/t', ['ntfy.lan']) → null
 *   destinationProblem('http://10.0.0.5/t', [])          → 'must be https:// (…)'
 */
export function destinationProblem(url: string, allowHttpHosts: readonly string[]): string | null {
  const parsed = new URL(url);
  if (parsed.protocol === 'https:') return null;
  const allowed = allowHttpHosts.includes(parsed.host) || allowHttpHosts.includes(parsed.hostname);
  if (parsed.protocol === 'http:' && allowed) return null;
  return 'must be https:// (plain http only for hosts an admin lists in contactMethods.allowHttpHosts in VIGIL_CONFIG)';
}
