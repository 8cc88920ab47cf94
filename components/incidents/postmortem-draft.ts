import type { Postmortem, PostmortemPut, Sections } from '@/lib/postmortems/schemas';
import { SECTION_KEYS } from '@/lib/postmortems/schemas';
import type { ActionItemDraft } from './postmortem-action-items';

/**
 * What the editor holds between saves, and the PUT body it sends. Pure.
 *
 *   saveBody({sections: {...pm.sections, rootCause: 'x'}, items: []}, pm)
 *     → {sections: {rootCause: 'x'}, actionItems: []}   (only what changed; the whole item list)
 */

export type Draft = { sections: Sections; items: ActionItemDraft[] };

export function draftFrom(pm: Postmortem): Draft {
  return {
    sections: { ...pm.sections },
    items: pm.actionItems.map((a) => ({
      key: a.id,
      id: a.id,
      title: a.title,
      ownerId: a.ownerId,
      dueDate: a.dueDate,
      done: a.done,
      owner: a.owner,
    })),
  };
}

const itemKey = (a: {
  id?: string;
  title: string;
  ownerId: string | null;
  dueDate: string | null;
  done: boolean;
}) => JSON.stringify([a.id ?? null, a.title.trim(), a.ownerId, a.dueDate, a.done]);

/** Rows added and left blank are not sent: an empty row is not an action item. */
const kept = (items: readonly ActionItemDraft[]) => items.filter((a) => a.id || a.title.trim());

export function saveBody(draft: Draft, pm: Postmortem): PostmortemPut {
  const sections = Object.fromEntries(
    SECTION_KEYS.filter((k) => draft.sections[k] !== pm.sections[k]).map((k) => [k, draft.sections[k]]),
  );
  const items = kept(draft.items);
  const itemsChanged =
    items.length !== pm.actionItems.length ||
    items.some(
      (a, i) =>
        itemKey(a) !== itemKey(pm.actionItems[i] ?? { title: '', ownerId: null, dueDate: null, done: false }),
    );
  return {
    ...(Object.keys(sections).length ? { sections } : {}),
    ...(itemsChanged
      ? {
          actionItems: items.map((a) => ({
            ...(a.id ? { id: a.id } : {}),
            title: a.title.trim(),
            ownerId: a.ownerId,
            dueDate: a.dueDate,
            done: a.done,
          })),
        }
      : {}),
  };
}

export const isDirty = (draft: Draft, pm: Postmortem) => Object.keys(saveBody(draft, pm)).length > 0;
