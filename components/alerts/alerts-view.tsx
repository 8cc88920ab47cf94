'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { existingIncidentHref } from '@/components/incidents/existing-incident';
import { LazySilenceDialog } from '@/components/silences/lazy-silence-dialog';
import { ErrorMessage } from '@/components/ui/error-message';
import { StatusBlock } from '@/components/ui/status-block';
import type { AlertGroupSummary, AlertItem, AlertsResponse } from '@/lib/alerts/api-schema';
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
import { BulkSilenceDialog } from './bulk-silence-dialog';
import { FilterBar } from './filter-bar';
import { Freshness } from './freshness';
import { type Heartbeat, heartbeatExclusion } from './heartbeat';
import { KeyboardHelp } from './keyboard-help';
import { withLabelMatcher } from './label-filter';
import { Pager } from './pager';
import { PipelineHeartbeat } from './pipeline-heartbeat';
import { SelectionBar } from './selection-bar';
import { StateToggles } from './state-toggles';
import { useAlertKeys } from './use-alert-keys';
import { useAlerts } from './use-alerts';
import { moveSelection, useCollapsedGroups } from './use-collapsed-groups';
import { useNewAlerts } from './use-new-alerts';
import { type AlertsApiQuery, apiQuery, readViewState, type ViewState, writeViewState } from './view-state';

type Dialog =
  | { kind: 'ack'; target: AckTarget; bulk?: true }
  | { kind: 'silence'; initial: { matchers: string; cluster?: string } }
  | { kind: 'bulk-silence'; alerts: AlertItem[] }
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
  heartbeats = [],
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
  /** The heartbeat alert of each cluster, shown as pipeline health instead of as a row. */
  heartbeats?: readonly Heartbeat[];
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

  // A shallow URL change (Next keeps useSearchParams in step with the History API): the list is drawn
  // from the alerts API here, so a server render of the page per filter, key press or opened alert
  // would only delay it (at 10,000 alerts the list showed 0.4-1.4 s after Enter) and send its first
  // page again.
  const navigate = useCallback(
    (next: Partial<ViewState>) => {
      const merged = { ...readViewState(new URLSearchParams(window.location.search)), ...next };
      const search = writeViewState(merged).toString();
      window.history.replaceState(null, '', search ? `${pathname}?${search}` : pathname);
    },
    [pathname],
  );

  const hidden = heartbeatExclusion(state.filter, heartbeats);
  const viewQuery = apiQuery(state, hidden);
  const query = useAlerts(state, { initial, initialQuery, paused, hidden });
  // While the pointer is over the list, keep showing what is under it; apply updates when it leaves.
  // Only refreshes are held: a view the user changed (a label chip clicked in the list) shows at once.
  const viewKey = JSON.stringify(viewQuery);
  const [held, setHeld] = useState<{ key: string; data: AlertsResponse | undefined } | undefined>();
  useEffect(() => {
    if (!pointerInside) setHeld(undefined);
    else if (!query.isPlaceholderData)
      setHeld((h) => (h?.key === viewKey ? h : { key: viewKey, data: query.data }));
  }, [pointerInside, query.data, query.isPlaceholderData, viewKey]);
  const heldData = held?.key === viewKey ? held.data : undefined;
  const data = heldData ?? query.data;
  const pending = Boolean(heldData && query.data && heldData !== query.data);

  const isNew = useNewAlerts(data, writeViewState({ ...state, alert: null }).toString());
  const [nowMs, setNowMs] = useState(renderedAtMs);
  useEffect(() => {
    setNowMs(Date.now());
    const timer = setInterval(() => setNowMs(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const alerts = data?.alerts ?? [];
  // The tab says how many of the view's alerts fire (its filter's, the heartbeat left out), so a glance
  // at the browser's tabs is enough. Set again after each answer: a navigation within the view puts
  // back the page's own title (Next's metadata).
  const firing = data?.counts.byState.active;
  useEffect(() => {
    if (data) document.title = firing ? `(${firing}) Alerts · Vigil` : 'Alerts · Vigil';
  }, [data, firing]);
  const [collapsed, toggleGroup] = useCollapsedGroups();
  // The ticked alerts, kept across refreshes and pages until acted on or cleared.
  const [checked, setChecked] = useState<ReadonlyMap<string, AlertItem>>(new Map());
  const [bulkResult, setBulkResult] = useState<string | null>(null);
  const check = useCallback((alert: AlertItem, on: boolean) => {
    setChecked((current) => {
      const next = new Map(current);
      if (on) next.set(alert.fingerprint, alert);
      else next.delete(alert.fingerprint);
      return next;
    });
  }, []);
  const bulkDone = (summary: string) => {
    setBulkResult(summary);
    setChecked(new Map());
    setDialog(null);
  };
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
        body: { alerts: await groupAlerts(group, viewQuery, { unacknowledgedOnly: false }) },
      });
      router.push(`/incidents/${incident.ref}`);
    } catch (e) {
      // An alert of the group is already in an incident: go there rather than refuse.
      const existing = existingIncidentHref(e);
      if (existing) router.push(existing);
      else setActionError(errorText(e));
    }
  }

  // The rows on screen: the alerts of folded groups are skipped by j/k.
  const visibleRows = alerts.flatMap((a, i) => (state.groupBy && collapsed.has(a.groupKey) ? [] : [i]));
  const current = () => alerts.find((a) => a.fingerprint === state.alert) ?? alerts[selected];
  useAlertKeys({
    enabled: !editing && dialog === null,
    onMove: (delta) => setSelected((s) => moveSelection(visibleRows, s, delta)),
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
          <span className="flex flex-wrap items-center gap-3">
            <PipelineHeartbeat heartbeats={heartbeats} />
            <Freshness data={data} nowMs={nowMs} pending={pending} paused={paused} />
          </span>
        </div>
        <ErrorMessage error={actionError} boxed />
        {bulkResult ? (
          <p
            role="status"
            className="flex items-center justify-between gap-2 rounded-md border border-accent/40 bg-accent/10 px-3 py-1.5 text-sm"
            data-testid="bulk-result"
          >
            {bulkResult}
            <button
              type="button"
              className="px-2 text-muted hover:text-fg max-sm:min-h-11"
              aria-label="Dismiss"
              onClick={() => setBulkResult(null)}
            >
              ✕
            </button>
          </p>
        ) : null}
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
                onOpen={(alert) => navigate({ alert })}
                onSelect={setSelected}
                onPointerInside={setPointerInside}
                collapsed={collapsed}
                onToggleGroup={toggleGroup}
                onLabel={(name, value, exclude) =>
                  navigate({ filter: withLabelMatcher(state.filter, name, value, exclude), offset: 0 })
                }
                selection={canAct ? { checked: new Set(checked.keys()), onCheck: check } : undefined}
                actions={
                  canAct
                    ? {
                        onAck: (alert) => setDialog({ kind: 'ack', target: alertAckTarget(alert) }),
                        onAckGroup: (group) =>
                          setDialog({ kind: 'ack', target: groupAckTarget(group, viewQuery) }),
                        onSilenceGroup: (group) =>
                          setDialog({ kind: 'silence', initial: groupSilenceInitial(group) }),
                        onOpenIncident: (group) => void openGroupIncident(group),
                      }
                    : undefined
                }
              />
              {checked.size > 0 ? (
                <SelectionBar
                  count={checked.size}
                  onAcknowledge={() =>
                    setDialog({
                      kind: 'ack',
                      target: {
                        title: `${checked.size} selected alert${checked.size === 1 ? '' : 's'}`,
                        count: checked.size,
                        alerts: async () =>
                          [...checked.values()].map((a) => ({
                            fingerprint: a.fingerprint,
                            cluster: a.cluster,
                          })),
                      },
                      bulk: true,
                    })
                  }
                  onSilence={() => setDialog({ kind: 'bulk-silence', alerts: [...checked.values()] })}
                  onClear={() => setChecked(new Map())}
                />
              ) : null}
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
      {dialog?.kind === 'ack' ? (
        <AckDialog
          target={dialog.target}
          onClose={() => setDialog(null)}
          onAcknowledged={dialog.bulk ? bulkDone : undefined}
        />
      ) : null}
      {dialog?.kind === 'bulk-silence' ? (
        <BulkSilenceDialog alerts={dialog.alerts} onClose={() => setDialog(null)} onDone={bulkDone} />
      ) : null}
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
