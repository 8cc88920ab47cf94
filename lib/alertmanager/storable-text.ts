/**
 * Text as PostgreSQL can store it. Alertmanager and Prometheus allow U+0000 in label values and
 * annotations (any valid UTF-8), but PostgreSQL's text and jsonb refuse it: one such alert failed every
 * insert of its webhook notification (answered 503, resent by Alertmanager for ever) and of the poller's
 * batch, so its group, and every other change that poll saw, went unrecorded and unpaged. Vigil reads
 * U+0000 as U+FFFD (the replacement character) where alerts come in, the webhook and the poller, so the
 * list, the history and the pages all show the same text. Client-safe.
 *
 * A lone surrogate (`"\ud800"` in a JSON body: not text, but JSON.parse makes a string of it) is read as
 * U+FFFD too: rows are sent to PostgreSQL as JSON (lib/incidents/bulk-insert.ts), whose JSON input
 * refuses the escape `JSON.stringify` writes for it. Alertmanager never sends one (Go writes U+FFFD for
 * bytes that are not UTF-8); a hand-made notification may.
 *
 *   storableText('db\u00001') → 'db\uFFFD1';  storableText('db\uD8001') → 'db\uFFFD1';
 *   storableText('db-1') → 'db-1' (the same string)
 */
export function storableText(text: string): string {
  return storable(text) ? text : text.toWellFormed().replaceAll('\0', '\uFFFD');
}

/** Whether storableText leaves `text` as it is. */
const storable = (text: string) => !text.includes('\0') && text.isWellFormed();

/**
 * A label set (or annotations) with storableText on its names and values; the same object when every
 * name and value is storable already, which is every label set but a broken exporter's.
 *
 *   storableLabels({instance: 'db\u00001'}) → {instance: 'db\uFFFD1'}
 */
export function storableLabels(labels: Record<string, string>): Record<string, string> {
  for (const name in labels)
    if (!storable(name) || !storable(labels[name] ?? ''))
      return Object.fromEntries(
        Object.entries(labels).map(([n, value]) => [storableText(n), storableText(value)]),
      );
  return labels;
}
