import type { EscalationLevelConfig } from '@/lib/config/load';
import type { ChannelConfig } from '@/lib/config/schema';

/**
 * What `<Escalate level={n}>` shows about a level: its name, delay and whom it notifies (its channels,
 * the on-call of its schedules, the people it names). Pure.
 * Chat and webhook URLs are credentials (anyone holding a Slack webhook URL can post), so only the
 * channel's name and kind are shown; e-mail addresses are contacts and are shown.
 *
 *   escalationView([{level: 2, name: 'L2 on-call SRE', delaySeconds: 300, targets: ['sre-mail']}],
 *     [{name: 'sre-mail', type: 'email', to: ['sre@example.com']}])
 *   → [{level: 2, name: 'L2 on-call SRE', delaySeconds: 300,
 *       targets: [{name: 'sre-mail', kind: 'email', detail: 'sre@example.com'}]}]
 */

type EscalationTarget = { name: string; kind: string; detail: string | null };
export type EscalationLevelView = {
  level: number;
  name: string;
  delaySeconds: number;
  targets: EscalationTarget[];
};

export function escalationView(
  levels: readonly EscalationLevelConfig[],
  channels: readonly ChannelConfig[],
): EscalationLevelView[] {
  const byName = new Map(channels.map((c) => [c.name, c]));
  return levels.map((l) => ({
    level: l.level,
    name: l.name,
    delaySeconds: l.delaySeconds,
    targets: [
      ...l.targets.map((name) => {
        const channel = byName.get(name);
        if (!channel) return { name, kind: 'unknown channel', detail: null };
        return { name, kind: channel.type, detail: channel.type === 'email' ? channel.to.join(', ') : null };
      }),
      // A level that pages people has no channel of its own, and still reaches someone.
      ...(l.schedules ?? []).map((slug) => ({ name: slug, kind: 'whoever is on call', detail: null })),
      ...(l.users ?? []).map((user) => ({ name: user, kind: 'person', detail: null })),
    ],
  }));
}
