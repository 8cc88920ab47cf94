/**
 * The level of a log line, so errors and warnings can be shown first. Loki stores no level of its own:
 * it is a stream label when the shipper sets one (`level`, or `detected_level` in Loki 3.x), a label
 * extracted by `| logfmt` / `| json` (renamed `level_extracted` when it clashes with the stream label,
 * see fixtures/query_range-logfmt-filter.json), a field in the line, or only a word in free text.
 */

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

/** The level names in use (syslog, Go, Java, Python, Grafana's LogLevel), lower-case. */
const LEVEL_NAMES: Record<string, LogLevel> = {
  emerg: 'error',
  emergency: 'error',
  alert: 'error',
  crit: 'error',
  critical: 'error',
  fatal: 'error',
  panic: 'error',
  err: 'error',
  eror: 'error',
  error: 'error',
  warn: 'warn',
  warning: 'warn',
  info: 'info',
  information: 'info',
  informational: 'info',
  notice: 'info',
  debug: 'debug',
  dbug: 'debug',
  trace: 'debug',
};

/** Label names that carry a level, most trusted first. */
const LEVEL_LABELS = ['level', 'lvl', 'severity', 'loglevel', 'detected_level', 'level_extracted'];

/**
 * A logfmt or JSON level field: `level=warn`, `lvl="error"`, `{"level": "info"`, `"log.level":"ERROR"`.
 * The key must start a field, so `sublevel=1` and `level_extracted=…` do not count.
 */
const LEVEL_FIELD = /(?:^|[\s{,.])"?(?:level|lvl|severity|loglevel)"?\s*[=:]\s*"?([a-z]+)/i;

/**
 * Free text: the first level word wins, as in Grafana's getLogLevel. "alert" and "notice" are left out:
 * in an on-call console's logs they are ordinary words far more often than levels.
 */
const LEVEL_WORD = /\b(emerg|fatal|panic|crit|critical|err|eror|error|warn|warning|info|debug|trace)\b/i;

function levelOf(name: string | undefined): LogLevel | undefined {
  return name ? LEVEL_NAMES[name.toLowerCase()] : undefined;
}

/**
 * @example detectLevel('msg="disk full"', { level: 'warn' }) → 'warn' (a label wins)
 * @example detectLevel('ts=… level=error msg="OOM killer invoked"', {}) → 'error'
 * @example detectLevel('{"level": "info", "status": 500}', {}) → 'info'
 * @example detectLevel('2026-11-21 08:07:01 WARNING: disk 91% full', {}) → 'warn'
 * @example detectLevel('GET /healthz 200', {}) → undefined
 */
export function detectLevel(line: string, labels: Record<string, string>): LogLevel | undefined {
  for (const name of LEVEL_LABELS) {
    const level = levelOf(labels[name]);
    if (level) return level;
  }
  return levelOf(LEVEL_FIELD.exec(line)?.[1]) ?? levelOf(LEVEL_WORD.exec(line)?.[1]);
}
