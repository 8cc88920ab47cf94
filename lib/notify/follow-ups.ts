/**
 * Closing the loop, pure: when an incident is acknowledged or resolved, each person paged for it hears
 * once, on the method that first reached them (a sent page), not on every method their rules tried.
 * People whose pages all failed or were cancelled are not told: nothing reached them to follow up on.
 *
 *   sent [{ana, push, 03:01}, {ana, sms, 03:06}, {ben, email, 03:02}], except ana (she acknowledged)
 *   → [{ben, email}]
 */

type SentPage = { userId: string; sentAt: Date };

export function followUpTargets<P extends SentPage>(sent: readonly P[], except: string | null): P[] {
  const first = new Map<string, P>();
  for (const page of sent) {
    if (page.userId === except) continue;
    const known = first.get(page.userId);
    if (!known || page.sentAt < known.sentAt) first.set(page.userId, page);
  }
  return [...first.values()].sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime());
}

/**
 * Whether a person's pages for one level have all failed for good: none sent, none still to try. Then
 * the policy moves to its next step at once rather than waiting out the level's delay.
 */
export function reachedNobody(
  pages: readonly { status: 'pending' | 'sent' | 'failed' | 'dead' | 'cancelled' }[],
): boolean {
  return pages.length > 0 && pages.every((p) => p.status === 'dead');
}
