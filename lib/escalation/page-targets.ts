/**
 * How one person is reached for a page, pure. With rules of theirs for the page's urgency ("after N
 * minutes, use method M"), those, each at its delay; without, every contact method they have verified (a
 * test send got through) and, when they registered a browser for Web Push, push, all at once; with
 * neither, their account's e-mail, as before contact methods existed, so nobody on call is unreachable
 * for not setting anything up. Each target is its own outbox row, keyed by the method (and the rule's
 * delay) so that a level pages each once.
 *
 *   pageTargets({methods: [{id: 'm1', kind: 'ntfy', verified: true}], push: true, rules: []}, 'high')
 *   → [{channel: 'ntfy', contactMethodId: 'm1', key: 'm:m1', delaySeconds: 0},
 *      {channel: 'push', contactMethodId: null, key: 'push', delaySeconds: 0}]
 *   rules [{high, 0 s, push}, {high, 300 s, method m1}] → push at once, ntfy after 5 minutes
 */

export type Urgency = 'high' | 'low';

export type PersonalRule = {
  urgency: Urgency;
  delaySeconds: number;
  /** A contact method of theirs, or null with `builtin`. */
  contactMethodId: string | null;
  builtin: 'push' | 'email' | null;
};

export type Reach = {
  methods: readonly { id: string; kind: string; verified: boolean }[];
  /** Whether the person has a browser registered for Web Push. */
  push: boolean;
  /** In the order they wrote them. */
  rules: readonly PersonalRule[];
};

export type PageTarget = {
  channel: string;
  contactMethodId: string | null;
  key: string | null;
  delaySeconds: number;
};

const EMAIL: PageTarget = { channel: 'email', contactMethodId: null, key: null, delaySeconds: 0 };

export function pageTargets(reach: Reach | undefined, urgency: Urgency): PageTarget[] {
  const ruled = (reach?.rules ?? []).filter((r) => r.urgency === urgency);
  if (reach && ruled.length > 0) return fromRules(reach, ruled);
  const targets: PageTarget[] = (reach?.methods ?? [])
    .filter((m) => m.verified)
    .map((m) => ({ channel: m.kind, contactMethodId: m.id, key: `m:${m.id}`, delaySeconds: 0 }));
  if (reach?.push) targets.push({ channel: 'push', contactMethodId: null, key: 'push', delaySeconds: 0 });
  // The account's e-mail keeps the key pages to people always had (`user:<id>`).
  return targets.length > 0 ? targets : [EMAIL];
}

function fromRules(reach: Reach, rules: readonly PersonalRule[]): PageTarget[] {
  const kinds = new Map(reach.methods.map((m) => [m.id, m.kind]));
  const targets = new Map<string, PageTarget>();
  for (const rule of rules) {
    const at = rule.delaySeconds > 0 ? `@${rule.delaySeconds}` : '';
    const kind = rule.contactMethodId ? kinds.get(rule.contactMethodId) : undefined;
    let target: PageTarget | null = null;
    if (kind && rule.contactMethodId)
      target = {
        channel: kind,
        contactMethodId: rule.contactMethodId,
        key: `m:${rule.contactMethodId}${at}`,
        delaySeconds: rule.delaySeconds,
      };
    // A push rule of someone with no browser registered has nothing to send to.
    else if (rule.builtin === 'push' && reach.push)
      target = { channel: 'push', contactMethodId: null, key: `push${at}`, delaySeconds: rule.delaySeconds };
    else if (rule.builtin === 'email')
      target = {
        ...EMAIL,
        key: rule.delaySeconds > 0 ? `email${at}` : null,
        delaySeconds: rule.delaySeconds,
      };
    // The same method at the same delay twice would only send the same message twice.
    if (target) targets.set(target.key ?? 'email', target);
  }
  // Rules that name nothing usable (a push rule without a browser): the account's e-mail, not silence.
  return targets.size > 0 ? [...targets.values()].sort((a, b) => a.delaySeconds - b.delaySeconds) : [EMAIL];
}

/**
 * Where a reminder goes (reminders.ts): the first step of how the person is paged for that urgency, at
 * once. Only the first: a reminder is about an acknowledged incident, and the outbox cancels a later step
 * of a person's rules once the incident is acknowledged, so later steps would never be sent; the next
 * reminder comes an interval later anyway.
 *
 *   rules [{high, 0 s, push}, {high, 300 s, method m1}] → push, now
 *   rules [{high, 300 s, method m1}]                    → ntfy (m1), now
 */
export function reminderTargets(reach: Reach | undefined, urgency: Urgency): PageTarget[] {
  const targets = pageTargets(reach, urgency);
  const first = Math.min(...targets.map((t) => t.delaySeconds));
  return targets.filter((t) => t.delaySeconds === first).map((t) => ({ ...t, delaySeconds: 0 }));
}
