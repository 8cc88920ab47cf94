import type { Postmortem } from '@/lib/postmortems/schemas';

/** A saved draft post-mortem for tests (components, Markdown export); `partial` overrides. */
export function makePostmortem(partial: Partial<Postmortem> = {}): Postmortem {
  return {
    id: 'pm1',
    saved: true,
    status: 'draft',
    incident: {
      id: 'inc1',
      ref: 'INC-7',
      number: 7,
      title: 'API down',
      severity: 'critical',
      status: 'resolved',
      openedAt: '2026-11-21T09:00:00.000Z',
      resolvedAt: '2026-11-21T10:30:00.000Z',
      mttaSeconds: 420,
      mttrSeconds: 5400,
    },
    author: 'Ana',
    sections: {
      summary: 'INC-7 "API down"',
      impact: '',
      detection: 'APIDown fired.',
      rootCause: '',
      resolution: '',
      wentWell: '',
      wentBadly: '',
    },
    timeline: [
      {
        id: '1',
        at: '2026-11-21T09:00:00.000Z',
        type: 'alert.fired',
        actor: null,
        text: 'Alert APIDown fired',
        starred: true,
        hidden: false,
      },
      {
        id: '2',
        at: '2026-11-21T09:01:00.000Z',
        type: 'notification.sent',
        actor: null,
        text: 'Notification sent via email',
        starred: false,
        hidden: true,
      },
    ],
    actionItems: [
      {
        id: 'a1',
        title: 'Add a canary',
        ownerId: 'u1',
        owner: 'Bo',
        dueDate: '2026-12-01',
        done: false,
        doneAt: null,
      },
    ],
    createdAt: '2026-11-21T11:00:00.000Z',
    updatedAt: '2026-11-21T12:00:00.000Z',
    publishedAt: null,
    ...partial,
  };
}
