import { describe, expect, it } from 'vitest';
import {
  type DestinationPolicy,
  destinationProblem,
  isInternalAddress,
  resolvedDestinationProblem,
} from './destination';

const contacts = (allowHosts: string[]): DestinationPolicy => ({
  allowHosts,
  setting: 'contactMethods.allowHttpHosts',
  refuseInternal: false,
});
const push = (allowHosts: string[]): DestinationPolicy => ({
  allowHosts,
  setting: 'push.allowHosts',
  refuseInternal: true,
});
/** A resolver answering from a table, throwing ENOTFOUND for names it does not know. */
const resolver = (table: Record<string, string[]>) => async (name: string) => {
  const addresses = table[name];
  if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
  return addresses;
};

describe('isInternalAddress', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.9',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fe80::1',
    'fd12:3456::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
  ])('%s is internal', (address) => {
    expect(isInternalAddress(address)).toBe(true);
  });

  it.each([
    '8.8.8.8',
    '172.32.0.1',
    '192.169.0.1',
    '100.128.0.1',
    '2001:4860:4860::8888',
    '::ffff:8.8.8.8',
    'push.example',
  ])('%s is not', (address) => {
    expect(isInternalAddress(address)).toBe(false);
  });
});

describe('destinationProblem, contact methods (https, or http to a listed host)', () => {
  it('takes https anywhere, and http only on a listed host (any port) or host:port', () => {
    expect(destinationProblem('https://hooks.slack.com/services/x', contacts([]))).toBeNull();
    // A self-hosted Mattermost on the LAN over https stays allowed for contact methods.
    expect(destinationProblem('https://10.0.0.5/hooks/x', contacts([]))).toBeNull();
    expect(destinationProblem('http://ntfy.lan/t', contacts(['ntfy.lan']))).toBeNull();
    expect(destinationProblem('http://127.0.0.1:8080/t', contacts(['127.0.0.1:8080']))).toBeNull();
    expect(destinationProblem('http://127.0.0.1:8081/t', contacts(['127.0.0.1:8080']))).toMatch(
      /^must be https/,
    );
    expect(destinationProblem('http://ntfy.lan:8080/t', contacts(['ntfy.lan']))).toBeNull();
    expect(destinationProblem('http://NTFY.lan/t', contacts(['ntfy.lan']))).toBeNull();
    expect(destinationProblem('http://10.0.0.5/t', contacts([]))).toBe(
      'must be https:// (plain http only for hosts an admin lists in contactMethods.allowHttpHosts in VIGIL_CONFIG)',
    );
    expect(destinationProblem('ftp://ntfy.lan/t', contacts(['ntfy.lan']))).toMatch(/^must be https/);
  });
});

describe('destinationProblem, push endpoints (also no internal address unless listed)', () => {
  it('accepts a public push service', () => {
    expect(destinationProblem('https://fcm.googleapis.com/fcm/send/abc', push([]))).toBeNull();
    expect(destinationProblem('https://8.8.8.8/send/abc', push([]))).toBeNull();
  });

  it.each([
    'https://127.0.0.1/send',
    'https://127.1/send', // URL reads it as 127.0.0.1
    'https://2130706433/send', // and this too
    'https://[::1]:8443/send',
    'https://[::ffff:127.0.0.1]/send',
    'https://10.0.0.1/send',
    'https://169.254.169.254/latest/meta-data',
    'https://[fe80::1]/send',
  ])('refuses %s', (url) => {
    expect(destinationProblem(url, push([]))).toBe(
      'points at an internal address (loopback, private or link-local); an admin may list its host in push.allowHosts in VIGIL_CONFIG',
    );
  });

  it('refuses plain http, naming push.allowHosts, and takes what an admin listed, http or internal', () => {
    expect(destinationProblem('http://push.example/send', push([]))).toBe(
      'must be https:// (plain http only for hosts an admin lists in push.allowHosts in VIGIL_CONFIG)',
    );
    expect(destinationProblem('http://127.0.0.1:9000/send', push(['127.0.0.1']))).toBeNull();
    expect(destinationProblem('https://10.0.0.1:8443/send', push(['10.0.0.1:8443']))).toBeNull();
    expect(destinationProblem('https://10.0.0.1:9443/send', push(['10.0.0.1:8443']))).toMatch(
      /internal address/,
    );
  });
});

describe('resolvedDestinationProblem', () => {
  const names = resolver({
    'push.example': ['142.250.1.1', '2a00:1450::1'],
    'push.lan': ['192.168.1.9'],
    'split.example': ['142.250.1.1', '10.0.0.7'],
    localhost: ['127.0.0.1', '::1'],
  });

  it('refuses a push endpoint whose name resolves to an internal address, even among public ones', async () => {
    expect(await resolvedDestinationProblem('https://push.example/send', push([]), names)).toBeNull();
    for (const host of ['push.lan', 'split.example', 'localhost'])
      expect(await resolvedDestinationProblem(`https://${host}/send`, push([]), names)).toBe(
        'resolves to an internal address (loopback, private or link-local); an admin may list its host in push.allowHosts in VIGIL_CONFIG',
      );
  });

  it('takes a listed name without resolving it, and a name that does not resolve (checked again at send)', async () => {
    const never = async () => {
      throw new Error('must not be resolved');
    };
    expect(await resolvedDestinationProblem('https://push.lan/send', push(['push.lan']), never)).toBeNull();
    expect(await resolvedDestinationProblem('https://nowhere.example/send', push([]), names)).toBeNull();
  });

  it('resolves nothing for contact methods, and says the text problem first', async () => {
    const never = async () => {
      throw new Error('must not be resolved');
    };
    expect(await resolvedDestinationProblem('https://push.lan/hook', contacts([]), never)).toBeNull();
    expect(await resolvedDestinationProblem('http://push.example/send', push([]), never)).toMatch(
      /^must be https/,
    );
  });
});
