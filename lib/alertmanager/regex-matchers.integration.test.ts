import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpstreamError } from '@/lib/errors';
import type { UpstreamTarget } from '@/lib/upstreams/http';
import { alertmanagerPeerTargets } from '@/lib/upstreams/targets';
import { freePorts } from '@/scripts/stack/ports';
import { type Stack, startStack } from '@/scripts/stack/start-stack';
import { waitFor } from '@/scripts/stack/wait';
import { getAlerts, postAlerts } from './client';
import { formatMatcher, type Matcher, matchesLabels, parseFilter, regexProblem } from './matchers';
import { RE2_ATOMS, regexPatterns } from './testing/regex-patterns';

/**
 * Vigil's matchers against Alertmanager's own: alerts with generated label values go to a real
 * Alertmanager 0.25 peer, and for generated patterns the alerts Vigil's filter keeps (parseFilter, then
 * matchesLabels, as the alerts view runs it) are exactly those `/api/v2/alerts?filter=` returns. A pattern
 * Vigil refuses is one Alertmanager refuses (400). A few dozen queries, so the file stays well under a
 * minute once the stack is up.
 */

const RUN = randomUUID().slice(0, 8);

// Values in which RE2 and JavaScript disagree are the point: Unicode case folds (K is the Kelvin sign,
// ſ the long s), non-ASCII letters, newlines and spaces, digits and punctuation.
const valueUnit = fc.constantFrom(
  'a',
  'b',
  'A',
  'B',
  '-',
  '.',
  '0',
  '7',
  'k',
  'K',
  'ſ',
  's',
  'é',
  'É',
  'λ',
  ' ',
  '\n',
);
const VALUES = [
  ...new Set([
    'db-1',
    'x'.repeat(30),
    'K',
    'ſ',
    'a\nb',
    ...fc.sample(fc.string({ unit: valueUnit, minLength: 1, maxLength: 8 }), { numRuns: 60, seed: 13 }),
  ]),
];

let stack: Stack;
let peer: UpstreamTarget;
/** Label sets of the posted alerts, by their `n` label. */
const posted = new Map<string, Record<string, string>>();

beforeAll(async () => {
  const [vigilPort] = await freePorts(1);
  stack = await startStack({ vigilUrl: `http://127.0.0.1:${vigilPort}`, webhookToken: 'x'.repeat(24) });
  const [first] = alertmanagerPeerTargets({
    name: 'test',
    peers: [...stack.alertmanagerUrls],
    timeoutMs: 5_000,
  });
  if (!first) throw new Error('the stack has no Alertmanager');
  peer = first;
  for (const [n, sample] of VALUES.entries())
    posted.set(String(n), { alertname: 'VigilRegex', vigil_test: RUN, n: String(n), sample });
  const endsAt = new Date(Date.now() + 3_600_000).toISOString();
  await postAlerts(
    peer,
    [...posted.values()].map((labels) => ({ labels, annotations: {}, endsAt })),
  );
  await waitFor(async () => (await ours([])).length === posted.size, {
    timeoutMs: 10_000,
    what: `the ${posted.size} test alerts at Alertmanager`,
  });
});

afterAll(() => stack?.stop());

/** The `n` of this run's alerts Alertmanager returns for the matchers. */
async function ours(matchers: readonly Matcher[]): Promise<string[]> {
  const alerts = await getAlerts(peer, {
    matchers: [`vigil_test="${RUN}"`, ...matchers.map(formatMatcher)],
  });
  return alerts.map((a) => a.labels.n ?? '').sort();
}

/** The `n` of the alerts Vigil's filter keeps, reading the matcher from the filter bar's text. */
function vigilKeeps(matcher: Matcher): string[] {
  const { matchers } = parseFilter(formatMatcher(matcher));
  return [...posted]
    .filter(([, labels]) => matchesLabels(matchers, labels))
    .map(([n]) => n)
    .sort();
}

async function alertmanagerRefuses(matcher: Matcher): Promise<boolean> {
  const error = await ours([matcher]).catch((e: unknown) => e);
  if (!(error instanceof UpstreamError)) return false;
  expect(error.upstreamStatus).toBe(400);
  return true;
}

describe('regex matchers: Vigil keeps exactly the alerts Alertmanager 0.25 returns', () => {
  it('for generated RE2 patterns, =~ and !~', async () => {
    let compared = 0;
    let nonTrivial = 0;
    await fc.assert(
      fc.asyncProperty(
        regexPatterns(RE2_ATOMS),
        fc.constantFrom('=~' as const, '!~' as const),
        async (value, op) => {
          const matcher: Matcher = { name: 'sample', op, value };
          expect(regexProblem(value), value).toBeUndefined();
          const expected = await ours([matcher]);
          expect(vigilKeeps(matcher), `sample${op}"${value}"`).toEqual(expected);
          compared++;
          if (expected.length > 0 && expected.length < posted.size) nonTrivial++;
        },
      ),
      { numRuns: 30, seed: 2026 },
    );
    expect(compared).toBe(30);
    // Enough patterns must split the values, or the agreement means little.
    expect(nonTrivial).toBeGreaterThan(10);
  });

  it.each([
    '(.*.*.*)*X',
    '(?i)k',
    '(?i)S',
    '[[:alpha:]]+',
    String.raw`\pL+`,
    'a.b',
    '(?s)a.b',
    String.raw`\Qdb-\E\d`,
    'x{30}',
  ])('for %s', async (value) => {
    const matcher: Matcher = { name: 'sample', op: '=~', value };
    expect(vigilKeeps(matcher)).toEqual(await ours([matcher]));
  });

  it('refuses the same patterns, JavaScript syntax that RE2 does not have', async () => {
    for (const value of ['a(?=b)', 'a(?!b)', '(?<=a)b', String.raw`(a)\1`, 'a**', 'x{1001}', 'db[']) {
      const matcher: Matcher = { name: 'sample', op: '=~', value };
      expect(regexProblem(value), value).toBeDefined();
      expect(await alertmanagerRefuses(matcher), value).toBe(true);
    }
  });
});
