import { describe, expect, it } from 'vitest';
import { stepProgressBodySchema } from './api-schema';

describe('stepProgressBodySchema', () => {
  it('takes an incident, a step and whether it is checked, and refuses any other key by name', () => {
    const body = { incidentId: 'INC-7', stepId: 'restart', checked: true };
    expect(stepProgressBodySchema.parse(body)).toEqual(body);
    const result = stepProgressBodySchema.safeParse({ ...body, done: true });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['done'] });
  });
});
