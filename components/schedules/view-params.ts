import { parseDate, TIMELINE_VIEWS, type TimelineView } from './timeline';

/**
 * The schedule page's URL state: `?view=week|month&from=YYYY-MM-DD`. Anything else falls back to the
 * week holding today, so a mistyped link still opens the schedule. Pure.
 *
 *   viewParams({ view: 'month', from: '2027-03-22' }) → { view: 'month', from: '2027-03-22' }
 *   viewParams({ view: 'year', from: '2027-02-30' })  → { view: 'week', from: undefined }
 */
export function viewParams(raw: Record<string, string | string[] | undefined>): {
  view: TimelineView;
  from: string | undefined;
} {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const view = TIMELINE_VIEWS.find((v) => v === one(raw.view)) ?? 'week';
  const from = parseDate(one(raw.from)) ? one(raw.from) : undefined;
  return { view, from };
}
