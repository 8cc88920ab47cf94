import { describe, expect, it } from 'vitest';
import { ackPostUrl, buildPushPayload, MAX_PAYLOAD_BYTES, type PushMessage, pushOptions } from './payload';

const page: PushMessage = {
  kind: 'page',
  title: 'INC-7 Disk full',
  body: 'db-1 at 97%',
  incidentId: 'c1',
  url: '/incidents/c1',
  ackUrl: 'https://vigil.example/a/tok',
};

describe('buildPushPayload', () => {
  it('carries the acknowledge action and link of a page, tagged by incident', () => {
    expect(buildPushPayload(page)).toEqual({
      title: 'INC-7 Disk full',
      body: 'db-1 at 97%',
      tag: 'incident-c1',
      url: '/incidents/c1',
      actions: [{ action: 'ack', title: 'Acknowledge' }],
      ackUrl: 'https://vigil.example/api/v1/actions/tok',
    });
  });

  it('offers no action without a signed link, nor on a follow-up', () => {
    const noLink = buildPushPayload({ ...page, ackUrl: null });
    expect(noLink.actions).toEqual([]);
    expect(noLink).not.toHaveProperty('ackUrl');
    const followup = buildPushPayload({ ...page, kind: 'followup', title: 'INC-7 resolved' });
    expect(followup.actions).toEqual([]);
    expect(followup).not.toHaveProperty('ackUrl');
    expect(followup.tag).toBe('incident-c1');
  });

  it('tags a message without an incident by its kind', () => {
    expect(buildPushPayload({ kind: 'test', title: 'Test', body: 'b', url: '/people/me' }).tag).toBe(
      'vigil-test',
    );
  });

  it('shortens a long body (even of multi-byte characters) to fit a push, keeping title and link', () => {
    for (const char of ['x', 'é', '"', '🔥']) {
      const payload = buildPushPayload({ ...page, body: char.repeat(5000) });
      expect(Buffer.byteLength(JSON.stringify(payload))).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
      expect(payload.body.endsWith('…')).toBe(true);
      expect(payload.body.length).toBeGreaterThan(100);
      expect(payload.title).toBe(page.title);
      expect(payload.ackUrl).toBe('https://vigil.example/api/v1/actions/tok');
    }
  });
});

describe('ackPostUrl', () => {
  it("turns the link page /a/<token> into the POST the page makes, keeping the console's base", () => {
    expect(ackPostUrl('https://vigil.example/a/eyJ2.sig')).toBe(
      'https://vigil.example/api/v1/actions/eyJ2.sig',
    );
    expect(ackPostUrl('https://ops.example/vigil/a/t')).toBe('https://ops.example/vigil/a/t');
    expect(ackPostUrl('https://vigil.example/api/v1/actions/t')).toBe(
      'https://vigil.example/api/v1/actions/t',
    );
  });
});

describe('pushOptions', () => {
  it('sends pages urgently for an hour, follow-ups at normal urgency', () => {
    expect(pushOptions(page)).toMatchObject({ TTL: 3600, urgency: 'high' });
    expect(pushOptions({ ...page, kind: 'followup' })).toMatchObject({ TTL: 1800, urgency: 'normal' });
    expect(pushOptions({ ...page, kind: 'test', incidentId: null })).toMatchObject({
      TTL: 300,
      urgency: 'high',
    });
  });

  it('gives one incident one topic (≤ 32 URL-safe characters) so a newer push replaces an older one', () => {
    const topic = pushOptions(page).topic;
    expect(topic).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(pushOptions({ ...page, kind: 'followup' }).topic).toBe(topic);
    expect(pushOptions({ ...page, incidentId: 'c2' }).topic).not.toBe(topic);
  });
});
