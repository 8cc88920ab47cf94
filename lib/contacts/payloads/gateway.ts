import { headline, type PageMessage, plainText } from '../message';

/**
 * SMS and voice through a form-posting gateway (Twilio-shaped by default, lib/config/load.ts). The SMS
 * keeps to two segments (306 GSM characters) with the acknowledge link last, so a long incident text is
 * cut, never the link. A voice call cannot read a link aloud usefully: it says the headline twice.
 *
 *   smsText({kind: 'page', title: 'API down', …, actions: {acknowledgeUrl: 'https://v.example/a/x'}})
 *   → 'INC-7 [critical] API down: … Ack: https://v.example/a/x'
 */

const SMS_LIMIT = 306;

export function smsText(m: PageMessage): string {
  const link = m.actions ? ` Ack: ${m.actions.acknowledgeUrl}` : ` ${m.openUrl}`;
  const room = SMS_LIMIT - link.length;
  const body = plainText(m);
  return `${body.length > room ? `${body.slice(0, Math.max(0, room - 1))}…` : body}${link}`;
}

export function spokenText(m: PageMessage): string {
  const intro = {
    page: 'Vigil page.',
    followup: 'Vigil update.',
    reminder: 'Vigil reminder.',
    test: 'This is a test call from Vigil.',
  }[m.kind];
  const said = `${headline(m)}.`;
  return m.kind === 'page' ? `${intro} ${said} Again: ${said}` : `${intro} ${said}`;
}

const escapeXml = (s: string) =>
  s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');

/**
 * The form the gateway receives: each template value with `{{to}}`, `{{from}}`, `{{message}}` and
 * `{{messageXml}}` replaced (unknown placeholders stay, so a typo shows in the gateway's log).
 */
export function gatewayForm(
  template: Record<string, string>,
  values: { to: string; from: string; message: string },
): URLSearchParams {
  const vars: Record<string, string> = { ...values, messageXml: escapeXml(values.message) };
  const form = new URLSearchParams();
  for (const [field, value] of Object.entries(template))
    form.set(
      field,
      value.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => vars[name] ?? whole),
    );
  return form;
}
