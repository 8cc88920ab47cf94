import { describe, expect, it } from 'vitest';
import { makePostmortem } from '@/lib/postmortems/testing/make-postmortem';
import { draftFrom, isDirty, saveBody } from './postmortem-draft';

describe('saveBody', () => {
  const pm = makePostmortem();

  it('is empty for an untouched draft', () => {
    expect(saveBody(draftFrom(pm), pm)).toEqual({});
    expect(isDirty(draftFrom(pm), pm)).toBe(false);
  });

  it('sends only the sections that changed', () => {
    const draft = draftFrom(pm);
    draft.sections.rootCause = 'A bad deploy';
    expect(saveBody(draft, pm)).toEqual({ sections: { rootCause: 'A bad deploy' } });
  });

  it('sends the whole action item list when one changed, leaving out blank new rows', () => {
    const draft = draftFrom(pm);
    draft.items.push(
      { key: 'n1', title: '  Write the runbook ', ownerId: null, dueDate: null, done: false },
      { key: 'n2', title: '  ', ownerId: null, dueDate: null, done: false },
    );
    expect(saveBody(draft, pm)).toEqual({
      actionItems: [
        { id: 'a1', title: 'Add a canary', ownerId: 'u1', dueDate: '2026-12-01', done: false },
        { title: 'Write the runbook', ownerId: null, dueDate: null, done: false },
      ],
    });
    const blankOnly = draftFrom(pm);
    blankOnly.items.push({ key: 'n2', title: '', ownerId: null, dueDate: null, done: false });
    expect(isDirty(blankOnly, pm)).toBe(false);
  });

  it('notices a ticked, re-owned or removed item', () => {
    const ticked = draftFrom(pm);
    ticked.items = ticked.items.map((a) => ({ ...a, done: true }));
    expect(saveBody(ticked, pm).actionItems?.[0]).toMatchObject({ id: 'a1', done: true });
    const removed = draftFrom(pm);
    removed.items = [];
    expect(saveBody(removed, pm)).toEqual({ actionItems: [] });
  });
});
