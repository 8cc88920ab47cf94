import { expect, it } from 'vitest';
import { livenessOf, reportLiveness } from './liveness';

it('keeps the last success and the last failure of each job apart', () => {
  expect(livenessOf('test job')).toEqual({ lastOkAt: undefined, lastFailedAt: undefined });
  reportLiveness('test job', true, 1000);
  reportLiveness('test job', false, 2000);
  reportLiveness('test job', true, 3000);
  expect(livenessOf('test job')).toEqual({ lastOkAt: 3000, lastFailedAt: 2000 });
});
