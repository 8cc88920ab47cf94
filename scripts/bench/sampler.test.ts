import { describe, expect, it } from 'vitest';
import { peakRssReading, samplesOutside, samplesWithin, windowStats, worstReadings } from './sampler';
import { fewestAlertReads, processGauges } from './vigil-metrics';

describe('processGauges', () => {
  it("reads prom-client's lag max and resident memory", () => {
    const text = [
      '# HELP process_resident_memory_bytes Resident memory size in bytes.',
      '# TYPE process_resident_memory_bytes gauge',
      'process_resident_memory_bytes 412368896',
      'nodejs_eventloop_lag_min_seconds 0.009',
      'nodejs_eventloop_lag_max_seconds 0.6442',
      'nodejs_eventloop_lag_max_seconds_total 3',
    ].join('\n');
    expect(processGauges(text)).toEqual({ rssBytes: 412_368_896, lagMaxSeconds: 0.6442 });
  });

  it('leaves out what the text lacks', () => {
    expect(processGauges('process_resident_memory_bytes 1.5e+8\n')).toEqual({
      rssBytes: 150_000_000,
      lagMaxSeconds: undefined,
    });
  });
});

describe('windowStats', () => {
  const samples = [
    { at: 1000, lagMaxSeconds: 0.02, rssBytes: 300 },
    { at: 2000, lagMaxSeconds: 0.4, rssBytes: 500 },
    { at: 3000, rssBytes: 450 },
    { at: 4000, lagMaxSeconds: 0.01, rssBytes: 200 },
  ];

  it('takes the worst lag and the highest memory inside the window, ends included', () => {
    expect(windowStats(samples, 2000, 3000)).toEqual({
      from: 2000,
      to: 3000,
      samples: 2,
      lagMaxSeconds: 0.4,
      rssPeakBytes: 500,
    });
  });

  it('says null when no sample fell in the window', () => {
    expect(windowStats(samples, 5000, 6000)).toMatchObject({
      samples: 0,
      lagMaxSeconds: null,
      rssPeakBytes: null,
    });
  });
});

describe('fewestAlertReads', () => {
  const key = (peer: string, endpoint = '/api/v2/alerts') => `${peer}\t${endpoint}`;

  it('counts the whole polls of the least-read peer, other endpoints aside', () => {
    const before = { [key('am1')]: 4, [key('am2')]: 5, [key('am1', '/api/v2/silences')]: 1 };
    const after = { [key('am1')]: 7, [key('am2')]: 9, [key('am1', '/api/v2/silences')]: 30 };
    expect(fewestAlertReads(before, after)).toBe(3);
  });

  it('counts a peer first read after `before` from zero, and no peer as no poll', () => {
    expect(fewestAlertReads({}, { [key('am1')]: 2 })).toBe(2);
    expect(fewestAlertReads({}, {})).toBe(0);
  });
});

describe('peakRssReading', () => {
  const marks = [
    { name: 'alerts arriving', at: 1000 },
    { name: 'regex filter', at: 4000 },
  ];
  const samples = [
    { at: 500, rssBytes: 9e8 },
    { at: 2000, rssBytes: 3e8 },
    { at: 3000 },
    { at: 4500, rssBytes: 4e8 },
    { at: 6000, rssBytes: 2e8 },
  ];

  it('finds the highest reading inside the window and the phase that ran then', () => {
    expect(peakRssReading(samples, 1000, 7000, marks)).toEqual({
      bytes: 4e8,
      seconds: 4,
      during: 'regex filter',
    });
  });

  it('keeps the first of equal readings and ignores readings outside the window', () => {
    const equal = [...samples, { at: 5000, rssBytes: 4e8 }];
    expect(peakRssReading(equal, 1000, 4200, marks)).toEqual({
      bytes: 3e8,
      seconds: 1,
      during: 'alerts arriving',
    });
    expect(peakRssReading(equal, 1000, 7000, marks)?.seconds).toBe(4);
  });

  it('has no peak when no reading in the window carries memory', () => {
    expect(peakRssReading(samples, 2500, 3500, marks)).toBeUndefined();
  });
});

describe('worstReadings', () => {
  const samples = [
    { at: 1000, lagMaxSeconds: 0.02 },
    { at: 3000, lagMaxSeconds: 0.2 },
    { at: 4000, lagMaxSeconds: 0.05 },
    { at: 6000, lagMaxSeconds: 0.9 },
  ];
  const marks = [
    { name: 'alerts arriving', at: 0 },
    { name: '50 clients', at: 2500 },
  ];

  it('names the phase each of the worst readings inside the window fell in, worst first', () => {
    expect(worstReadings(samples, 0, 5000, marks, 2)).toEqual([
      { seconds: 3, lagMs: 200, during: '50 clients' },
      { seconds: 4, lagMs: 50, during: '50 clients' },
    ]);
    expect(worstReadings(samples, 500, 1500, marks, 5)).toEqual([
      { seconds: 1, lagMs: 20, during: 'alerts arriving' },
    ]);
  });
});

describe("the event-loop thread's time beside the readings", () => {
  const samples = [
    { at: 1000, lagMaxSeconds: 0.03, thread: { ranMs: 100, waitedMs: 20 } },
    { at: 2000, lagMaxSeconds: 0.15, thread: { ranMs: 300, waitedMs: 650 } },
    { at: 3000, lagMaxSeconds: 0.01 },
  ];

  it('sums what the thread did over the window, leaving out readings without it', () => {
    expect(windowStats(samples, 0, 3000).thread).toEqual({ ranMs: 400, waitedMs: 670 });
    expect(windowStats(samples, 2500, 3000).thread).toBeUndefined();
  });

  it('gives each of the worst readings what the thread did in its second', () => {
    expect(worstReadings(samples, 0, 3000, [{ name: 'flood', at: 0 }], 1)).toEqual([
      { seconds: 2, lagMs: 150, during: 'flood', thread: { ranMs: 300, waitedMs: 650 } },
    ]);
  });
});

describe('samplesOutside and samplesWithin', () => {
  // Readings a second apart: each is the worst delay of the second before it.
  const samples = [1000, 2000, 2500, 3000, 3500, 4000, 4600].map((at) => ({ at, lagMaxSeconds: at / 1e5 }));
  const load = { from: 2000, to: 3000 };

  it('counts a reading taken up to a second after the window as inside: it measured part of it', () => {
    expect(samplesWithin(samples, load).map((s) => s.at)).toEqual([2500, 3000, 3500, 4000]);
  });

  it('keeps the readings that cover none of the window, and the two together are every reading', () => {
    expect(samplesOutside(samples, load).map((s) => s.at)).toEqual([1000, 2000, 4600]);
    expect([...samplesOutside(samples, load), ...samplesWithin(samples, load)]).toHaveLength(samples.length);
  });
});
