import { describe, expect, it } from 'vitest';
import type { PanelUnit } from '@/lib/config/panel-types';
import { scaleFor, valueAxis } from './axis';

const labels = (values: number[], unit: PanelUnit, include: number[] = []) => {
  const axis = valueAxis(values, unit, include);
  return axis.ticks.map(axis.format);
};

describe('valueAxis', () => {
  it('writes every tick of a millisecond axis in ms, zero included (not "0 µs")', () => {
    expect(labels([0.001, 0.009], 'seconds')).toEqual(['0 ms', '2.5 ms', '5 ms', '7.5 ms', '10 ms']);
    expect(labels([0.05, 0.4], 'seconds')).toEqual(['0 ms', '100 ms', '200 ms', '300 ms', '400 ms']);
  });

  it('writes small rates per minute or per hour, not "0.005/s"', () => {
    expect(labels([0.002, 0.005], 'perSecond')).toEqual(['0/h', '5/h', '10/h', '15/h', '20/h']);
    expect(labels([0.1, 0.5], 'perSecond')).toEqual(['0/min', '10/min', '20/min', '30/min']);
    expect(labels([1234, 5000], 'perSecond')).toEqual(['0/s', '2k/s', '4k/s', '6k/s']);
  });

  it('gives a boolean expression the domain [0, 1] and the ticks 0 and 1', () => {
    const axis = valueAxis([0, 1, 1, 0, Number.NaN], 'count', [0]);
    expect(axis.domain).toEqual([0, 1]);
    expect(axis.ticks.map(axis.format)).toEqual(['0', '1']);
  });

  it('keeps whole-number counts on whole-number ticks', () => {
    expect(labels([0, 3, 7], 'count')).toEqual(['0', '2', '4', '6', '8']);
    expect(labels([1, 2], 'count')).toEqual(['0', '1', '2']);
  });

  it('widens the domain to hold a threshold', () => {
    const axis = valueAxis([10, 40], 'percent', [85]);
    expect(axis.domain).toEqual([0, 100]);
    expect(axis.ticks.map(axis.format)).toEqual(['0%', '25%', '50%', '75%', '100%']);
  });

  it('scales bytes in binary units by the largest value', () => {
    expect(labels([0, 1_536_000], 'bytes')).toEqual(['0 MiB', '0.5 MiB', '1 MiB', '1.5 MiB']);
  });

  it('does not start at zero values that sit far above it, and handles negatives and flat lines', () => {
    expect(labels([93.4, 97], 'percent')).toEqual(['93%', '94%', '95%', '96%', '97%']);
    expect(labels([-3, 2], 'count')).toEqual(['-4', '-2', '0', '2']);
    expect(labels([5, 5], 'count')).toEqual(['2', '4', '6', '8']);
    expect(labels([], 'count')).toEqual(['0', '1']);
  });
});

describe('scaleFor', () => {
  it.each([
    [0.0000005, 'seconds', ' ns'],
    [0.0005, 'seconds', ' µs'],
    [30, 'seconds', ' s'],
    [600, 'seconds', ' min'],
    [36_000, 'seconds', ' h'],
    [3e6, 'count', 'M'],
    [0.5, 'ratio', '%'],
    [5 * 1024 ** 3, 'bytesPerSecond', ' GiB/s'],
  ] as const)('%s %s → %s', (maxAbs, unit, suffix) => {
    expect(scaleFor(maxAbs, unit).suffix).toBe(suffix);
  });
});
