import { headline, type PageMessage } from '../message';

const escapeHtml = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/**
 * A page as an e-mail: the headline as the subject, the text, and the links both as plain lines (a text
 * client, a screen reader) and as HTML links. Everything from the incident is escaped in the HTML.
 */
export function emailContent(m: PageMessage): { subject: string; text: string; html: string } {
  const links = [
    ...(m.actions ? [{ label: 'Acknowledge', url: m.actions.acknowledgeUrl }] : []),
    { label: 'Open in Vigil', url: m.openUrl },
  ];
  const subject = headline(m);
  const text = [m.text, '', ...links.map((l) => `${l.label}: ${l.url}`)].join('\n').trimStart();
  const html = [
    `<p><strong>${escapeHtml(subject)}</strong></p>`,
    ...(m.text ? [`<p>${escapeHtml(m.text)}</p>`] : []),
    `<p>${links.map((l) => `<a href="${escapeHtml(l.url)}">${escapeHtml(l.label)}</a>`).join(' · ')}</p>`,
  ].join('\n');
  return { subject, text, html };
}
