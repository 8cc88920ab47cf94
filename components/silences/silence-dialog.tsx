'use client';

import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type JSX, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useLocalZone, useTimeZone } from '@/components/format/use-time-zone';
import { Button } from '@/components/ui/button';
import { Dialog, DialogTitle } from '@/components/ui/dialog';
import { ErrorMessage } from '@/components/ui/error-message';
import { Field, Input } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import { ApiError, callApi } from '@/lib/api/client';
import { invalidateAfter } from '@/lib/api/query';
import { createSilenceOp, updateSilenceOp } from '@/lib/incidents/silence-api';
import type { SilenceRow } from '@/lib/incidents/silence-list';
import type { SilenceSaved } from '@/lib/incidents/silence-schemas';
import { ClusterField } from './cluster-field';
import { MatcherEditor } from './matcher-editor';
import {
  checkEditor,
  editorFromText,
  editorIsEmpty,
  type MatcherEditorState,
  rowError,
  rowsFromMatchers,
} from './matcher-rows';
import { PreviewPanel } from './preview-panel';
import { savedSilenceText } from './saved-text';
import { silenceErrorText } from './silence-error';
import {
  endTimeProblem,
  type FieldErrors,
  resolveTimes,
  type SilenceDraft,
  silenceRequest,
  timeFields,
  UNCHANGED,
} from './silence-form';
import { toLocalInput } from './silence-time';
import { SilenceTimeFields } from './silence-time-fields';
import { useDebounced } from './use-debounced';
import { useSilencePreview } from './use-silence-preview';

/** The API's field names this form shows next to a control; any other is shown above the buttons. */
const TIME_FIELDS = ['duration', 'endsAt', 'startsAt'];
const FORM_FIELDS = new Set(['matchers', ...TIME_FIELDS, 'comment', 'incidentId', 'cluster']);
const TEXTAREA =
  'w-full rounded-md border border-border bg-surface px-2.5 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-accent aria-invalid:border-danger';

type TimeState = Pick<SilenceDraft, 'choice' | 'customDuration' | 'endsAtLocal' | 'zone'>;

/**
 * Create a silence (optionally prefilled from an alert or a group), edit one, or re-create an expired
 * one (passed as `initial`). Opens itself as a modal; Escape or Cancel closes it. The matchers are
 * checked as they are typed, with the server's own parser, and previewed against the alerts firing now.
 * After a save the cached silences and alerts are refreshed, `onSaved` is called and the dialog closes —
 * except when an edit made Alertmanager replace the silence, which the dialog says before closing.
 */
export function SilenceDialog({
  initial,
  editing,
  onClose,
  onSaved,
}: {
  /** Prefill for a new silence (from an alert or a group): amtool matcher text, e.g. 'alertname="X", instance="db-1"'. */
  initial?: { matchers: string; comment?: string; cluster?: string };
  /** Edit this silence (PUT /api/v1/silences/{id}) instead of creating one; "re-create" of an expired one passes it as `initial` instead. */
  editing?: SilenceRow;
  onClose: () => void;
  onSaved?: (saved: SilenceSaved) => void;
}): JSX.Element {
  // React's ids contain characters a CSS selector cannot hold; these ids are also used in querySelector.
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const ref = useRef<HTMLDialogElement>(null);
  const queryClient = useQueryClient();
  const confirm = useToast();
  // The end time is typed and described in the zone the silences list writes (the console's: the
  // reader's own, or UTC by the switch in the user menu), with the other one a click away.
  const shownZone = useTimeZone();
  const localZone = useLocalZone()?.zone ?? 'UTC';
  const [editor, setEditor] = useState<MatcherEditorState>(() =>
    editing
      ? { mode: 'rows', rows: rowsFromMatchers(editing.matchers) }
      : editorFromText(initial?.matchers ?? ''),
  );
  const [time, setTime] = useState<TimeState>(() => ({
    choice: editing ? UNCHANGED : '1h',
    customDuration: '',
    zone: shownZone,
    endsAtLocal: toLocalInput(
      editing
        ? new Date(editing.endsAt)
        : new Date(Math.ceil((Date.now() + 4 * 3_600_000) / 300_000) * 300_000),
      shownZone,
    ),
  }));
  const [comment, setComment] = useState(editing?.comment ?? initial?.comment ?? '');
  const [incidentId, setIncidentId] = useState(editing?.record?.incident?.id ?? '');
  const [cluster, setCluster] = useState(editing?.cluster ?? initial?.cluster ?? '');
  const [askCluster, setAskCluster] = useState(!editing && Boolean(initial?.cluster));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [replaced, setReplaced] = useState<SilenceSaved | null>(null);

  // Errors and the preview follow the matchers once typing pauses, so a half-typed regex is not an error.
  const settled = useDebounced(editor, 300);
  const typing = settled !== editor;
  const settledCheck = useMemo(() => checkEditor(settled), [settled]);
  const previewCluster = useDebounced((editing?.cluster ?? cluster.trim()) || undefined, 300);
  const preview = useSilencePreview(settledCheck.ok ? settledCheck.text : null, previewCluster);
  const previewError = preview.error;
  useEffect(() => {
    if (previewError?.fields.cluster) setAskCluster(true);
  }, [previewError]);

  const rowsShowErrors = !typing && editor.mode === 'rows' && editor.rows.some((r) => rowError(r));
  const liveMatchersError =
    !typing && !settledCheck.ok && !editorIsEmpty(settled) ? settledCheck.error : undefined;
  const matchersError = rowsShowErrors ? undefined : (errors.matchers ?? liveMatchersError);

  const fields = timeFields(time);
  const resolved = 'error' in fields ? undefined : resolveTimes(fields, new Date(), editing);
  const end = resolved && !('error' in resolved) ? resolved.endsAt : undefined;
  // A typed end time that has passed is said at once, not only after Save (which refuses it the same way).
  const timeError =
    errors.duration ?? errors.endsAt ?? errors.startsAt ?? endTimeProblem(time, new Date(), editing);

  const clear = (...names: string[]) =>
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([k]) => !names.includes(k))));
  const close = () => ref.current?.close();
  // After a refused save, take the keyboard to the first field that needs fixing.
  const focusFirstInvalid = () =>
    requestAnimationFrame(() => ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    const draft: SilenceDraft = { matchers: checkEditor(editor), ...time, comment, incidentId, cluster };
    const request = silenceRequest(draft, { now: new Date(), editing });
    if ('errors' in request) {
      const { form, ...rest } = request.errors;
      setErrors(rest);
      setFormError(form ?? null);
      focusFirstInvalid();
      return;
    }
    setSaving(true);
    setErrors({});
    setFormError(null);
    try {
      const saved =
        'update' in request
          ? await callApi(updateSilenceOp, { params: { id: request.id }, body: request.update })
          : await callApi(createSilenceOp, { body: request.create });
      onSaved?.(saved);
      if (end) confirm(savedSilenceText(end, new Date(), { editing: Boolean(editing), timeZone: shownZone }));
      // onSaved shows the write at once where it can; the refetch (creating and editing change the same
      // cached families) confirms it in the background.
      void invalidateAfter(queryClient, createSilenceOp);
      if (saved.previousId) setReplaced(saved);
      else close();
    } catch (error) {
      if (!(error instanceof ApiError)) setFormError(silenceErrorText(error));
      else {
        const shown = Object.fromEntries(Object.entries(error.fields).filter(([f]) => FORM_FIELDS.has(f)));
        setErrors(shown);
        if (shown.cluster) setAskCluster(true);
        const allShown =
          Object.keys(shown).length > 0 && Object.keys(shown).length === Object.keys(error.fields).length;
        setFormError(allShown ? null : silenceErrorText(error));
        focusFirstInvalid();
      }
    } finally {
      setSaving(false);
    }
  }

  const title = editing ? 'Edit silence' : 'New silence';
  return (
    <Dialog
      ref={ref}
      onClose={onClose}
      // With matchers given (from an alert, an edit) what is left to say is why.
      initialFocus={editing || initial?.matchers ? `#${id}-comment` : 'input, textarea'}
      className="max-h-[92vh] w-[min(60rem,95vw)] overflow-auto max-sm:h-dvh max-sm:max-h-none max-sm:w-screen max-sm:max-w-none max-sm:rounded-none max-sm:border-0"
    >
      {replaced ? (
        <div className="flex flex-col gap-3">
          <DialogTitle>Silence saved</DialogTitle>
          <p role="status" className="text-sm">
            Alertmanager issued a new id (matchers changed): <code>{replaced.silenceId}</code> replaces{' '}
            <code>{replaced.previousId}</code>, which it expired.
          </p>
          <Button className="self-end" onClick={close}>
            Close
          </Button>
        </div>
      ) : (
        <form onSubmit={submit} noValidate className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <div className="flex min-w-0 flex-col gap-4">
            <div>
              <DialogTitle>{title}</DialogTitle>
              {editing ? (
                <p className="text-xs text-muted">
                  In cluster {editing.cluster}, made by {editing.createdBy}. Changing the matchers makes
                  Alertmanager replace it with a new silence.
                </p>
              ) : null}
            </div>
            <MatcherEditor
              id={`${id}-matchers`}
              state={editor}
              error={matchersError}
              showRowErrors={!typing}
              onChange={(next) => {
                setEditor(next);
                clear('matchers');
              }}
            />
            <SilenceTimeFields
              id={`${id}-time`}
              editing={Boolean(editing)}
              {...time}
              localZone={localZone}
              end={end}
              nowMs={Date.now()}
              error={timeError}
              onChange={(patch) => {
                setTime((t) => ({ ...t, ...patch }));
                clear(...TIME_FIELDS);
              }}
            />
            <Field id={`${id}-comment`} label="Comment" error={errors.comment}>
              {(control) => (
                <textarea
                  {...control}
                  rows={2}
                  maxLength={2000}
                  value={comment}
                  aria-required
                  placeholder="Why: deploy of api 2.3, tracked in INC-12"
                  className={TEXTAREA}
                  onChange={(e) => {
                    setComment(e.target.value);
                    clear('comment');
                  }}
                />
              )}
            </Field>
            <div className="grid gap-3 sm:grid-cols-2">
              <Field id={`${id}-incident`} label="Incident id (optional)" error={errors.incidentId}>
                {(control) => (
                  <Input
                    {...control}
                    value={incidentId}
                    autoComplete="off"
                    onChange={(e) => {
                      setIncidentId(e.target.value);
                      clear('incidentId');
                    }}
                  />
                )}
              </Field>
              {askCluster && !editing ? (
                <ClusterField
                  id={`${id}-cluster`}
                  value={cluster}
                  error={errors.cluster}
                  onChange={(next) => {
                    setCluster(next);
                    clear('cluster');
                  }}
                />
              ) : null}
            </div>
            <ErrorMessage error={formError} boxed />
            {/* On a phone the dialog fills the screen and its buttons stay at the bottom, full width. */}
            <div className="sticky bottom-0 -mx-4 flex flex-col-reverse gap-2 border-t border-border bg-surface p-4 sm:static sm:m-0 sm:flex-row sm:justify-end sm:border-0 sm:p-0">
              <Button variant="secondary" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" disabled={saving}>
                {saving ? 'Saving…' : editing ? 'Save changes' : 'Create silence'}
              </Button>
            </div>
          </div>
          <PreviewPanel
            preview={preview.data}
            idle={
              settledCheck.ok
                ? undefined
                : editorIsEmpty(settled)
                  ? 'Add a matcher to see the alerts it would silence.'
                  : 'Fix the matchers to see the alerts they would silence.'
            }
            updating={typing || preview.isPlaceholderData}
            error={preview.error ? silenceErrorText(preview.error) : undefined}
          />
        </form>
      )}
    </Dialog>
  );
}
