import { describe, expect, it } from 'vitest';
import { blankRouteForm, formOfRoute, inputOfRouteForm, splitMatchers } from './route-form';

describe('splitMatchers', () => {
  it('splits on new lines and on commas outside quotes, braces or not', () => {
    expect(splitMatchers('team="db", severity=~"critical|page"')).toEqual([
      'team="db"',
      'severity=~"critical|page"',
    ]);
    expect(splitMatchers('{team="db",\n\nregion!="eu,us"}')).toEqual(['team="db"', 'region!="eu,us"']);
    expect(splitMatchers('msg="a \\" , b"')).toEqual(['msg="a \\" , b"']);
    expect(splitMatchers('  ')).toEqual([]);
  });
});

describe('inputOfRouteForm', () => {
  it('makes the API body', () => {
    const form = { ...blankRouteForm('p1'), name: ' db ', matchers: 'team="db"', teamId: 't1' };
    expect(inputOfRouteForm(form, false)).toEqual({
      input: {
        name: 'db',
        matchers: ['team="db"'],
        teamId: 't1',
        policyId: 'p1',
        autoOpen: true,
        urgency: 'high',
      },
    });
  });

  it('asks for a matcher, except on the default route, which keeps none', () => {
    expect(inputOfRouteForm({ ...blankRouteForm(''), name: 'db' }, false)).toEqual({
      problems: {
        matchers: 'Add a matcher such as team="db" (the default route takes the rest)',
        policyId: 'Pick the escalation policy',
      },
    });
    const result = inputOfRouteForm({ ...blankRouteForm('p1'), name: 'default', matchers: 'x="y"' }, true);
    expect('input' in result && result.input.matchers).toEqual([]);
  });

  it('round-trips a stored route', () => {
    const form = formOfRoute({
      id: 'r1',
      name: 'db',
      position: 1,
      matchers: ['team="db"', 'severity="critical"'],
      isDefault: false,
      teamId: null,
      policyId: 'p1',
      autoOpen: false,
      urgency: 'low',
      updatedAt: '2026-12-01T00:00:00.000Z',
    });
    expect(form.matchers).toBe('team="db"\nseverity="critical"');
    expect(inputOfRouteForm(form, false)).toMatchObject({
      input: {
        matchers: ['team="db"', 'severity="critical"'],
        autoOpen: false,
        urgency: 'low',
        teamId: null,
      },
    });
  });
});
