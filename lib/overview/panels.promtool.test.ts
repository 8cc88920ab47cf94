import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandExpr } from './chart-range';
import { BUILTIN_PANEL_GROUPS } from './panels';

/**
 * Panel expressions evaluated by Prometheus's own engine over synthetic series (`promtool test rules`,
 * from the Debian prometheus package the stack already needs), so the PromQL is checked as Prometheus
 * reads it, not as a string.
 */

const dir = mkdtempSync(path.join(tmpdir(), 'vigil-promtool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function panelExpr(id: string): string {
  const panel = BUILTIN_PANEL_GROUPS.flatMap((g) => g.panels).find((p) => p.id === id);
  const expr = panel?.queries[0]?.expr;
  if (!expr) throw new Error(`no panel ${id}`);
  return expandExpr(expr, 60);
}

/** Runs one promql_expr_test; promtool exits non-zero, with the difference, when it fails. */
function promtool(series: Record<string, string>, expr: string, expected: Record<string, number>): string {
  writeFileSync(path.join(dir, 'rules.yml'), 'groups: []\n');
  const test = {
    rule_files: ['rules.yml'],
    evaluation_interval: '1m',
    tests: [
      {
        interval: '1m',
        input_series: Object.entries(series).map(([s, values]) => ({ series: s, values })),
        promql_expr_test: [
          {
            expr,
            eval_time: '10m',
            exp_samples: Object.entries(expected).map(([labels, value]) => ({ labels, value })),
          },
        ],
      },
    ],
  };
  // JSON is YAML: no YAML writer needed.
  writeFileSync(path.join(dir, 'test.yml'), JSON.stringify(test));
  return execFileSync('promtool', ['test', 'rules', 'test.yml'], { cwd: dir, encoding: 'utf8' });
}

describe('the 5xx ratio panel (promtool)', () => {
  it('is 0 for a service that answered no 5xx, and the share of 5xx for one that did', () => {
    const output = promtool(
      {
        'http_request_duration_seconds_count{job="vigil",status="200"}': '0+60x10',
        'http_request_duration_seconds_count{job="api",status="200"}': '0+54x10',
        'http_request_duration_seconds_count{job="api",status="503"}': '0+6x10',
      },
      panelExpr('errors'),
      { '{job="vigil"}': 0, '{job="api"}': 0.1 },
    );
    expect(output).toContain('SUCCESS');
  });
});
