import { describe, expect, it } from 'vitest';
import { levelRecipients, type PeopleContext } from './people';

const context: PeopleContext = {
  onCall: new Map([
    ['s-sre', { userId: 'u-ana' }],
    ['s-db', null],
    ['s-backup', { userId: 'u-ana' }],
    ['s-ops', { userId: 'u-cy' }],
  ]),
  scheduleNames: new Map([
    ['s-sre', 'SRE primary'],
    ['s-db', 'DB'],
    ['s-backup', 'Backup'],
    ['s-ops', 'Ops'],
  ]),
  people: new Map([
    ['u-ana', { id: 'u-ana', name: 'Ana', disabled: false, viewer: false }],
    ['u-bo', { id: 'u-bo', name: 'Bo', disabled: false, viewer: false }],
    ['u-cy', { id: 'u-cy', name: 'Cy', disabled: true, viewer: false }],
    ['u-vi', { id: 'u-vi', name: 'Vi', disabled: false, viewer: true }],
  ]),
};

describe('levelRecipients', () => {
  it('pages the on-call person of each schedule, then the named users, each person once', () => {
    expect(
      levelRecipients({ scheduleIds: ['s-sre', 's-backup'], userIds: ['u-bo', 'u-ana'] }, context),
    ).toEqual({
      recipients: [
        { userId: 'u-ana', name: 'Ana', schedule: 'SRE primary' },
        { userId: 'u-bo', name: 'Bo', schedule: null },
      ],
      unreachable: [],
    });
  });

  it('says when nobody is on call, a schedule or user is gone, or a user is disabled', () => {
    expect(
      levelRecipients({ scheduleIds: ['s-db', 's-gone', 's-ops'], userIds: ['u-gone', 'u-cy'] }, context),
    ).toEqual({
      recipients: [],
      unreachable: [
        { reason: 'nobody_on_call', schedule: 'DB' },
        { reason: 'schedule_missing' },
        { reason: 'user_disabled', person: 'Cy' },
        { reason: 'user_missing' },
      ],
    });
  });

  it('leaves out a viewer (demoted after being put on call) and says why', () => {
    expect(levelRecipients({ scheduleIds: [], userIds: ['u-vi', 'u-bo'] }, context)).toEqual({
      recipients: [{ userId: 'u-bo', name: 'Bo', schedule: null }],
      unreachable: [{ reason: 'user_viewer', person: 'Vi' }],
    });
  });

  it('pages nobody for a level of channels only', () => {
    expect(levelRecipients({ scheduleIds: [], userIds: [] }, context)).toEqual({
      recipients: [],
      unreachable: [],
    });
  });
});
