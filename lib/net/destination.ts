import { lookup } from 'node:dns/promises';
import { addressWithin, type Network, parseNetwork } from './forwarded';

/**
 * Whether the server may POST to a URL that a person (not an admin) gave it: a contact method's webhook
 * or ntfy topic, a browser's push endpoint. Such a URL is a way to make the server talk to hosts on its
 * own network, so:
 * - it must be https, unless an admin lists the host (any port, or one port as `host:port`) in the
 *   policy's setting — a self-hosted ntfy on the LAN, or the local receivers of the tests;
 * - with `refuseInternal` (push endpoints: browsers' push services are public, Google's, Mozilla's,
 *   Apple's), its host must not be, nor resolve to, a loopback, private, link-local, shared (CGNAT) or
 *   unspecified address, again unless listed.
 * Redirects are refused at send time (lib/notify/send.ts, lib/push/send.ts), so an allowed URL cannot
 * bounce elsewhere. The check runs when the URL is saved and again before each send (the allow-list and
 * DNS may have changed since).
 *
 *   destinationProblem('http://ntfy.lan/t', contacts(['ntfy.lan']))  → null
 *   destinationProblem('http://10.0.0.5/t', contacts([]))            → 'must be https:// (…)'
 *   destinationProblem('https://10.0.0.5/p', push([]))               → 'points at an internal address (…)'
 *   await resolvedDestinationProblem('https://push.lan/p', push([]), () => ['192.168.1.9']) → 'resolves to …'
 */

export type DestinationPolicy = {
  /** Hosts or host:port an admin listed, lower case: allowed over plain http and at internal addresses. */
  allowHosts: readonly string[];
  /** Where the list is kept in VIGIL_CONFIG, named in every problem ("push.allowHosts"). */
  setting: string;
  /** Refuse internal addresses over https too (not only plain http). */
  refuseInternal: boolean;
};

/** Resolves a host name to its addresses (the system resolver by default; tests pass their own). */
export type Resolve = (hostname: string) => Promise<readonly string[]>;

const INTERNAL: readonly Network[] = [
  '0.0.0.0/8', // "this network"; 0.0.0.0 reaches the local host on Linux
  '10.0.0.0/8',
  '100.64.0.0/10', // shared address space (carrier-grade NAT), internal to a provider
  '127.0.0.0/8',
  '169.254.0.0/16', // link-local, where cloud metadata services answer (169.254.169.254)
  '172.16.0.0/12',
  '192.168.0.0/16',
  '::/128',
  '::1/128',
  'fc00::/7', // unique local
  'fe80::/10', // link-local
].map((cidr) => parseNetwork(cidr) as Network);

/** "10.0.0.5", "::1", "::ffff:127.0.0.1" → true; "8.8.8.8", "push.example" → false. */
export const isInternalAddress = (address: string): boolean => addressWithin(address, INTERNAL);

const listed = (url: URL, allowHosts: readonly string[]) =>
  allowHosts.includes(url.host) || allowHosts.includes(url.hostname);

/** The URL's host as an address, without IPv6 brackets ("[::1]" → "::1"). */
const bareHost = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/** What is wrong with `url` judged by its text alone (the host's addresses are not looked up); null when fine. */
export function destinationProblem(url: string, policy: DestinationPolicy): string | null {
  const parsed = new URL(url);
  const isListed = listed(parsed, policy.allowHosts);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && isListed))
    return `must be https:// (plain http only for hosts an admin lists in ${policy.setting} in VIGIL_CONFIG)`;
  if (policy.refuseInternal && !isListed && isInternalAddress(bareHost(parsed)))
    return `points at an internal address (loopback, private or link-local); an admin may list its host in ${policy.setting} in VIGIL_CONFIG`;
  return null;
}

/**
 * destinationProblem, and with `refuseInternal` also the host's addresses: a name with any internal
 * address is refused, not only one with nothing else, since the request could connect to that one. A
 * name that does not resolve passes here: nothing can reach it now, and the check before each send looks
 * again. The request resolves the name once more, so a name whose answer changes in between (DNS
 * rebinding) is stopped by the connection's own check (guarded-post.ts, when checksAddressesOnConnect).
 */
export async function resolvedDestinationProblem(
  url: string,
  policy: DestinationPolicy,
  resolve: Resolve = systemResolve,
): Promise<string | null> {
  const problem = destinationProblem(url, policy);
  if (problem || !policy.refuseInternal) return problem;
  const parsed = new URL(url);
  if (listed(parsed, policy.allowHosts)) return null;
  let addresses: readonly string[];
  try {
    addresses = await resolve(parsed.hostname);
  } catch {
    return null;
  }
  return addresses.some(isInternalAddress)
    ? `resolves to an internal address (loopback, private or link-local); an admin may list its host in ${policy.setting} in VIGIL_CONFIG`
    : null;
}

/** Whether a connection to `url` must check the addresses it connects to (guarded-post.ts refusingInternal). */
export const checksAddressesOnConnect = (url: string, policy: DestinationPolicy): boolean =>
  policy.refuseInternal && !listed(new URL(url), policy.allowHosts);

async function systemResolve(hostname: string): Promise<string[]> {
  return (await lookup(hostname, { all: true })).map((a) => a.address);
}
