import { describe, expect, it } from 'vitest';
import { createContactSchema, updateContactSchema } from './contact-schemas';

const issues = (input: unknown) => {
  const r = createContactSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('contact method input', () => {
  it('takes each kind with its fields', () => {
    expect(createContactSchema.parse({ kind: 'email', address: 'ana@example.com' })).toEqual({
      kind: 'email',
      address: 'ana@example.com',
    });
    expect(createContactSchema.parse({ kind: 'sms', label: 'Phone', phone: '+32 470 12 34 56' })).toEqual({
      kind: 'sms',
      label: 'Phone',
      phone: '+32470123456',
    });
    expect(
      createContactSchema.parse({ kind: 'ntfy', topicUrl: 'https://ntfy.sh/ana-pages', token: 'tk_x' }),
    ).toMatchObject({ topicUrl: 'https://ntfy.sh/ana-pages', token: 'tk_x' });
    expect(
      createContactSchema.parse({ kind: 'slack', botToken: 'xoxb-1-2-abc', slackUserId: 'U024BE7LH' }),
    ).toMatchObject({ kind: 'slack', slackUserId: 'U024BE7LH' });
  });

  it('names the field that is wrong', () => {
    expect(issues({ kind: 'email', address: 'ana' })).toEqual({ address: 'must be an e-mail address' });
    expect(issues({ kind: 'sms', phone: '0470 12 34 56' })).toEqual({
      phone: 'must be an E.164 number such as +32470123456',
    });
    expect(issues({ kind: 'teams', url: 'ftp://x.example/y' })).toEqual({ url: 'must be an https:// URL' });
    expect(issues({ kind: 'mattermost', url: 'https://u:p@chat.example/hooks/x' })).toEqual({
      url: 'must not hold a user name or password; use the token field',
    });
    expect(issues({ kind: 'ntfy', topicUrl: 'https://ntfy.sh/' })).toEqual({
      topicUrl: 'must end with the topic, e.g. https://ntfy.sh/my-topic',
    });
    expect(issues({ kind: 'email', address: 'a@example.com', label: ' ' })).toEqual({
      label: 'must not be empty',
    });
  });

  it('wants a Slack webhook, or a bot token with a member ID', () => {
    expect(issues({ kind: 'slack' })).toEqual({
      url: 'is required: a webhook URL, or a bot token and a member ID',
    });
    expect(issues({ kind: 'slack', botToken: 'xoxb-1' })).toEqual({
      slackUserId: 'is required with a bot token',
    });
    expect(issues({ kind: 'slack', slackUserId: 'U1AB' })).toEqual({
      botToken: 'is required with a member ID',
    });
  });

  it('refuses a PATCH that changes nothing', () => {
    expect(updateContactSchema.safeParse({}).success).toBe(false);
    expect(updateContactSchema.parse({ label: 'Work phone' })).toEqual({ label: 'Work phone' });
  });
});

describe('unknown keys', () => {
  it('refuses them when creating and changing a method, instead of dropping them', () => {
    expect(issues({ kind: 'email', address: 'ana@example.com', adress: 'x' })).toEqual({
      '': 'Unrecognized key: "adress"',
    });
    expect(updateContactSchema.safeParse({ name: 'Phone' }).error?.issues[0]?.message).toBe(
      'Unrecognized key: "name"',
    );
  });
});
