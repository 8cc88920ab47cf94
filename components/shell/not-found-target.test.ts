import { describe, expect, it } from 'vitest';
import { notFoundTarget } from './not-found-target';

describe('notFoundTarget', () => {
  it.each([
    ['/incidents/INC-99', 'There is no incident INC-99.', '/incidents'],
    ['/incidents/INC-99/postmortem', 'There is no incident INC-99.', '/incidents'],
    ['/alerts/ffff', 'No alert with fingerprint ffff has fired here', '/alerts'],
    ['/runbooks/disk%20ful', 'There is no runbook "disk ful".', '/runbooks'],
    ['/runbooks/%E0%A4%A', 'There is no runbook "%E0%A4%A".', '/runbooks'],
    ['/nowhere', 'There is no page at /nowhere.', '/'],
  ])('%s → %s, back to %s', (pathname, what, back) => {
    const target = notFoundTarget(pathname);
    expect(target.what).toContain(what);
    expect(target.back.href).toBe(back);
  });
});
