import { describe, expect, it } from 'vitest';
import { renderMetrics } from './metrics';

describe('renderMetrics', () => {
  it('writes the Prometheus text format with escaped label values', () => {
    const text = renderMetrics([
      {
        name: 'vigil_upstream_up',
        help: 'Whether it answers.',
        type: 'gauge',
        samples: [
          { labels: { kind: 'alertmanager', name: 'eu "peer" 1' }, value: 1 },
          { labels: { kind: 'loki', name: 'a\\b' }, value: 0 },
        ],
      },
      { name: 'vigil_up', help: 'Up.', type: 'gauge', samples: [{ value: Number.NaN }] },
    ]);
    expect(text).toBe(
      [
        '# HELP vigil_upstream_up Whether it answers.',
        '# TYPE vigil_upstream_up gauge',
        'vigil_upstream_up{kind="alertmanager",name="eu \\"peer\\" 1"} 1',
        'vigil_upstream_up{kind="loki",name="a\\\\b"} 0',
        '# HELP vigil_up Up.',
        '# TYPE vigil_up gauge',
        'vigil_up NaN',
        '',
      ].join('\n'),
    );
  });
});
