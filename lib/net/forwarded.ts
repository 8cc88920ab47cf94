/**
 * Which address is the client, from an `X-Forwarded-For` chain. Pure: the chain and the trusted proxies
 * are passed in (lib/auth/client-address.ts reads them from the request and VIGIL_TRUSTED_PROXIES).
 *
 * Every proxy appends the address it received the request from, so the chain reads
 * `client, proxy-1, …, peer`, and only the hops written by proxies we trust can be believed: anything
 * left of the first untrusted hop (reading from the right) is text the client chose. The right-most hop
 * is always the TCP peer, appended by Vigil itself (lib/server/peer-address.ts).
 *
 *   clientAddress('203.0.113.9, 10.0.0.2', [10.0.0.0/8]) → '203.0.113.9'  (the proxy vouches for it)
 *   clientAddress('6.6.6.6, 203.0.113.9', [10.0.0.0/8])  → '203.0.113.9'  (a direct client's own header)
 *   clientAddress('6.6.6.6, 10.0.0.2', [])               → '10.0.0.2'     (no proxy trusted: the peer)
 */

type Address = { version: 4 | 6; value: bigint };
export type Network = Address & { prefix: number };

const BITS = { 4: 32, 6: 128 } as const;

function parseIPv4(text: string): bigint | undefined {
  const parts = text.split('.');
  // Decimal only, no leading zeros: "010.0.0.1" means 8.0.0.1 to some parsers and 10.0.0.1 to others.
  if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255))
    return undefined;
  return parts.reduce((acc, p) => (acc << 8n) | BigInt(p), 0n);
}

function parseIPv6(text: string): bigint | undefined {
  let rest = text;
  // A trailing dotted quad ("::ffff:192.0.2.1") stands for the last two groups.
  const lastColon = rest.lastIndexOf(':');
  const tail = rest.slice(lastColon + 1);
  if (tail.includes('.')) {
    const v4 = parseIPv4(tail);
    if (v4 === undefined) return undefined;
    rest = `${rest.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = rest.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string | undefined) => (half ? half.split(':') : []);
  const head = groups(halves[0]);
  const end = groups(halves[1]);
  const all = [...head, ...end];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  if (halves.length === 1 ? all.length !== 8 : all.length > 7) return undefined;
  const filled = [...head, ...Array<string>(8 - all.length).fill('0'), ...end];
  return filled.reduce((acc, g) => (acc << 16n) | BigInt(`0x${g}`), 0n);
}

const MAPPED_IPV4 = 0xffffn << 32n; // ::ffff:0:0/96

/** An IPv4 or IPv6 address; an IPv4-mapped IPv6 address ("::ffff:192.0.2.1", as Node reports peers on a dual-stack socket) is its IPv4 address. */
function parseAddress(text: string): Address | undefined {
  if (!text.includes(':')) {
    const value = parseIPv4(text);
    return value === undefined ? undefined : { version: 4, value };
  }
  const value = parseIPv6(text);
  if (value === undefined) return undefined;
  if (value >> 32n === MAPPED_IPV4 >> 32n) return { version: 4, value: value & 0xffffffffn };
  return { version: 6, value };
}

/** The canonical text of an address (RFC 5952 for IPv6), so one address is one rate-limit key. */
function formatAddress({ version, value }: Address): string {
  if (version === 4) return [24n, 16n, 8n, 0n].map((s) => String((value >> s) & 0xffn)).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn));
  // The longest run of two or more zero groups (the first of equals) becomes "::".
  let best = { start: -1, length: 1 };
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.length) best = { start: i, length: j - i };
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.start < 0) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`;
}

/** A hop as proxies write it: maybe "[2001:db8::1]:443" or "192.0.2.1:5678" (some add the port). */
function parseHop(hop: string): Address | undefined {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(hop);
  if (bracketed?.[1]) return parseAddress(bracketed[1]);
  const v4WithPort = /^([\d.]+):\d+$/.exec(hop);
  return parseAddress(v4WithPort?.[1] ?? hop);
}

/**
 * One entry of VIGIL_TRUSTED_PROXIES: a CIDR ("10.0.0.0/8", "2001:db8::/32") or a single address;
 * undefined when it is neither.
 */
export function parseNetwork(text: string): Network | undefined {
  const [addressText = '', prefixText, ...extra] = text.trim().split('/');
  const address = parseAddress(addressText);
  if (!address || extra.length > 0) return undefined;
  const bits = BITS[address.version];
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return undefined;
  // An IPv4-mapped IPv6 network ("::ffff:10.0.0.0/104") is the IPv4 network it maps.
  const mappedShift = addressText.includes(':') && address.version === 4 ? 96 : 0;
  const prefix = prefixText === undefined ? bits : Number(prefixText) - mappedShift;
  if (prefix < 0 || prefix > bits) return undefined;
  return { ...address, prefix };
}

function contains(network: Network, address: Address): boolean {
  if (network.version !== address.version) return false;
  const shift = BigInt(BITS[network.version] - network.prefix);
  return network.value >> shift === address.value >> shift;
}

/** Whether `text` is an address (IPv4-mapped IPv6 as its IPv4) inside one of `networks`; false when it is not an address. */
export function addressWithin(text: string, networks: readonly Network[]): boolean {
  const address = parseAddress(text);
  return address !== undefined && networks.some((network) => contains(network, address));
}

/**
 * The client's address: walking the chain from the right, the first hop that is not a trusted proxy
 * (or the left-most, when every hop is trusted). A hop that is not an address stops the walk at the last
 * good one, so only an address, never text from the request, is returned; null without any.
 */
export function clientAddress(forwardedFor: string | null, trusted: readonly Network[]): string | null {
  const hops = (forwardedFor ?? '').split(',').map((hop) => hop.trim());
  let client: string | null = null;
  for (let i = hops.length - 1; i >= 0; i--) {
    const address = parseHop(hops[i] ?? '');
    if (!address) break;
    client = formatAddress(address);
    if (!trusted.some((network) => contains(network, address))) break;
  }
  return client;
}

/**
 * The X-Forwarded-For header with the TCP peer appended, as a proxy would write it. Without a peer (the
 * socket already closed) the chain is dropped: what is left of it would be the client's word alone.
 */
export function appendHop(forwardedFor: string | undefined, peer: string | undefined): string | undefined {
  if (!peer) return undefined;
  return forwardedFor?.trim() ? `${forwardedFor}, ${peer}` : peer;
}
