import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleRows } from './testing/timeline-samples';
import { parseTimelineEvent, TIMELINE_EVENT_TYPES, timelineEventSchema } from './timeline-events';

describe('parseTimelineEvent', () => {
  it.each(sampleRows())('reads a stored $type row', ({ type, data }) => {
    expect(parseTimelineEvent({ type, data })).toEqual({ type, data });
  });

  it('ignores keys an old row carries beyond its payload', () => {
    expect(
      parseTimelineEvent({
        type: 'note.added',
        data: { noteId: 'n1', excerpt: 'x', body: 'the whole note' },
      }),
    ).toEqual({ type: 'note.added', data: { noteId: 'n1', excerpt: 'x' } });
  });

  it.each([
    ['a type Vigil does not write', 'chat.linked', {}],
    ['a missing field', 'note.added', { noteId: 'n1' }],
    [
      'a field of the wrong kind',
      'alert.fired',
      { cluster: 'c', fingerprint: 'f', alertname: 3, instance: null },
    ],
    ['a status that does not exist', 'incident.status_changed', { from: 'open', to: 'closed' }],
    [
      'a reason outside its list',
      'alert.ack_closed',
      { fingerprint: 'f', ackId: 'k', reason: 'gone', silenceId: null },
    ],
    [
      'a fractional level',
      'notification.sent',
      { notificationId: 'n', channel: 'c', level: 1.5, attempt: 1 },
    ],
    ['no payload', 'alert.fired', null],
    ['a payload that is not an object', 'note.added', ['n1', 'x']],
  ])('refuses %s', (_, type, data) => {
    expect(parseTimelineEvent({ type, data })).toBeNull();
  });

  it('lists every type once', () => {
    expect(new Set(TIMELINE_EVENT_TYPES).size).toBe(timelineEventSchema.options.length);
  });
});

describe('the timeline_events comment in prisma/schema.prisma', () => {
  it('names only event types Vigil writes, and the module that declares them', () => {
    const schema = readFileSync(path.resolve(import.meta.dirname, '../../prisma/schema.prisma'), 'utf8');
    const comment = schema.match(/((?:\/\/\/.*\n)+)model TimelineEvent /)?.[1] ?? '';
    expect(comment).toContain('lib/incidents/timeline-events.ts');
    const named = comment.match(/\b[a-z]+\.[a-z_]+\b/g)?.filter((w) => !w.endsWith('.ts')) ?? [];
    expect(named.length).toBeGreaterThan(0);
    for (const type of named) expect(TIMELINE_EVENT_TYPES).toContain(type);
  });
});
