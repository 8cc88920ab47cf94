'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ErrorMessage } from '@/components/ui/error-message';
import { ApiError } from '@/lib/api/client';
import { pathOf } from '@/lib/api/operation';
import { useApiMutation } from '@/lib/api/query';
import { exportOncallConfigOp, importOncallConfigOp } from '@/lib/oncall-config/api';
import type { ImportResult, KindChanges } from '@/lib/oncall-config/document';

const KINDS = ['teams', 'schedules', 'policies', 'routes'] as const;
const VERBS = ['created', 'updated', 'deleted', 'unchanged'] as const;

/**
 * Export the on-call configuration as YAML, and import it: paste, check (a dry run lists what would
 * change), then apply. The same file twice changes nothing.
 */
export function OncallConfigCard() {
  const [yaml, setYaml] = useState('');
  const [checked, setChecked] = useState<{ yaml: string; result: ImportResult } | null>(null);
  const [applied, setApplied] = useState<ImportResult | null>(null);
  const run = useApiMutation(importOncallConfigOp, {
    onSuccess: (result, input) => {
      if (result.dryRun) setChecked({ yaml: input.body?.yaml ?? '', result });
      else {
        setApplied(result);
        setChecked(null);
      }
    },
  });
  const edit = (text: string) => {
    setYaml(text);
    setChecked(null);
    setApplied(null);
    run.reset();
  };
  const fields = run.error instanceof ApiError ? Object.entries(run.error.fields) : [];
  return (
    <Card title="On-call config">
      <div className="flex flex-col gap-3">
        <p className="text-sm text-muted">
          Teams, schedules, escalation policies and routes as one YAML file, to keep in git. Import creates or
          updates by slug and name and deletes nothing.
        </p>
        <div>
          <a
            href={pathOf(exportOncallConfigOp)}
            download="vigil-oncall.yaml"
            className="inline-flex min-h-11 items-center rounded-md border border-border px-3 text-sm hover:bg-bg"
          >
            Export YAML
          </a>
        </div>
        <label htmlFor="oncall-yaml" className="text-sm font-medium">
          Import YAML (paste the file)
        </label>
        <textarea
          id="oncall-yaml"
          className="min-h-48 w-full rounded-md border border-border bg-surface p-2 font-mono text-xs"
          spellCheck={false}
          value={yaml}
          onChange={(e) => edit(e.target.value)}
        />
        <div className="flex flex-wrap gap-2">
          <Button
            variant="secondary"
            className="min-h-11"
            disabled={run.isPending || !yaml.trim()}
            onClick={() => run.mutate({ body: { yaml, dryRun: true } })}
          >
            Check changes
          </Button>
          <Button
            className="min-h-11"
            disabled={run.isPending || checked?.yaml !== yaml}
            onClick={() => run.mutate({ body: { yaml } })}
          >
            Apply
          </Button>
        </div>
        {run.error ? (
          <div data-testid="oncall-import-error">
            <ErrorMessage error={run.error instanceof ApiError ? run.error.message : run.error} boxed />
            {fields.length > 1 ? (
              <ul className="mt-1 list-disc pl-5 text-sm text-danger">
                {fields.map(([path, problem]) => (
                  <li key={path}>
                    <code>{path}</code>: {problem}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {checked ? <Changes title="Would change (nothing written yet)" result={checked.result} /> : null}
        {applied ? <Changes title="Imported" result={applied} /> : null}
      </div>
    </Card>
  );
}

function Changes({ title, result }: { title: string; result: ImportResult }) {
  return (
    <section aria-label={title} data-testid="oncall-import-changes" className="text-sm">
      <h3 className="font-medium">{title}</h3>
      <ul className="mt-1 flex flex-col gap-1">
        {KINDS.map((kind) => (
          <li key={kind}>
            <span className="font-medium capitalize">{kind}</span>: {summary(result[kind])}
          </li>
        ))}
        {result.skipped.map((s) => (
          <li key={`${s.kind}-${s.name}`} className="text-warn">
            Skipped {s.name}: {s.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** {created: ['sre'], unchanged: ['db']} → "created sre; unchanged db". */
function summary(changes: KindChanges): string {
  const parts = VERBS.filter((verb) => changes[verb].length > 0).map(
    (verb) => `${verb} ${changes[verb].join(', ')}`,
  );
  return parts.length > 0 ? parts.join('; ') : 'none in the file';
}
