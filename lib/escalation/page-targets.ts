/**
 * How one person is reached for a page, pure: every contact method they have verified (a test send got
 * through) and, when they registered a browser for Web Push, push; with neither, their account's
 * e-mail, as before contact methods existed, so nobody on call is unreachable for not setting anything
 * up. Each target is its own outbox row, keyed by the method so that a level pages each method once.
 *
 *   pageTargets({methods: [{id: 'm1', kind: 'ntfy', verified: true}, {id: 'm2', kind: 'sms', verified: false}], push: true})
 *   → [{channel: 'ntfy', contactMethodId: 'm1', key: 'm:m1'}, {channel: 'push', contactMethodId: null, key: 'push'}]
 */

export type Reach = {
  methods: readonly { id: string; kind: string; verified: boolean }[];
  /** Whether the person has a browser registered for Web Push. */
  push: boolean;
};

export type PageTarget = { channel: string; contactMethodId: string | null; key: string | null };

export function pageTargets(reach: Reach | undefined): PageTarget[] {
  const targets: PageTarget[] = (reach?.methods ?? [])
    .filter((m) => m.verified)
    .map((m) => ({ channel: m.kind, contactMethodId: m.id, key: `m:${m.id}` }));
  if (reach?.push) targets.push({ channel: 'push', contactMethodId: null, key: 'push' });
  // The account's e-mail keeps the key pages to people always had (`user:<id>`).
  return targets.length > 0 ? targets : [{ channel: 'email', contactMethodId: null, key: null }];
}
