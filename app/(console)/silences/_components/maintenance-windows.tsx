'use client';

import { useState } from 'react';
import { LocalEnd, LocalTime } from '@/components/format/local-time';
import { formOf, repeatText } from '@/components/silences/maintenance-form';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ErrorMessage } from '@/components/ui/error-message';
import { useToast } from '@/components/ui/toast';
import { useApiMutation, useApiQuery } from '@/lib/api/query';
import { deleteMaintenanceWindowOp, listMaintenanceWindowsOp } from '@/lib/maintenance/api';
import type { MaintenanceWindow } from '@/lib/maintenance/schemas';
import { MaintenanceDialog } from './maintenance-dialog';

/**
 * Recurring maintenance windows above the silences: when each runs next, whether its silences are
 * made, and which firing alerts it would suppress now; responders create, edit and delete them.
 */
export function MaintenanceWindows({ canAct }: { canAct: boolean }) {
  const list = useApiQuery(listMaintenanceWindowsOp, {}, { refetchInterval: 30_000 });
  const [editing, setEditing] = useState<MaintenanceWindow | 'new' | null>(null);
  const windows = list.data?.windows ?? [];
  return (
    <section
      aria-labelledby="maintenance-heading"
      className="mb-4 rounded-lg border border-border bg-surface p-3"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="maintenance-heading" className="font-semibold">
          Maintenance windows
        </h2>
        {canAct ? (
          <Button variant="secondary" onClick={() => setEditing('new')}>
            New maintenance window
          </Button>
        ) : null}
      </div>
      <ErrorMessage error={list.error} />
      {list.isSuccess && windows.length === 0 ? (
        <p className="mt-2 text-sm text-muted">
          None. A window silences its alerts at the same local time on every occurrence, e.g. every Sunday
          02:00–04:00.
        </p>
      ) : null}
      <ul className="mt-2 flex flex-col gap-2">
        {windows.map((w) => (
          <WindowItem key={w.id} window={w} canAct={canAct} onEdit={() => setEditing(w)} />
        ))}
      </ul>
      {editing ? (
        <MaintenanceDialog
          initial={editing === 'new' ? undefined : formOf(editing)}
          windowId={editing === 'new' ? undefined : editing.id}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </section>
  );
}

function WindowItem({
  window: w,
  canAct,
  onEdit,
}: {
  window: MaintenanceWindow;
  canAct: boolean;
  onEdit: () => void;
}) {
  const confirm = useToast();
  const remove = useApiMutation(deleteMaintenanceWindowOp, {
    onSuccess: ({ notExpired }) =>
      confirm(
        notExpired.length > 0
          ? `Deleted; expire these silences by hand: ${notExpired.join('; ')}`
          : 'Deleted',
      ),
  });
  const [next] = w.upcoming;
  const failing = w.silences.filter((s) => s.error);
  const made = w.silences.filter((s) => s.silenceId).length;
  return (
    <li
      className="flex flex-col gap-1 rounded-md border border-border p-2 text-sm"
      data-testid="maintenance-window"
    >
      <div className="flex flex-wrap items-center gap-2">
        <strong className="break-words">{w.name}</strong>
        {w.paused ? <Badge tone="warn">paused</Badge> : null}
        <span className="text-muted">
          {repeatText(w.rrule)}, {w.firstStart.slice(11)} {w.timeZone}
        </span>
      </div>
      <code className="break-all text-xs">{w.matchers}</code>
      <p className="text-muted">
        {next ? (
          <>
            Next: <LocalTime at={next.start} /> to <LocalEnd start={next.start} at={next.end} />
            {made > 0 ? ` · silence${made === 1 ? '' : 's'} created` : ''}
          </>
        ) : (
          'No occurrence ahead.'
        )}
      </p>
      {failing.map((s) => (
        <p key={`${s.cluster}${s.start}`} role="alert" className="text-danger">
          The silence for <LocalTime at={s.start} /> in {s.cluster} could not be created: {s.error}
        </p>
      ))}
      <p data-testid="maintenance-reach">
        {w.wouldSuppress.count === 0
          ? 'Would suppress no alert firing now.'
          : `Would suppress ${w.wouldSuppress.count} alert${w.wouldSuppress.count === 1 ? '' : 's'} firing now: ${[
              ...new Set(w.wouldSuppress.alerts.map((a) => a.alertname)),
            ].join(', ')}${w.wouldSuppress.count > w.wouldSuppress.alerts.length ? '…' : ''}`}
      </p>
      {canAct ? (
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={onEdit}>
            Edit
          </Button>
          <Button
            variant="secondary"
            disabled={remove.isPending}
            onClick={() => remove.mutate({ params: { id: w.id } })}
          >
            {remove.isPending ? 'Deleting…' : 'Delete'}
          </Button>
        </div>
      ) : null}
      <ErrorMessage error={remove.error} />
    </li>
  );
}
