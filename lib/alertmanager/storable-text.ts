/**
 * Text as PostgreSQL can store it. Alertmanager and Prometheus allow U+0000 in label values and
 * annotations (any valid UTF-8), but PostgreSQL's text and jsonb refuse it: one such alert failed every
 * insert of its webhook notification (answered 503, resent by Alertmanager for ever) and of the poller's
 * batch, so its group, and every other change that poll saw, went unrecorded and unpaged. Vigil reads
 * U+0000 as U+FFFD (the replacement character) where alerts come in, the webhook and the poller, so the
 * list, the history and the pages all show the same text. Client-safe.
 *
 *   storableText('db\u00001') → 'db\uFFFD1';  storableText('db-1') → 'db-1' (the same string)
 */
export function storableText(text: string): string {
  return text.includes('\0') ? text.replaceAll('\0', '\uFFFD') : text;
}

/**
 * A label set (or annotations) with storableText on its names and values; the same object when none
 * holds U+0000, which is every label set but a broken exporter's.
 *
 *   storableLabels({instance: 'db\u00001'}) → {instance: 'db\uFFFD1'}
 */
export function storableLabels(labels: Record<string, string>): Record<string, string> {
  for (const name in labels)
    if (name.includes('\0') || labels[name]?.includes('\0'))
      return Object.fromEntries(
        Object.entries(labels).map(([n, value]) => [storableText(n), storableText(value)]),
      );
  return labels;
}
