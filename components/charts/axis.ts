import type { PanelUnit } from '@/lib/config/panel-types';

/**
 * The value axis of a chart: its domain, its ticks and one formatter for all of them. The unit's scale
 * (µs, ms or s; KiB or MiB; /s, /min or /h) is picked once from the largest value on the axis, so every
 * tick shares it ("0 ms, 5 ms, 10 ms", never "0 µs" under "5 ms"), and the decimals from the tick step.
 * Pure.
 *
 *   valueAxis([0.001, 0.009], 'seconds') → ticks '0 ms', '2.5 ms', '5 ms', '7.5 ms', '10 ms'
 *   valueAxis([0.002, 0.005], 'perSecond') → ticks '0/h', '5/h', '10/h', '15/h', '20/h' (not '0.005/s')
 *   valueAxis([0, 1, 1, 0], 'count') → domain [0, 1], ticks '0', '1' (a boolean expression)
 */

export type ValueAxis = { domain: [number, number]; ticks: number[]; format: (value: number) => string };

/** A unit's scale: the value times `multiplier`, then `suffix` (`zero` for 0: "0/s", not "0k/s"). */
type Scale = { multiplier: number; suffix: string; zero?: string };

const SI = [
  { at: 1e12, suffix: 'T' },
  { at: 1e9, suffix: 'G' },
  { at: 1e6, suffix: 'M' },
  { at: 1e3, suffix: 'k' },
];
const BINARY = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** The scale for values up to `maxAbs` in `unit`. */
export function scaleFor(maxAbs: number, unit: PanelUnit): Scale {
  switch (unit) {
    case 'percent':
      return { multiplier: 1, suffix: '%' };
    case 'ratio':
      return { multiplier: 100, suffix: '%' };
    case 'bytes':
    case 'bytesPerSecond': {
      let i = 0;
      while (maxAbs / 1024 ** i >= 1024 && i < BINARY.length - 1) i++;
      return { multiplier: 1 / 1024 ** i, suffix: ` ${BINARY[i]}${unit === 'bytes' ? '' : '/s'}` };
    }
    case 'seconds':
      if (maxAbs >= 2 * 86_400) return { multiplier: 1 / 86_400, suffix: ' d' };
      if (maxAbs >= 2 * 3600) return { multiplier: 1 / 3600, suffix: ' h' };
      if (maxAbs >= 120) return { multiplier: 1 / 60, suffix: ' min' };
      if (maxAbs >= 1 || maxAbs === 0) return { multiplier: 1, suffix: ' s' };
      if (maxAbs >= 1e-3) return { multiplier: 1e3, suffix: ' ms' };
      if (maxAbs >= 1e-6) return { multiplier: 1e6, suffix: ' µs' };
      return { multiplier: 1e9, suffix: ' ns' };
    case 'perSecond':
      // A rate below one per second reads better per minute or per hour than as "0.005/s".
      if (maxAbs > 0 && maxAbs * 60 < 1) return { multiplier: 3600, suffix: '/h' };
      if (maxAbs > 0 && maxAbs < 1) return { multiplier: 60, suffix: '/min' };
      return si(maxAbs, '/s');
    default:
      return si(maxAbs, '');
  }
}

function si(maxAbs: number, unitSuffix: string): Scale {
  const prefix = SI.find((p) => maxAbs >= p.at);
  return prefix
    ? { multiplier: 1 / prefix.at, suffix: `${prefix.suffix}${unitSuffix}`, zero: unitSuffix }
    : { multiplier: 1, suffix: unitSuffix };
}

/** The fewest decimals that write `step` exactly (0.25 → 2, 5 → 0), at most 6. */
function decimalsOf(step: number): number {
  for (let d = 0; d < 6; d++) {
    const scaled = step * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6 * Math.max(1, scaled)) return d;
  }
  return 6;
}

/** 1, 2, 2.5, 5 or 10 times a power of ten, the smallest not below `raw`. */
function niceStep(raw: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const normalized = raw / magnitude;
  const nice = [1, 2, 2.5, 5, 10].find((n) => normalized <= n + 1e-9) ?? 10;
  return nice * magnitude;
}

/**
 * The axis for `values` (NaN and ±Inf ignored) in `unit`; `include` widens the domain (a threshold must be
 * on the chart). All values 0 or 1 (a boolean expression, `up` or `x > bool 3`): [0, 1] with those two
 * ticks. All values whole numbers: whole-number ticks. Positive values start the axis at 0 unless they
 * sit far above it.
 */
export function valueAxis(
  values: readonly number[],
  unit: PanelUnit,
  include: readonly number[] = [],
  tickCount = 5,
): ValueAxis {
  const data = values.filter(Number.isFinite);
  const all = [...data, ...include.filter(Number.isFinite)];
  if (
    unit === 'count' &&
    data.length > 0 &&
    data.every((v) => v === 0 || v === 1) &&
    all.every((v) => v >= 0 && v <= 1)
  )
    return { domain: [0, 1], ticks: [0, 1], format: (v) => String(Math.round(v)) };
  let lo = all.length ? Math.min(...all) : 0;
  let hi = all.length ? Math.max(...all) : 1;
  if (lo >= 0 && lo <= hi / 2) lo = 0;
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) / 2;
    lo = lo >= 0 && lo - pad < 0 ? 0 : lo - pad;
    hi += pad;
  }
  const scale = scaleFor(Math.max(Math.abs(lo), Math.abs(hi)), unit);
  const integers = unit === 'count' && data.every(Number.isInteger);
  const sLo = lo * scale.multiplier;
  const sHi = hi * scale.multiplier;
  let step = niceStep((sHi - sLo) / Math.max(1, tickCount - 1));
  if (integers) step = Math.max(1, Math.round(step));
  const first = Math.floor(sLo / step + 1e-9) * step;
  const last = Math.ceil(sHi / step - 1e-9) * step;
  const decimals = decimalsOf(step);
  const ticks: number[] = [];
  for (let t = first; t <= last + step / 2; t += step)
    ticks.push(Number(t.toFixed(decimals)) / scale.multiplier);
  const format = (value: number) => {
    const scaled = value * scale.multiplier;
    // Float noise around zero would otherwise print "-0".
    if (Math.abs(scaled) < step * 1e-6) return `0${scale.zero ?? scale.suffix}`;
    return `${Number(scaled.toFixed(decimals))}${scale.suffix}`;
  };
  return { domain: [first / scale.multiplier, last / scale.multiplier], ticks, format };
}
