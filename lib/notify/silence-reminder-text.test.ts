import { describe, expect, it } from 'vitest';
import { silenceReminderMessage } from './silence-reminder-text';

describe('the silence reminder e-mail', () => {
  it('says which silence ends when, how many alerts it still mutes, and what to do', () => {
    const { subject, text } = silenceReminderMessage({
      matchers: 'alertname="DiskFull", instance=~"db-.*"',
      comment: 'resizing the volume',
      cluster: 'prod',
      endsAt: new Date('2026-12-04T14:00:30Z'),
      alerts: 3,
    });
    expect(subject).toBe(
      'Your silence alertname="DiskFull", instance=~"db-.*" ends at 2026-12-04 14:00 UTC; 3 alerts still fire',
    );
    expect(text).toContain('still mutes 3 firing alerts in Alertmanager cluster prod');
    expect(text).toContain('Comment: resizing the volume');
    expect(text).toContain('extend the silence');
  });

  it('speaks of one alert in the singular', () => {
    const { subject, text } = silenceReminderMessage({
      matchers: 'alertname="X"',
      comment: 'c',
      cluster: 'default',
      endsAt: new Date('2026-12-04T14:00:00Z'),
      alerts: 1,
    });
    expect(subject).toMatch(/; 1 alert still fires$/);
    expect(text).toContain('mutes 1 firing alert in');
  });
});
