import { Card } from '@/components/ui/card';
import type { Overview } from '@/lib/overview/api-schema';

export function RuleHealth({ rules }: { rules: Overview['rules'] }) {
  return (
    <div id="rules">
      <Card title={`Rule health (${rules.total} rules)`}>
        <div className="flex flex-col gap-3 text-sm" data-testid="rule-health">
          {rules.errors.length ? (
            <ul className="flex flex-col gap-1">
              {rules.errors.map((r) => (
                <li key={`${r.server}-${r.group}-${r.name}`}>
                  <span className="font-medium text-danger">{r.name}</span>{' '}
                  <span className="text-muted">
                    ({r.group}): {r.error}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-ok">No rule is failing to evaluate.</p>
          )}
          <div className="grid grid-cols-2 gap-3">
            <div>
              <h3 className="mb-1 text-xs font-medium uppercase text-muted">Firing</h3>
              <ul>
                {rules.firing.map((r) => (
                  <li key={r.name}>
                    {r.name} <span className="text-muted">×{r.count}</span>
                  </li>
                ))}
                {rules.firing.length === 0 ? <li className="text-muted">none</li> : null}
              </ul>
            </div>
            <div>
              <h3 className="mb-1 text-xs font-medium uppercase text-muted">Pending</h3>
              <ul>
                {rules.pending.map((r) => (
                  <li key={r.name}>
                    {r.name} <span className="text-muted">×{r.count}</span>
                  </li>
                ))}
                {rules.pending.length === 0 ? <li className="text-muted">none</li> : null}
              </ul>
            </div>
          </div>
        </div>
      </Card>
    </div>
  );
}
