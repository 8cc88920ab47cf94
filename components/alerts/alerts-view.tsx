'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { LazySilenceDialog } from '@/components/silences/lazy-silence-dialog';
import { ErrorMessage } from '@/components/ui/error-message';
import { StatusBlock } from '@/components/ui/status-block';
import type { AlertGroupSummary, AlertsResponse } from '@/lib/alerts/api-schema';
import { callApi, errorText } from '@/lib/api/client';
import { openIncidentOp } from '@/lib/incidents/api';
import { AckDialog, type AckTarget } from './ack-dialog';
import {
  alertAckTarget,
  alertSilenceInitial,
  groupAckTarget,
  groupAlerts,
  groupSilenceInitial,
} from './ack-targets';
import { AlertList } from './alert-list';
import { AlertPanel } from './alert-panel';
import { FilterBar } from './filter-bar';
import { Freshness } from './freshness';
import { KeyboardHelp } from './keyboard-help';
import { Pager } from './pager';
import { StateToggles } from './state-toggles';
import { useAlertKeys } from './use-alert-keys';
import { useAlerts } from './use-alerts';
import { useNewAlerts } from './use-new-alerts';
import { type AlertsApiQuery, apiQuery, readViewState, type ViewState, writeViewState } from './view-state';

type Dialog =
  | { kind: 'ack'; target: AckTarget }
  | { kind: 'silence'; initial: { matchers: string; cluster?: string } }
  | null;

/**
 * The alerts view: everything lives in the URL; the list refreshes itself every 10 s without
 * disturbing the user (no refresh while a dialog or the filter is being edited; the list holds still
 * while the pointer is over it).
 */
export function AlertsView({
  initial,
  initialQuery,
  renderedAtMs,
  canAct,
}: {
  initial?: AlertsResponse;
  initialQuery?: AlertsApiQuery;
  /**
   * The server's clock when it rendered the page: the first client render must show the same "for 12m"
   * and "updated 0 s ago" as the server's HTML, or React throws away the page (hydration error #418);
   * the viewer's own clock takes over right after.
   */
  renderedAtMs: number;
  /** Responder or above: may acknowledge and silence. */
  canAct: boolean;
}) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const state = readViewState(new URLSearchParams(params));
  const [helpOpen, setHelpOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const [pointerInside, setPointerInside] = useState(false);
  const [selected, setSelected] = useState(0);
  const [dialog, setDialog] = useState<Dialog>(null);
  const paused = helpOpen || editing || dialog !== null;
  const filterRef = useRef<HTMLInputElement>(null);

  const navigate = useCallback(
    (next: Partial<ViewState>) => {
      const merged = { ...readViewState(new URLSearchParams(window.location.search)), ...next };
      const search = writeViewState(merged).toString();
      router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
    },
    [pathname, router],
  );

  const query = useAlerts(state, { initial, initialQuery, paused });
  // While the pointer is over the list, keep showing what is under it; apply updates when it leaves.
  const [held, setHeld] = useState<AlertsResponse | undefined>();
  useEffect(() => {
    if (!pointerInside) setHeld(undefined);
    else setHeld((h) => h ?? query.data);
  }, [pointerInside, query.data]);
  const data = held ?? query.data;
  const pending = Boolean(held && query.data && held !== query.data);

  const isNew = useNewAlerts(data, writeViewState({ ...state, alert: null }).toString());
  const [nowMs, setNowMs] = useState(renderedAtMs);
  useEffect(() => {
    setNowMs(Date.now());
    const timer = setInterval(() => setNowMs(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const alerts = data?.alerts ?? [];
  useEffect(() => setSelected((s) => Math.min(s, Math.max(0, alerts.length - 1))), [alerts.length]);
  const hrefFor = useMemo(
    () => (fingerprint: string) => `${pathname}?${writeViewState({ ...state, alert: fingerprint })}`,
    [pathname, state],
  );

  const [actionError, setActionError] = useState<string | null>(null);
  /** One incident for every alert of the group, acknowledged or not; then to its page. */
  async function openGroupIncident(group: AlertGroupSummary) {
    setActionError(null);
    try {
      const incident = await callApi(openIncidentOp, {
        body: { alerts: await groupAlerts(group, apiQuery(state), { unacknowledgedOnly: false }) },
      });
      router.push(`/incidents/${incident.ref}`);
    } catch (e) {
      setActionError(errorText(e));
    }
  }

  const current = () => alerts.find((a) => a.fingerprint === state.alert) ?? alerts[selected];
  useAlertKeys({
    enabled: !editing && dialog === null,
    onMove: (delta) => setSelected((s) => Math.max(0, Math.min(alerts.length - 1, s + delta))),
    onOpen: () => {
      const alert = alerts[selected];
      if (alert) navigate({ alert: alert.fingerprint });
    },
    onFocusFilter: () => filterRef.current?.focus(),
    onHelp: () => setHelpOpen((o) => !o),
    onAcknowledge: () => {
      const alert = current();
      if (canAct && alert && !alert.ack) setDialog({ kind: 'ack', target: alertAckTarget(alert) });
    },
    onSilence: () => {
      const alert = current();
      if (canAct && alert) setDialog({ kind: 'silence', initial: alertSilenceInitial(alert) });
    },
    onEscape: () => (helpOpen ? setHelpOpen(false) : state.alert ? navigate({ alert: null }) : undefined),
  });
  useEffect(() => {
    if (selected < 0) return;
    document
      .querySelector('[data-testid="alert-row"][data-selected="true"]')
      ?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const filterError = query.error?.fields.filter;
  return (
    <div className={`grid gap-4 ${state.alert ? 'lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]' : ''}`}>
      <div className="flex min-w-0 flex-col gap-3">
        <div className="flex flex-wrap items-start gap-2">
          <FilterBar
            ref={filterRef}
            value={state.filter}
            error={filterError}
            onApply={(filter) => navigate({ filter, offset: 0 })}
            onEditingChange={setEditing}
          />
          <label className="flex items-center gap-1 text-sm">
            <span className="text-muted">Group by</span>
            <input
              aria-label="Group by label"
              list="group-by-choices"
              defaultValue={state.groupBy}
              key={state.groupBy}
              className="w-32 rounded-md border border-border bg-surface px-2 py-1.5 font-mono text-sm"
              onKeyDown={(e) => {
                if (e.key === 'Enter') navigate({ groupBy: e.currentTarget.value.trim(), offset: 0 });
              }}
              onBlur={(e) => {
                if (e.currentTarget.value.trim() !== state.groupBy)
                  navigate({ groupBy: e.currentTarget.value.trim(), offset: 0 });
              }}
            />
            <datalist id="group-by-choices">
              <option value="alertname" />
              <option value="@route">Alertmanager route groups</option>
              <option value="severity" />
              <option value="instance" />
              <option value="job" />
              <option value="">no grouping</option>
            </datalist>
          </label>
        </div>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <StateToggles
            states={state.states}
            counts={data?.counts.byState}
            onChange={(states) => navigate({ states, offset: 0 })}
          />
          <Freshness data={data} nowMs={nowMs} pending={pending} paused={paused} />
        </div>
        <ErrorMessage error={actionError} boxed />
        <StatusBlock
          data={data}
          error={query.error}
          errorPlacement="above"
          errorShownElsewhere={Boolean(filterError)}
          loading="Loading alerts…"
        >
          {(shown) => (
            <>
              <SeverityCounts data={shown} />
              <AlertList
                alerts={alerts}
                groups={shown.groups}
                groupBy={state.groupBy}
                selected={selected}
                isNew={isNew}
                nowMs={nowMs}
                hrefFor={hrefFor}
                onSelect={setSelected}
                onPointerInside={setPointerInside}
                actions={
                  canAct
                    ? {
                        onAck: (alert) => setDialog({ kind: 'ack', target: alertAckTarget(alert) }),
                        onAckGroup: (group) =>
                          setDialog({ kind: 'ack', target: groupAckTarget(group, apiQuery(state)) }),
                        onSilenceGroup: (group) =>
                          setDialog({ kind: 'silence', initial: groupSilenceInitial(group) }),
                        onOpenIncident: (group) => void openGroupIncident(group),
                      }
                    : undefined
                }
              />
              <Pager
                offset={state.offset}
                limit={shown.page.limit}
                matching={shown.counts.matching}
                onOffset={(offset) => navigate({ offset })}
              />
            </>
          )}
        </StatusBlock>
      </div>
      {state.alert ? (
        <AlertPanel fingerprint={state.alert} canAct={canAct} onClose={() => navigate({ alert: null })} />
      ) : null}
      {helpOpen ? <KeyboardHelp canAct={canAct} onClose={() => setHelpOpen(false)} /> : null}
      {dialog?.kind === 'ack' ? <AckDialog target={dialog.target} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'silence' ? (
        <LazySilenceDialog initial={dialog.initial} onClose={() => setDialog(null)} />
      ) : null}
    </div>
  );
}

function SeverityCounts({ data }: { data: AlertsResponse }) {
  return (
    <p className="flex flex-wrap gap-3 text-sm" data-testid="severity-counts">
      <span>
        <strong data-testid="matching-count">{data.counts.matching}</strong>
        <span className="text-muted"> of {data.counts.total} alerts</span>
      </span>
      {Object.entries(data.counts.bySeverity)
        .filter(([, n]) => n > 0)
        .map(([severity, n]) => (
          <span key={severity}>
            {n} <span className="text-muted">{severity}</span>
          </span>
        ))}
    </p>
  );
}
