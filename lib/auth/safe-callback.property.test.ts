import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeCallbackPath, safeCallbackUrl } from './safe-callback';

/**
 * The redirect target after sign-in must stay on this site however the input is dressed up. The judge is
 * the WHATWG URL parser, the one browsers use to resolve a Location header: whatever safeCallbackPath
 * returns, resolved against the page the browser is on, must keep Vigil's origin.
 */

const ORIGIN = 'https://vigil.example';
// A Location header is resolved against the URL of the answer that carries it, not only the origin.
const BASES = [ORIGIN, `${ORIGIN}/signin?callbackUrl=x`, `${ORIGIN}/api/auth/callback/credentials`];

/** Pieces attackers combine: slashes of every spelling, whitespace browsers drop, schemes, hosts. */
const piece = fc.constantFrom(
  '/',
  '//',
  '\\',
  '/\\',
  '\t',
  '\n',
  '\r',
  ' ',
  '\u0000',
  '\u001f',
  '\u00a0',
  '%2f',
  '%2F',
  '%5c',
  '%5C',
  '%09',
  '%0a',
  '%00',
  '.',
  '..',
  './',
  '../',
  '@',
  ':',
  '?',
  '#',
  '&',
  '=',
  'evil.example',
  'vigil.example',
  'http:',
  'https:',
  'javascript:',
  'data:',
  'file:',
  'alerts',
  '／',
  '＼',
  '。',
  'é',
);
const tricky = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));
// The same, after the one round of percent-decoding a query parameter goes through.
const decoded = tricky.map((s) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
});
const candidate = fc.oneof(
  tricky,
  decoded,
  tricky.map((s) => `/${s}`),
  fc.string({ unit: 'binary' }),
);

const staysHome = (path: string) => BASES.every((base) => new URL(path, base).origin === ORIGIN);

describe('safeCallbackPath', () => {
  it('returns only paths that every base resolves to this site', () => {
    fc.assert(
      fc.property(candidate, (c) => {
        const path = safeCallbackPath(c);
        expect(path.startsWith('/')).toBe(true);
        expect(staysHome(path), JSON.stringify({ c, path })).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('is stable: its answer passes through unchanged', () => {
    fc.assert(
      fc.property(candidate, (c) => {
        const path = safeCallbackPath(c);
        expect(safeCallbackPath(path)).toBe(path);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps ordinary console paths with their query and fragment exactly', () => {
    const segment = fc.stringMatching(/^[a-zA-Z0-9_-]{1,12}$/);
    const query = fc.stringMatching(/^[a-zA-Z0-9_=&%-]{0,20}$/);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 0, maxLength: 4 }), query, (segments, q) => {
        const path = `/${segments.join('/')}${q ? `?${q}` : ''}`;
        expect(safeCallbackPath(path)).toBe(path);
      }),
    );
    expect(safeCallbackPath('/alerts?severity=critical')).toBe('/alerts?severity=critical');
    expect(safeCallbackPath('/incidents/INC-7#timeline')).toBe('/incidents/INC-7#timeline');
    expect(safeCallbackPath('/alerts?filter=instance%3D~%22a.*%22')).toBe(
      '/alerts?filter=instance%3D~%22a.*%22',
    );
  });

  it('sends the probes of issue 13 and their relatives home', () => {
    for (const probe of [
      '/\\evil.example', // /signin?callbackUrl=/%5Cevil.example, as the page receives it
      '/\t/evil.example', // /signin?callbackUrl=/%09/evil.example
      '/\n/evil.example',
      '/\r\n/evil.example',
      '//evil.example',
      '/\\/evil.example',
      '/.//evil.example',
      '/..//evil.example',
      ' //evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      'evil.example',
      '',
    ])
      expect(safeCallbackPath(probe), JSON.stringify(probe)).toBe('/');
  });

  it('sends a non-string (a repeated query parameter, a missing form field) home', () => {
    for (const value of [undefined, null, ['/alerts', '/silences'], 42, {}])
      expect(safeCallbackPath(value)).toBe('/');
  });

  it('keeps an encoded slash or backslash as the literal path it is on this site', () => {
    // Encoded, they are part of a path segment, not separators: the browser stays here.
    expect(safeCallbackPath('/%5Cevil.example')).toBe('/%5Cevil.example');
    expect(safeCallbackPath('/%2F/evil.example')).toBe('/%2F/evil.example');
    expect(safeCallbackPath('/%09/evil.example')).toBe('/%09/evil.example');
  });
});

describe('safeCallbackUrl (the Auth.js redirect callback)', () => {
  it('answers an absolute URL on the base origin, whatever it is given', () => {
    const given = fc.oneof(
      candidate,
      candidate.map((c) => `${ORIGIN}${c}`),
      candidate.map((c) => `https://evil.example${c}`),
    );
    fc.assert(
      fc.property(given, (url) => {
        const answer = safeCallbackUrl(url, ORIGIN);
        expect(new URL(answer).origin, JSON.stringify({ url, answer })).toBe(ORIGIN);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps the path of a same-origin URL and drops a foreign one', () => {
    expect(safeCallbackUrl('/alerts?x=1', ORIGIN)).toBe(`${ORIGIN}/alerts?x=1`);
    expect(safeCallbackUrl(`${ORIGIN}/silences`, ORIGIN)).toBe(`${ORIGIN}/silences`);
    expect(safeCallbackUrl('https://evil.example/silences', ORIGIN)).toBe(`${ORIGIN}/`);
    expect(safeCallbackUrl(`${ORIGIN}.evil.example/x`, ORIGIN)).toBe(`${ORIGIN}/`);
    expect(safeCallbackUrl(`${ORIGIN}/\\evil.example`, ORIGIN)).toBe(`${ORIGIN}/`);
    expect(safeCallbackUrl('/\\evil.example', ORIGIN)).toBe(`${ORIGIN}/`);
  });
});
