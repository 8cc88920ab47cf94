import { describe, expect, it } from 'vitest';
import { unitOfExpression } from './expression-unit';

describe('unitOfExpression', () => {
  it.each([
    ['up', 'count'],
    ['pg_up{job="postgres"}', 'count'],
    ['node_filesystem_avail_bytes{mountpoint="/"}', 'bytes'],
    ['rate(node_network_receive_bytes_total{device!~"lo|veth.*"}[5m])', 'bytesPerSecond'],
    ['histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))', 'seconds'],
    ['sum(rate(http_requests_total{code=~"5.."}[5m]))', 'perSecond'],
    ['sum by (instance) (rate(node_cpu_seconds_total{mode="idle"}[1m]))', 'count'],
    ['avg_over_time(probe_duration_seconds[10m])', 'seconds'],
    ['slo_error_budget_ratio', 'ratio'],
    ['disk_used_percent', 'percent'],
    ['increase(http_requests_total[1h])', 'count'],
    // Arithmetic changes the unit: not guessed.
    ['rate(node_network_receive_bytes_total[1m]) * 8', 'count'],
    ['100 - (avg(rate(node_cpu_seconds_total{mode="idle"}[1m])) * 100)', 'count'],
    ['node_filesystem_avail_bytes / node_filesystem_size_bytes', 'count'],
    ['a_bytes or b_bytes', 'count'],
  ])('%s → %s', (expr, unit) => {
    expect(unitOfExpression(expr)).toBe(unit);
  });
});
