import { describe, expect, it } from 'vitest';
import { classifyPushStatus } from './push-status';

describe('classifyPushStatus', () => {
  it.each([
    [201, 'ok'],
    [202, 'ok'],
    [404, 'gone'],
    [410, 'gone'],
    [429, 'retry'],
    [500, 'retry'],
    [503, 'retry'],
    [400, 'rejected'],
    [403, 'rejected'],
    [413, 'rejected'],
  ] as const)('%i → %s', (status, outcome) => {
    expect(classifyPushStatus(status)).toBe(outcome);
  });
});
