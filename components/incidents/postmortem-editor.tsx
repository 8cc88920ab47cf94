'use client';

import { useState } from 'react';
import { LocalTime } from '@/components/format/local-time';
import { Badge, type Tone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { useApiMutation } from '@/lib/api/query';
import type { Role } from '@/lib/auth/roles';
import { hasRole } from '@/lib/auth/roles';
import { savePostmortemOp } from '@/lib/postmortems/api';
import type { Postmortem, PostmortemPut, PostmortemStatus, SectionKey } from '@/lib/postmortems/schemas';
import { SECTION_KEYS, SECTION_TITLES } from '@/lib/postmortems/schemas';
import { nextStatuses, STATUS_LABELS } from '@/lib/postmortems/status';
import { type Owner, PostmortemActionItems } from './postmortem-action-items';
import { type Draft, draftFrom, isDirty, saveBody } from './postmortem-draft';
import { saveErrorText } from './postmortem-error';
import { PostmortemSectionField } from './postmortem-section-field';
import { PostmortemTimeline } from './postmortem-timeline';

const STATUS_TONE: Record<PostmortemStatus, Tone> = { draft: 'neutral', in_review: 'warn', published: 'ok' };

/** The verb on a status button: what pressing it does from where the post-mortem is. */
function statusAction(from: PostmortemStatus, to: PostmortemStatus): string {
  if (from === 'published') return to === 'draft' ? 'Reopen as draft' : 'Reopen for review';
  return { draft: 'Back to draft', in_review: 'Move to review', published: 'Publish' }[to];
}

/**
 * The post-mortem editor: sections (Markdown with preview), the curated timeline, action items and the
 * status. Sections and action items are saved together with "Save" (or with a status change); star and
 * hide are saved at once. Viewers, and everyone once it is published, see it read-only.
 */
export function PostmortemEditor({
  initial,
  userRole: role,
  owners,
}: {
  initial: Postmortem;
  /** The signed-in user's role (the API checks it again). */
  userRole: Role;
  owners: readonly Owner[];
}) {
  const [pm, setPm] = useState(initial);
  const [draft, setDraft] = useState<Draft>(() => draftFrom(initial));
  const [notice, setNotice] = useState<string | null>(null);
  const incident = pm.incident.ref;
  const canEdit = hasRole(role, 'responder');
  const readOnly = !canEdit || pm.status === 'published';
  const dirty = isDirty(draft, pm);

  const save = useApiMutation(savePostmortemOp, {
    onSuccess: (saved, { body = {} }) => {
      setPm(saved);
      // Star/hide leave the text being written alone; a save of the text takes the server's copy.
      if (body.sections || body.actionItems || body.status) setDraft(draftFrom(saved));
      setNotice(body.status ? `Status: ${STATUS_LABELS[saved.status]}.` : body.timeline ? null : 'Saved.');
    },
    onError: () => setNotice(null),
  });
  const send = (body: PostmortemPut) => save.mutate({ params: { id: incident }, body });

  const setSection = (key: SectionKey, value: string) =>
    setDraft((d) => ({ ...d, sections: { ...d.sections, [key]: value } }));

  const field = (key: SectionKey) => (
    <PostmortemSectionField
      key={key}
      id={`pm-${key}`}
      title={SECTION_TITLES[key]}
      value={draft.sections[key]}
      readOnly={readOnly}
      onChange={(v) => setSection(key, v)}
    />
  );

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2" data-testid="postmortem-status">
        <Badge tone={STATUS_TONE[pm.status]}>{STATUS_LABELS[pm.status]}</Badge>
        {pm.saved ? null : (
          <span className="text-sm text-muted">Pre-filled from the incident, not saved yet.</span>
        )}
        {pm.author ? <span className="text-sm text-muted">Author: {pm.author}</span> : null}
        <span className="ml-auto flex flex-wrap gap-2">
          {readOnly ? null : (
            <Button
              disabled={save.isPending || (pm.saved && !dirty)}
              onClick={() => send(saveBody(draft, pm))}
            >
              Save
            </Button>
          )}
          {canEdit
            ? nextStatuses(pm.status, role).map((to) => (
                <Button
                  key={to}
                  variant="secondary"
                  disabled={save.isPending}
                  onClick={() => send({ ...(readOnly ? {} : saveBody(draft, pm)), status: to })}
                >
                  {statusAction(pm.status, to)}
                </Button>
              ))
            : null}
        </span>
      </div>
      <p role="status" aria-live="polite" className="min-h-5 text-sm">
        {save.error ? <span className="text-danger">{saveErrorText(save.error)}</span> : notice}
      </p>
      {pm.status === 'published' && canEdit ? (
        <p className="text-sm text-muted">
          Published
          {pm.publishedAt ? (
            <>
              {' '}
              <LocalTime at={pm.publishedAt} precision="day" />
            </>
          ) : null}
          : read-only
          {hasRole(role, 'admin') ? '. Reopen it to change it.' : '; an admin can reopen it.'}
        </p>
      ) : null}

      <Card>
        <div className="flex flex-col gap-4">{SECTION_KEYS.slice(0, 3).map(field)}</div>
      </Card>
      <Card title="Timeline">
        <PostmortemTimeline
          events={pm.timeline}
          readOnly={readOnly}
          busy={save.isPending}
          onCurate={(change) => send({ timeline: [change] })}
        />
      </Card>
      <Card>
        <div className="flex flex-col gap-4">{SECTION_KEYS.slice(3).map(field)}</div>
      </Card>
      <Card title="Action items">
        <PostmortemActionItems
          items={draft.items}
          owners={owners}
          readOnly={readOnly}
          onChange={(items) => setDraft((d) => ({ ...d, items }))}
        />
      </Card>
    </div>
  );
}
