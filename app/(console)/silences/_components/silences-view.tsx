'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { SilenceDialog } from '@/components/silences/silence-dialog';
import { silenceErrorText } from '@/components/silences/silence-error';
import {
  readSilencesView,
  type SilencesApiQuery,
  type SilencesViewState,
  silencesApiQuery,
  writeSilencesView,
} from '@/components/silences/view-state';
import { Button } from '@/components/ui/button';
import { StatusBlock } from '@/components/ui/status-block';
import type { SilenceRow } from '@/lib/incidents/silence-list';
import type { SilencesAnswer } from '@/lib/incidents/silence-schemas';
import { SilenceAttentionLine } from './silence-attention';
import { SilenceFilters } from './silence-filters';
import { SilenceTable } from './silence-table';
import { SilenceTabs } from './silence-tabs';
import { SilencesStatus } from './silences-status';
import { useSilences } from './use-silences';

type DialogState =
  | { kind: 'new' }
  | { kind: 'edit'; row: SilenceRow }
  | { kind: 'recreate'; row: SilenceRow };

/**
 * The silences page: tabs, filter and creator in the URL (a view can be shared), the list refreshed
 * every 10 s except while a dialog is open, and — for responders and admins — the actions.
 */
export function SilencesView({
  initial,
  initialQuery,
  canAct,
}: {
  initial?: SilencesAnswer;
  initialQuery: SilencesApiQuery;
  canAct: boolean;
}) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const view = readSilencesView(new URLSearchParams(params));
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const query = useSilences(silencesApiQuery(view), { initial, initialQuery, paused: dialog !== null });
  const [nowMs, setNowMs] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNowMs(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const navigate = useCallback(
    (next: Partial<SilencesViewState>) => {
      const merged = { ...readSilencesView(new URLSearchParams(window.location.search)), ...next };
      const search = writeSilencesView(merged).toString();
      router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
    },
    [pathname, router],
  );

  const data = query.data;
  const error = query.error;
  const filterError = error?.fields.filter;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <SilenceFilters
          filter={view.filter}
          creator={view.creator}
          filterError={filterError}
          onApply={(next) => navigate({ ...next, id: null })}
        />
        {canAct ? <Button onClick={() => setDialog({ kind: 'new' })}>New silence</Button> : null}
      </div>
      <div className="flex flex-wrap items-end justify-between gap-2">
        <SilenceTabs view={view} counts={data?.counts} />
        <SilencesStatus data={data} nowMs={nowMs} paused={dialog !== null} />
      </div>
      <SilenceAttentionLine view={view} counts={data?.attention} />
      <StatusBlock
        data={data}
        error={error && silenceErrorText(error)}
        errorPlacement="above"
        errorShownElsewhere={Boolean(filterError)}
        loading="Loading silences…"
        refreshing={query.isPlaceholderData}
      >
        {(shown) => (
          <SilenceTable
            rows={shown.silences}
            state={view.state}
            filtered={Boolean(view.filter || view.creator)}
            nowMs={nowMs}
            highlightId={view.id}
            canAct={canAct}
            onEdit={(row) => setDialog({ kind: 'edit', row })}
            onRecreate={(row) => setDialog({ kind: 'recreate', row })}
          />
        )}
      </StatusBlock>
      {dialog ? (
        <SilenceDialog
          key={dialog.kind === 'new' ? 'new' : `${dialog.kind}/${dialog.row.id}`}
          editing={dialog.kind === 'edit' ? dialog.row : undefined}
          initial={
            dialog.kind === 'recreate'
              ? {
                  matchers: dialog.row.matchersText,
                  comment: dialog.row.comment,
                  cluster: dialog.row.cluster,
                }
              : undefined
          }
          onClose={() => setDialog(null)}
        />
      ) : null}
    </div>
  );
}
