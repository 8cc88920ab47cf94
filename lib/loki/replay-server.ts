import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { z } from 'zod';
import { SELECTOR_LABELS } from './alert-context';
import { FIXTURES_DIR } from './fixtures';
import {
  type LabelSet,
  mergeNames,
  parseSimpleLogQuery,
  rewriteStreams,
  timeParamNs,
  type WireStream,
} from './replay-rewrite';
import { listenOnLoopback, type RecordedRequest, type RecordingServer, recordRequest } from './test-server';

/**
 * A stand-in for Loki (which cannot be installed here), for tests, e2e and benchmarks: it answers with
 * real Loki 2.8 responses from fixtures/, with their recorded status and Content-Type, including the
 * plain-text 400s labelled application/json and /ready's 503 while Loki starts.
 *
 * How a request finds its recording (fixtures/index.json, one entry per recording):
 * 1. `method` and `path` must be equal (the label name is part of the path: /label/job/values).
 * 2. Every parameter named in the entry's `match` must be exactly equal, e.g. `query` (the LogQL, byte
 *    for byte) or `match[]` for /series. Other parameters — start, end, time, limit, direction, step —
 *    are ignored, so a test may ask for any window; assert them on `requests` instead.
 * 3. `ready` (for /ready only) must equal the replay's state: see `notReady` and `setReady`.
 * An unknown path gets Go's `404 page not found` (Loki's router, like Prometheus's); a known path with
 * no matching recording gets a 404 whose body names the request, so a missing recording is obvious
 * instead of answered with made-up data. To serve a new case, add a recording and an index entry.
 *
 * Rewrite mode (`rewrite: {streams}`, off by default) serves label sets that were never recorded, such
 * as the harness's alerts (`{job="node", instance="127.0.0.1:<random port>"}`), so the alert log
 * context can be shown end to end with real Loki lines:
 * - /labels and /label/<name>/values answer the recorded names and values plus those of the given
 *   label sets (an unknown label's values come without `data`, as from Loki 2.8);
 * - a query_range that matches no recording, and is a stream selector with line filters, is answered
 *   with the recorded streams of fixtures/query_range-streams.json (real Loki 2.8 lines at levels
 *   error, warn and info) relabelled to every label set the selector matches and moved into the
 *   requested window (rules in replay-rewrite.ts); a selector matching no set gets no streams, as
 *   from Loki. Recorded queries keep their recordings, bad LogQL included (`{job="node"} |= `); other
 *   LogQL (parsers, metric queries) gets the usual "no recording" 404.
 *
 *   const replay = await startLokiReplay({ rewrite: { streams: [{ job: 'node', instance: '127.0.0.1:9100' }] } });
 *   // or follow whatever alerts an Alertmanager holds (the demo):
 *   const replay = await startLokiReplay({ rewrite: { streams: alertmanagerStreams('http://127.0.0.1:9093') } });
 *   // then start Vigil with LOKI_URL=replay.url
 */

const recordingSchema = z.object({
  method: z.enum(['GET', 'POST']),
  path: z.string().startsWith('/'),
  match: z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({}),
  ready: z.boolean().optional(),
  file: z.string(),
  status: z.number().int(),
  contentType: z.string(),
});

const indexSchema = z.object({ recordings: z.array(recordingSchema) });

type Recording = z.infer<typeof recordingSchema> & { body: Buffer };

/** Label sets, or a function that returns them (asked on every request, so they may change). */
type StreamSource = readonly LabelSet[] | (() => readonly LabelSet[] | Promise<readonly LabelSet[]>);

export type LokiReplayOptions = {
  /** Start like a Loki that has just started: /ready answers the recorded 503 until setReady(true). */
  notReady?: boolean;
  /** Rewrite mode: also answer for these label sets with the recorded lines (see above). */
  rewrite?: { streams: StreamSource };
};

export type LokiReplay = RecordingServer & {
  /** Switches /ready between the recorded 503 (false) and 200 (true). */
  setReady(ready: boolean): void;
};

async function loadRecordings(): Promise<Recording[]> {
  const index = indexSchema.parse(JSON.parse(await readFile(path.join(FIXTURES_DIR, 'index.json'), 'utf8')));
  return Promise.all(
    index.recordings.map(async (r) => ({ ...r, body: await readFile(path.join(FIXTURES_DIR, r.file)) })),
  );
}

/** "a" → ["a"], ["a", "b"] → ["a", "b"], undefined → []: one form for single and repeated parameters. */
function valuesOf(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : [value].flat();
}

function matches(recording: Recording, request: RecordedRequest, ready: boolean): boolean {
  if (recording.ready !== undefined && recording.ready !== ready) return false;
  return Object.entries(recording.match).every(([key, expected]) => {
    const sent = valuesOf(request.query[key]);
    const wanted = valuesOf(expected);
    return sent.length === wanted.length && sent.every((value, i) => value === wanted[i]);
  });
}

/** An answer as the replay sends it. */
type Reply = { status: number; contentType: string; body: string | Buffer };

/** The recording whose streams rewrite mode re-uses: real lines at levels error, warn and info. */
const REWRITE_SOURCE = 'query_range-streams.json';

const streamsBodySchema = z.object({
  status: z.literal('success'),
  data: z.looseObject({
    result: z.array(
      z.object({
        stream: z.record(z.string(), z.string()),
        values: z.array(z.tuple([z.string(), z.string()])),
      }),
    ),
  }),
});
const namesBodySchema = z.object({ data: z.array(z.string()).nullish() });

const json = (data: unknown): Reply => ({
  status: 200,
  contentType: 'application/json',
  body: JSON.stringify(data),
});

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Rewrite mode's answers (see the top of this file), or undefined to fall back to the recordings.
 * Label sets are read per request, so a function source can follow a changing list.
 */
function createRewriter(recordings: Recording[], source: StreamSource) {
  const bodyOf = (r: Recording) => JSON.parse(r.body.toString('utf8')) as unknown;
  const streamsRecording = recordings.find((r) => r.file === REWRITE_SOURCE);
  if (!streamsRecording) throw new Error(`Loki replay: rewrite mode needs the recording ${REWRITE_SOURCE}`);
  const streamsBody = streamsBodySchema.parse(bodyOf(streamsRecording));
  const recorded: WireStream[] = streamsBody.data.result;
  /** Recorded names (/labels) and values (/label/<name>/values), by path. */
  const recordedNames = new Map(
    recordings
      .filter((r) => r.method === 'GET' && /^\/loki\/api\/v1\/(labels|label\/[^/]+\/values)$/.test(r.path))
      .map((r) => [r.path, namesBodySchema.parse(bodyOf(r)).data ?? []]),
  );
  const labelSets = async () => (typeof source === 'function' ? await source() : source);

  return async (request: RecordedRequest, recording: Recording | undefined): Promise<Reply | undefined> => {
    if (request.method !== 'GET') return undefined;
    if (request.path === '/loki/api/v1/labels') {
      const sets = await labelSets();
      const names = mergeNames(recordedNames.get(request.path) ?? [], ...sets.map((s) => Object.keys(s)));
      return json({ status: 'success', data: names });
    }
    const valuesOf = /^\/loki\/api\/v1\/label\/([^/]+)\/values$/.exec(request.path)?.[1];
    if (valuesOf !== undefined) {
      const name = decodeURIComponent(valuesOf);
      const sets = await labelSets();
      const values = mergeNames(
        recordedNames.get(request.path) ?? [],
        sets.flatMap((s) => (s[name] ? [s[name]] : [])),
      );
      // Loki 2.8 leaves `data` out for a label it does not know (grafana/loki#4927).
      return json(values.length > 0 ? { status: 'success', data: values } : { status: 'success' });
    }
    if (request.path !== '/loki/api/v1/query_range' || recording) return undefined;
    const query = parseSimpleLogQuery(first(request.query.query) ?? '');
    if (!query) return undefined;
    const nowNs = BigInt(Date.now()) * 1_000_000n;
    const endNs = timeParamNs(first(request.query.end), nowNs);
    const result = rewriteStreams(recorded, await labelSets(), {
      query,
      endNs,
      // Loki's defaults: the last hour, 100 lines, newest first.
      startNs: timeParamNs(first(request.query.start), endNs - 3600n * 1_000_000_000n),
      nowNs,
      limit: Number(first(request.query.limit)) || 100,
      direction: first(request.query.direction) === 'forward' ? 'forward' : 'backward',
    });
    return json({ ...streamsBody, data: { ...streamsBody.data, result } });
  };
}

/**
 * Label sets of the alerts an Alertmanager holds, reduced to the labels Vigil matches in Loki
 * (SELECTOR_LABELS): a `streams` source for rewrite mode that gives every alert of a demo its logs.
 * @example await alertmanagerStreams('http://127.0.0.1:9093')()
 *   → [{job: 'node', instance: '127.0.0.1:9100'}, {instance: 'http://127.0.0.1:1/'}]
 */
export function alertmanagerStreams(
  alertmanagerUrl: string,
  names: readonly string[] = SELECTOR_LABELS,
): () => Promise<LabelSet[]> {
  const alertsSchema = z.array(z.object({ labels: z.record(z.string(), z.string()) }));
  return async () => {
    const res = await fetch(`${alertmanagerUrl.replace(/\/+$/, '')}/api/v2/alerts`);
    if (!res.ok) throw new Error(`Alertmanager at ${alertmanagerUrl} answered ${res.status}`);
    return alertsSchema
      .parse(await res.json())
      .map((a) => Object.fromEntries(names.flatMap((n) => (a.labels[n] ? [[n, a.labels[n]]] : []))))
      .filter((set) => Object.keys(set).length > 0);
  };
}

function notFound(request: RecordedRequest, url: string | undefined, knownPath: boolean): Reply {
  return {
    status: 404,
    contentType: 'text/plain; charset=utf-8',
    body: knownPath
      ? `Loki replay: no recording for ${request.method} ${url}; add one to lib/loki/fixtures/index.json\n`
      : '404 page not found\n',
  };
}

export async function startLokiReplay(options: LokiReplayOptions = {}): Promise<LokiReplay> {
  const recordings = await loadRecordings();
  const requests: RecordedRequest[] = [];
  let ready = !options.notReady;
  const rewrite = options.rewrite && createRewriter(recordings, options.rewrite.streams);

  const server = createServer((req, res) => {
    req.resume();
    const request = recordRequest(req);
    requests.push(request);
    const samePath = recordings.filter((r) => r.method === request.method && r.path === request.path);
    const recording = samePath.find((r) => matches(r, request, ready));
    const send = (reply: Reply) => {
      res.writeHead(reply.status, reply.contentType ? { 'content-type': reply.contentType } : {});
      res.end(reply.body);
    };
    const strict = (): Reply =>
      recording
        ? { status: recording.status, contentType: recording.contentType, body: recording.body }
        : notFound(request, req.url, samePath.length > 0);
    if (!rewrite) return send(strict());
    rewrite(request, recording).then(
      (reply) => send(reply ?? strict()),
      (error: Error) =>
        send({
          status: 500,
          contentType: 'text/plain; charset=utf-8',
          body: `Loki replay: ${error.message}\n`,
        }),
    );
  });

  const { url, close } = await listenOnLoopback(server);
  return {
    url,
    requests,
    close,
    setReady: (value) => {
      ready = value;
    },
  };
}
