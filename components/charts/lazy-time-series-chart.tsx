'use client';

import dynamic from 'next/dynamic';

/**
 * TimeSeriesChart loaded when first drawn: recharts is ~100 KB compressed, and a page that may show a
 * chart (the alerts list, where one opens with an alert's detail) should not ship it before then.
 * Charts always draw after their data arrives, so nothing is lost by not rendering them on the server.
 */
export const LazyTimeSeriesChart = dynamic(
  () => import('./time-series-chart').then((m) => m.TimeSeriesChart),
  { ssr: false, loading: () => <p className="text-sm text-muted">Loading the chart…</p> },
);
