import { describe, expect, it } from 'vitest';
import { appendHop, clientAddress, type Network, parseNetwork } from './forwarded';

const networks = (...cidrs: string[]): Network[] =>
  cidrs.map((cidr) => {
    const network = parseNetwork(cidr);
    if (!network) throw new Error(`bad test network ${cidr}`);
    return network;
  });

describe('clientAddress', () => {
  it('without trusted proxies, is the peer (the right-most hop) whatever the client wrote before it', () => {
    expect(clientAddress('192.0.2.10', [])).toBe('192.0.2.10');
    expect(clientAddress('6.6.6.6, 192.0.2.10', [])).toBe('192.0.2.10');
    expect(clientAddress('6.6.6.6, 7.7.7.7, 2001:db8::5', [])).toBe('2001:db8::5');
    expect(clientAddress('not-an-address, 192.0.2.10', [])).toBe('192.0.2.10');
  });

  it('takes the right-most hop that is not a trusted proxy', () => {
    const trusted = networks('10.0.0.0/8', '2001:db8:aa::/48');
    // client → proxy 10.1.2.3 → proxy 10.0.0.2 → Vigil
    expect(clientAddress('203.0.113.9, 10.1.2.3, 10.0.0.2', trusted)).toBe('203.0.113.9');
    // The client prepended its own "hops": they are left of the first untrusted one, so ignored.
    expect(clientAddress('6.6.6.6, 10.9.9.9, 203.0.113.9, 10.0.0.2', trusted)).toBe('203.0.113.9');
    expect(clientAddress('2001:db8:bb::7, 2001:db8:aa::1', trusted)).toBe('2001:db8:bb::7');
    // A client talking to Vigil directly, past the proxies, is the peer.
    expect(clientAddress('10.0.0.5, 198.51.100.4', trusted)).toBe('198.51.100.4');
  });

  it('is the left-most hop when every hop is a trusted proxy', () => {
    expect(clientAddress('10.0.0.7, 10.0.0.2', networks('10.0.0.0/8'))).toBe('10.0.0.7');
    expect(clientAddress('127.0.0.1', networks('127.0.0.1/32'))).toBe('127.0.0.1');
  });

  it('never returns text from the request: a hop that is not an address stops at the last good one', () => {
    const trusted = networks('10.0.0.0/8');
    expect(clientAddress('<script>, 10.0.0.2', trusted)).toBe('10.0.0.2');
    expect(clientAddress('unknown, 10.0.0.2', trusted)).toBe('10.0.0.2');
    expect(clientAddress(', 10.0.0.2', trusted)).toBe('10.0.0.2');
    expect(clientAddress('1.2.3.4, garbage', trusted)).toBeNull();
    expect(clientAddress('', [])).toBeNull();
    expect(clientAddress(null, [])).toBeNull();
  });

  it('reads the forms proxies write: ports, brackets, IPv4-mapped IPv6, any case', () => {
    const trusted = networks('10.0.0.0/8');
    expect(clientAddress('203.0.113.9:51234, 10.0.0.2', trusted)).toBe('203.0.113.9');
    expect(clientAddress('[2001:DB8::1]:443, 10.0.0.2', trusted)).toBe('2001:db8::1');
    expect(clientAddress('[2001:db8::1], 10.0.0.2', trusted)).toBe('2001:db8::1');
    // Node reports IPv4 peers of a dual-stack socket this way; they match IPv4 networks.
    expect(clientAddress('203.0.113.9, ::ffff:10.0.0.2', trusted)).toBe('203.0.113.9');
    expect(clientAddress('::ffff:203.0.113.9', [])).toBe('203.0.113.9');
  });

  it('writes each address one way (RFC 5952), so spellings do not multiply rate-limit keys', () => {
    expect(clientAddress('2001:0DB8:0000:0000:0000:0000:0000:0001', [])).toBe('2001:db8::1');
    expect(clientAddress('2001:db8:0:0:1:0:0:1', [])).toBe('2001:db8::1:0:0:1');
    expect(clientAddress('2001:db8:0:1:1:1:1:1', [])).toBe('2001:db8:0:1:1:1:1:1');
    expect(clientAddress('0:0:0:0:0:0:0:0', [])).toBe('::');
    expect(clientAddress('::1', [])).toBe('::1');
    expect(clientAddress('fe80::', [])).toBe('fe80::');
  });

  it('refuses malformed addresses', () => {
    for (const bad of [
      '256.0.0.1',
      '1.2.3',
      '01.2.3.4',
      '1.2.3.4.5',
      '2001:db8::1::2',
      '2001:db8:0:0:0:0:0:0:1',
      '12345::',
      ':1',
      '1:',
      '::ffff:1.2.3.256',
      '1.2.3.4/8',
    ])
      expect(clientAddress(bad, []), bad).toBeNull();
  });
});

describe('parseNetwork (CIDR matching)', () => {
  const trusts = (cidr: string, address: string) =>
    clientAddress(`203.0.113.250, ${address}`, networks(cidr)) === '203.0.113.250';

  it('matches IPv4 networks on their prefix', () => {
    expect(trusts('10.0.0.0/8', '10.255.1.2')).toBe(true);
    expect(trusts('10.0.0.0/8', '11.0.0.1')).toBe(false);
    expect(trusts('192.168.4.0/22', '192.168.7.255')).toBe(true);
    expect(trusts('192.168.4.0/22', '192.168.8.0')).toBe(false);
    expect(trusts('192.0.2.7', '192.0.2.7')).toBe(true);
    expect(trusts('192.0.2.7', '192.0.2.8')).toBe(false);
    expect(trusts('0.0.0.0/0', '198.51.100.1')).toBe(true);
  });

  it('matches IPv6 networks, and never across families', () => {
    expect(trusts('2001:db8::/32', '2001:db8:ffff::1')).toBe(true);
    expect(trusts('2001:db8::/32', '2001:db9::1')).toBe(false);
    expect(trusts('::1/128', '::1')).toBe(true);
    expect(trusts('fd00::/8', 'fdff:1::1')).toBe(true);
    expect(trusts('::/0', '10.0.0.1')).toBe(false);
    expect(trusts('0.0.0.0/0', '::1')).toBe(false);
    // An IPv4-mapped network is its IPv4 network.
    expect(trusts('::ffff:10.0.0.0/104', '10.3.3.3')).toBe(true);
  });

  it('refuses what is not a CIDR', () => {
    for (const bad of [
      '10.0.0.0/33',
      '2001:db8::/129',
      '10.0.0.0/',
      '10.0.0.0/8/8',
      'localhost',
      '10.0.0.0/-1',
      '',
    ])
      expect(parseNetwork(bad), bad).toBeUndefined();
  });
});

describe('appendHop', () => {
  it('appends the TCP peer as a proxy would, and drops the chain without one', () => {
    expect(appendHop(undefined, '127.0.0.1')).toBe('127.0.0.1');
    expect(appendHop('', '127.0.0.1')).toBe('127.0.0.1');
    expect(appendHop('6.6.6.6', '192.0.2.1')).toBe('6.6.6.6, 192.0.2.1');
    expect(appendHop('6.6.6.6', undefined)).toBeUndefined();
  });
});
