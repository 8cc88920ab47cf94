import { headline, type PageMessage } from '../message';

/**
 * An ntfy message published as JSON to the server's root (ntfy "Publish as JSON"): JSON rather than
 * headers, so a title with non-ASCII characters arrives as written. A page is priority 5 when critical
 * (it breaks through Do Not Disturb on Android), else 4; tests, follow-ups and reminders are 3 (default).
 * Tags show as emoji before the title: a follow-up's check mark says "done", so a reminder, about an
 * incident that still fires, has an alarm clock instead. Actions
 * are "view" buttons: Acknowledge opens the signed link, Open the console.
 */
export function ntfyMessage(topic: string, m: PageMessage) {
  const priority = m.kind !== 'page' ? 3 : m.severity === 'critical' ? 5 : 4;
  const tags = {
    page: ['rotating_light'],
    followup: ['white_check_mark'],
    reminder: ['alarm_clock'],
    test: ['bell'],
  }[m.kind];
  return {
    topic,
    title: headline(m),
    message: m.text || headline(m),
    priority,
    tags,
    click: m.openUrl,
    actions: [
      ...(m.actions
        ? [{ action: 'view', label: 'Acknowledge', url: m.actions.acknowledgeUrl, clear: true }]
        : []),
      { action: 'view', label: 'Open', url: m.openUrl },
    ],
  };
}
