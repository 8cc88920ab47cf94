import { describe, expect, it } from 'vitest';
import { updateMeSchema } from './people-schemas';

describe('updateMeSchema', () => {
  it('refuses a mistyped field ("timezone") instead of answering 200 and changing nothing', () => {
    expect(
      updateMeSchema.safeParse({ timezone: 'Asia/Tokyo' }).error?.issues.map((i) => i.message),
    ).toContain('Unrecognized key: "timezone"');
    expect(updateMeSchema.parse({ timeZone: 'Asia/Tokyo' })).toEqual({ timeZone: 'Asia/Tokyo' });
  });
});
