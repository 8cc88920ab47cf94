import { formatTime } from '@/components/format/time';
import type { PanelUnit } from '@/lib/config/panel-types';
import { scaleFor } from './axis';

/**
 * One value (a tooltip, a single stat) in the unit of the panel, scaled by its own size; axis ticks share
 * one scale instead (./axis.ts).
 *
 *   formatValue(93.456, 'percent') → '93.5%'      formatValue(1536, 'bytes') → '1.5 KiB'
 *   formatValue(0.0042, 'seconds') → '4.2 ms'      formatValue(0.005, 'perSecond') → '18/h'
 */
export function formatValue(value: number, unit: PanelUnit): string {
  if (!Number.isFinite(value)) return String(value);
  const scale = scaleFor(Math.abs(value), unit);
  return `${trim(value * scale.multiplier)}${value === 0 ? (scale.zero ?? scale.suffix) : scale.suffix}`;
}

function trim(v: number): string {
  const abs = Math.abs(v);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return Number(v.toFixed(digits)).toString();
}

/**
 * Time axis ticks in `zone`: the clock for ranges up to a day, month-day and clock beyond.
 *
 *   formatTick(Date.parse('2026-12-04T16:14:00Z'), 3600, 'Europe/Brussels') → '17:14'
 *   formatTick(Date.parse('2026-12-04T16:14:00Z'), 7 * 86400, 'UTC')        → '12-04 16:14'
 */
export function formatTick(ms: number, rangeSeconds: number, zone: string): string {
  // formatTime writes 'YYYY-MM-DD HH:mm ZONE'.
  const text = formatTime(ms, zone, 'minute');
  return rangeSeconds > 86_400 ? text.slice(5, 16) : text.slice(11, 16);
}
