import { type OncallDocument, oncallDocumentSchema } from './document';

/** A small on-call configuration for the tests: one team, one weekly rotation, a policy, two routes. */
export function sampleDocument(): OncallDocument {
  return oncallDocumentSchema.parse({
    teams: [
      {
        slug: 'sre',
        name: 'SRE',
        members: [{ email: 'ana@example.com', admin: true }, { email: 'ben@example.com' }],
      },
    ],
    schedules: [
      {
        slug: 'sre-primary',
        name: 'SRE primary',
        team: 'sre',
        timeZone: 'Europe/Brussels',
        layers: [
          {
            name: 'Weekly',
            rotation: 'weekly',
            handoffTime: '09:00',
            timeZone: 'Europe/Brussels',
            startDate: '2026-11-30',
            restrictions: [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' }],
            participants: ['ana@example.com', 'ben@example.com'],
          },
        ],
        overrides: [
          { user: 'ben@example.com', startsAt: '2030-01-01T09:00:00+01:00', endsAt: '2030-01-02T08:00:00Z' },
        ],
      },
    ],
    policies: [
      {
        name: 'sre',
        team: 'sre',
        levels: [
          { name: 'On-call', delaySeconds: 0, schedules: ['sre-primary'] },
          { name: 'Lead', delaySeconds: 600, users: ['ana@example.com'], channels: ['sre-mail'] },
        ],
      },
    ],
    routes: [
      { name: 'sre', matchers: ['team="sre"'], team: 'sre', policy: 'sre' },
      { name: 'default', default: true, policy: 'default', autoOpen: false },
    ],
  });
}

/** The i-th item of a list the test built, or a failed test. */
export function at<T>(list: readonly T[], i: number): T {
  const item = list[i];
  if (item === undefined) throw new Error(`The list has no item ${i}`);
  return item;
}
