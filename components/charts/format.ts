import type { PanelUnit } from '@/lib/config/panel-types';

/**
 * Axis and tooltip values in the unit of the panel.
 *
 *   formatValue(93.456, 'percent') → '93.5%'      formatValue(1536, 'bytes') → '1.5 KiB'
 *   formatValue(0.0042, 'seconds') → '4.2 ms'      formatValue(0.973, 'ratio') → '97.3%'
 */
export function formatValue(value: number, unit: PanelUnit): string {
  if (!Number.isFinite(value)) return String(value);
  switch (unit) {
    case 'percent':
      return `${trim(value)}%`;
    case 'ratio':
      return `${trim(value * 100)}%`;
    case 'bytes':
      return binary(value, '');
    case 'bytesPerSecond':
      return binary(value, '/s');
    case 'seconds':
      if (Math.abs(value) < 1e-3) return `${trim(value * 1e6)} µs`;
      if (Math.abs(value) < 1) return `${trim(value * 1e3)} ms`;
      return `${trim(value)} s`;
    case 'perSecond':
      return `${compact(value)}/s`;
    default:
      return compact(value);
  }
}

function trim(v: number): string {
  const abs = Math.abs(v);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return Number(v.toFixed(digits)).toString();
}

function binary(v: number, suffix: string): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let i = 0;
  let n = v;
  while (Math.abs(n) >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${trim(n)} ${units[i]}${suffix}`;
}

function compact(v: number): string {
  const abs = Math.abs(v);
  if (abs >= 1e9) return `${trim(v / 1e9)}G`;
  if (abs >= 1e6) return `${trim(v / 1e6)}M`;
  if (abs >= 1e3) return `${trim(v / 1e3)}k`;
  return trim(v);
}

/** Axis ticks: clock time for ranges up to a day, day and time beyond. Always UTC-independent local time. */
export function formatTick(ms: number, rangeSeconds: number): string {
  const d = new Date(ms);
  const hm = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  return rangeSeconds > 86_400 ? `${d.getDate()}/${d.getMonth() + 1} ${hm}` : hm;
}
