import { describe, expect, it } from 'vitest';
import { createTokenSchema, updateUserSchema } from './api-schema';

const keysRefused = (result: { success: boolean; error?: { issues: { code: string; keys?: string[] }[] } }) =>
  result.error?.issues.flatMap((i) => (i.code === 'unrecognized_keys' ? (i.keys ?? []) : []));

describe('admin write bodies refuse keys they do not know, naming them', () => {
  it('PATCH /users/{id}: a misspelt key is refused, not ignored while nothing changes', () => {
    expect(updateUserSchema.safeParse({ role: 'admin' }).success).toBe(true);
    const result = updateUserSchema.safeParse({ role: 'admin', disable: true });
    expect(result.success).toBe(false);
    expect(keysRefused(result)).toEqual(['disable']);
  });

  it('POST /tokens: only name and userId', () => {
    expect(createTokenSchema.safeParse({ name: 'ack-bot' }).success).toBe(true);
    expect(keysRefused(createTokenSchema.safeParse({ name: 'ack-bot', role: 'admin' }))).toEqual(['role']);
  });
});
