import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { z } from 'zod';
import { FIXTURES_DIR } from './fixtures';
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

export type LokiReplayOptions = {
  /** Start like a Loki that has just started: /ready answers the recorded 503 until setReady(true). */
  notReady?: boolean;
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

export async function startLokiReplay(options: LokiReplayOptions = {}): Promise<LokiReplay> {
  const recordings = await loadRecordings();
  const requests: RecordedRequest[] = [];
  let ready = !options.notReady;

  const server = createServer((req, res) => {
    req.resume();
    const request = recordRequest(req);
    requests.push(request);
    const samePath = recordings.filter((r) => r.method === request.method && r.path === request.path);
    const recording = samePath.find((r) => matches(r, request, ready));
    if (recording) {
      res.writeHead(recording.status, recording.contentType ? { 'content-type': recording.contentType } : {});
      res.end(recording.body);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(
      samePath.length === 0
        ? '404 page not found\n'
        : `Loki replay: no recording for ${request.method} ${req.url}; add one to lib/loki/fixtures/index.json\n`,
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
