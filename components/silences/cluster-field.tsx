'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Field, Input } from '@/components/ui/field';
import type { Answer } from '@/lib/api/operation';
import { queryKeys } from '@/lib/api/query';
import { listSilencesOp } from '@/lib/incidents/silence-api';

/**
 * Which Alertmanager cluster a new silence goes to. Shown only when it matters: a prefill named one,
 * or the server answered that several are configured. The names offered are those of the silences
 * lists already loaded, so no extra request is made.
 */
export function ClusterField({
  id,
  value,
  error,
  onChange,
}: {
  id: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  const queryClient = useQueryClient();
  const known = useMemo(
    () => [
      ...new Set(
        queryClient
          .getQueriesData<Answer<typeof listSilencesOp>>({ queryKey: queryKeys.operation(listSilencesOp) })
          .flatMap(([, data]) => data?.clusters.map((c) => c.name) ?? []),
      ),
    ],
    [queryClient],
  );
  return (
    <Field id={id} label="Alertmanager cluster" error={error}>
      {(control) => (
        <>
          <Input
            {...control}
            value={value}
            list={`${id}-names`}
            autoComplete="off"
            onChange={(e) => onChange(e.target.value)}
          />
          <datalist id={`${id}-names`}>
            {known.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}
