import type { ReportName } from './report-schema';

/** What each report is called and means: the page's section headings and the JSON's `title`. */
export const REPORT_META: Record<ReportName, { title: string; description: string }> = {
  'noisiest-alerts': {
    title: 'Noisiest alerts',
    description: 'Firings per alert name, per week; the 20 that fired most in the range.',
  },
  'noisiest-label-sets': {
    title: 'Noisiest label sets',
    description: 'Firings per alert (alert name and all its labels), per week; the 20 that fired most.',
  },
  flapping: {
    title: 'Flapping alerts',
    description:
      'Alerts that fired and resolved at least the flapping threshold of times within the flapping window; flaps are the state changes made while flapping.',
  },
  'incident-response-by-route': {
    title: 'Time to acknowledge and resolve incidents, by route',
    description: 'Incidents opened in the range: p50/p90 from opened to acknowledged and to resolved.',
  },
  'incident-response-by-team': {
    title: 'Time to acknowledge and resolve incidents, by team',
    description: 'Incidents opened in the range: p50/p90 from opened to acknowledged and to resolved.',
  },
  'incident-response-by-alertname': {
    title: 'Time to acknowledge and resolve incidents, by alert name',
    description:
      'Incidents opened in the range, by the name of the alert that opened them: p50/p90 to acknowledge and to resolve.',
  },
  'alert-acknowledgement': {
    title: 'Time to acknowledge alerts',
    description:
      'Firings that someone acknowledged: p50/p90 from the start of the firing to its first acknowledgement.',
  },
  'never-acknowledged': {
    title: 'Never acknowledged',
    description: 'Firings that nobody acknowledged, per alert name.',
  },
  'no-runbook': {
    title: 'Alerts without a runbook',
    description:
      'Alert names that fired in the range and that no runbook covers (by runbook_url or frontmatter).',
  },
};
