/**
 * The e-mail that reminds a silence's creator it ends while its alerts still fire. Pure.
 *
 *   silenceReminderMessage({matchers: 'alertname="DiskFull"', comment: 'resizing', cluster: 'prod',
 *     endsAt: new Date('2026-12-04T14:00:00Z'), alerts: 3})
 *   → {subject: 'Your silence alertname="DiskFull" ends at 2026-12-04 14:00 UTC; 3 alerts still fire', text: …}
 */
export function silenceReminderMessage(s: {
  matchers: string;
  comment: string;
  cluster: string;
  endsAt: Date;
  alerts: number;
}): { subject: string; text: string } {
  const at = `${s.endsAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const firing = `${s.alerts} alert${s.alerts === 1 ? '' : 's'} still fire${s.alerts === 1 ? 's' : ''}`;
  return {
    subject: `Your silence ${s.matchers} ends at ${at}; ${firing}`,
    text: [
      `The silence you made in Vigil ends at ${at}, and it still mutes ${s.alerts} firing alert${s.alerts === 1 ? '' : 's'} in Alertmanager cluster ${s.cluster}.`,
      `When it ends they notify (and page) again.`,
      '',
      `Matchers: ${s.matchers}`,
      `Comment: ${s.comment}`,
      '',
      `To keep them quiet, extend the silence on Vigil's silences page (filter: ${s.matchers}); if the work is over, let it end.`,
    ].join('\n'),
  };
}
