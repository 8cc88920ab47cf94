import type { ContactSettings } from './contact-schemas';

/**
 * The non-secret line shown for a contact method: enough to recognise it, never enough to use it. A
 * webhook URL's path is its credential, so only its host is shown; an ntfy topic is readable by anyone
 * who knows it, so only its first and last two characters; a phone number only its last three digits.
 *
 *   contactDisplay({kind: 'ntfy', topicUrl: 'https://ntfy.sh/ana-pages-x7'}) → 'ntfy.sh/an…x7'
 *   contactDisplay({kind: 'sms', phone: '+32470123456'})                   → '+… 456'
 */
export function contactDisplay(s: ContactSettings): string {
  switch (s.kind) {
    case 'email':
      return s.address;
    case 'slack':
      return s.url ? `webhook on ${new URL(s.url).host}` : `direct message to ${s.slackUserId}`;
    case 'mattermost':
      return `webhook on ${new URL(s.url).host}`;
    case 'teams':
      return `workflow on ${new URL(s.url).host}`;
    case 'ntfy': {
      const { host, topic } = splitTopicUrl(s.topicUrl);
      const masked = topic.length <= 6 ? '…' : `${topic.slice(0, 2)}…${topic.slice(-2)}`;
      return `${host}/${masked}${s.token ? ' (with token)' : ''}`;
    }
    case 'sms':
    case 'voice':
      return `+… ${s.phone.slice(-3)}`;
  }
}

/**
 * An ntfy topic URL as the server it is on and the topic: "https://push.example.com/ntfy/alerts" →
 * base "https://push.example.com/ntfy", topic "alerts" (ntfy may be served under a path).
 */
export function splitTopicUrl(topicUrl: string): { base: string; host: string; topic: string } {
  const url = new URL(topicUrl);
  const segments = url.pathname.split('/').filter(Boolean);
  const topic = segments.pop() ?? '';
  return { base: `${url.origin}${segments.map((s) => `/${s}`).join('')}`, host: url.host, topic };
}
