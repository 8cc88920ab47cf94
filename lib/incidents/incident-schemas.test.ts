import { describe, expect, it } from 'vitest';
import {
  acknowledgeIncidentSchema,
  createIncidentSchema,
  linkAlertsSchema,
  noteBodySchema,
  updateIncidentSchema,
} from './incident-schemas';

const messages = (
  schema: { safeParse: (v: unknown) => { error?: { issues: { path: PropertyKey[]; message: string }[] } } },
  v: unknown,
) => schema.safeParse(v).error?.issues.map((i) => [i.path.join('.'), i.message]);

describe('incident bodies', () => {
  it('refuse an unknown key, at the top and inside an alert reference', () => {
    expect(messages(createIncidentSchema, { title: 'Checkout down', severty: 'critical' })).toEqual([
      ['', 'Unrecognized key: "severty"'],
    ]);
    expect(messages(linkAlertsSchema, { alerts: [{ fingerprint: 'ab12', clustr: 'eu' }] })).toEqual([
      ['alerts.0', 'Unrecognized key: "clustr"'],
    ]);
    expect(messages(updateIncidentSchema, { state: 'resolved' })?.[0]).toEqual([
      '',
      'Unrecognized key: "state"',
    ]);
    expect(messages(acknowledgeIncidentSchema, { comment: 'on it' })).toEqual([
      ['', 'Unrecognized key: "comment"'],
    ]);
    expect(messages(noteBodySchema, { body: 'x', text: 'y' })).toEqual([['', 'Unrecognized key: "text"']]);
  });
});
