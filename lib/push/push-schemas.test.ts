import { describe, expect, it } from 'vitest';
import { tabNotificationsSchema } from './push-schemas';

describe('tabNotificationsSchema', () => {
  it('takes enabled and sound, and refuses any other key by name', () => {
    expect(tabNotificationsSchema.parse({ enabled: true, sound: false })).toEqual({
      enabled: true,
      sound: false,
    });
    const result = tabNotificationsSchema.safeParse({ enabled: true, sound: false, volume: 11 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['volume'] });
  });
});
