'use client';

import { useState } from 'react';
import { LocalTime } from '@/components/format/local-time';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FormDialog } from '@/components/ui/dialog';
import { ErrorMessage } from '@/components/ui/error-message';
import { Field, Input, Select } from '@/components/ui/field';
import { ApiError } from '@/lib/api/client';
import { useApiMutation, useApiQuery } from '@/lib/api/query';
import {
  createMyContactOp,
  deleteMyContactOp,
  listMyContactsOp,
  listUserContactsOp,
  testMyContactOp,
} from '@/lib/contacts/api';
import { CONTACT_KINDS, type ContactKind, type ContactRow } from '@/lib/contacts/contact-schemas';
import { createBody, KIND_FIELDS, KIND_NAMES } from './contact-fields';

/**
 * "Contact methods" on a profile: one's own (add, send me a test, delete) or, for an admin, someone
 * else's read-only. Secrets are typed once into the add dialog and never come back: the list shows
 * the server's display string only.
 */

/**
 * Without a verified method, pages go to the account's e-mail (lib/escalation/page-targets.ts), which
 * reaches someone only when the server sends e-mail: `fallback` says which of the two it is.
 */
type Fallback = { email: string; mailConfigured: boolean };

export function MyContactMethods({ fallback }: { fallback: Fallback }) {
  const list = useApiQuery(listMyContactsOp, {});
  const [adding, setAdding] = useState(false);
  return (
    <div className="flex flex-col gap-3 text-sm">
      <p className="text-muted">Where Vigil pages you. Send yourself a test after adding one.</p>
      <MethodList methods={list.data?.methods} loading={list.isPending} own fallback={fallback} />
      <ErrorMessage error={list.error} />
      <Button variant="secondary" className="self-start" onClick={() => setAdding(true)}>
        Add a contact method
      </Button>
      {adding ? <AddDialog onClose={() => setAdding(false)} /> : null}
    </div>
  );
}

export function ContactMethodsOf({ userId, fallback }: { userId: string; fallback: Fallback }) {
  const list = useApiQuery(listUserContactsOp, { params: { id: userId } });
  return (
    <div className="flex flex-col gap-3 text-sm">
      <MethodList methods={list.data?.methods} loading={list.isPending} own={false} fallback={fallback} />
      <ErrorMessage error={list.error} />
    </div>
  );
}

function MethodList({
  methods,
  loading,
  own,
  fallback,
}: {
  methods?: ContactRow[];
  loading: boolean;
  own: boolean;
  fallback: Fallback;
}) {
  if (loading) return <p className="text-muted">Loading…</p>;
  const verified = (methods ?? []).some((m) => m.verifiedAt);
  return (
    <>
      {methods && methods.length > 0 ? (
        <ul className="flex flex-col divide-y divide-border" data-testid="contact-methods">
          {methods.map((m) => (
            <MethodItem key={m.id} method={m} own={own} />
          ))}
        </ul>
      ) : null}
      {verified ? null : (
        <p className="text-muted" data-testid="contact-fallback">
          {fallbackText(methods?.length ?? 0, own, fallback)}
        </p>
      )}
    </>
  );
}

/** What happens to a page while no method is verified (rules naming a method aside). */
function fallbackText(count: number, own: boolean, { email, mailConfigured }: Fallback): string {
  const none = count === 0 ? 'None yet' : 'None verified yet';
  const whose = own ? 'your' : 'their';
  return mailConfigured
    ? `${none}: pages go to ${whose} account e-mail, ${email}.`
    : `${none}, and this server sends no e-mail (no smtp in VIGIL_CONFIG): Vigil cannot page ${own ? 'you' : 'them'}.`;
}

function MethodItem({ method: m, own }: { method: ContactRow; own: boolean }) {
  const test = useApiMutation(testMyContactOp);
  const remove = useApiMutation(deleteMyContactOp);
  const [confirming, setConfirming] = useState(false);
  return (
    <li className="flex flex-col gap-1 py-2" data-testid="contact-method">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{m.label}</span>
        <span className="text-muted">{KIND_NAMES[m.kind]}</span>
        {m.verifiedAt ? <Badge tone="ok">verified</Badge> : <Badge tone="warn">not verified</Badge>}
      </div>
      <span className="break-all text-muted">{m.display}</span>
      {m.lastError ? (
        <p className="text-danger">
          Last test failed
          {m.lastTestAt ? (
            <>
              {' '}
              (<LocalTime at={m.lastTestAt} />)
            </>
          ) : null}
          : {m.lastError}
        </p>
      ) : null}
      {own ? (
        <div className="flex flex-wrap gap-2">
          <Button
            variant="secondary"
            aria-label={`Send me a test on ${m.label}`}
            disabled={test.isPending}
            onClick={() => test.mutate({ params: { id: m.id } })}
          >
            {test.isPending ? 'Sending…' : 'Send me a test'}
          </Button>
          {confirming ? (
            <Button
              variant="danger"
              aria-label={`Really delete ${m.label}`}
              onClick={() => remove.mutate({ params: { id: m.id } })}
            >
              Really delete
            </Button>
          ) : (
            <Button variant="secondary" aria-label={`Delete ${m.label}`} onClick={() => setConfirming(true)}>
              Delete
            </Button>
          )}
        </div>
      ) : null}
      {test.data ? (
        <p
          role="status"
          className={test.data.ok ? 'text-ok' : 'text-danger'}
          data-testid="contact-test-result"
        >
          {test.data.message}
        </p>
      ) : null}
      <ErrorMessage error={test.error ?? remove.error} />
    </li>
  );
}

function AddDialog({ onClose }: { onClose: () => void }) {
  const [kind, setKind] = useState<ContactKind>('email');
  const [label, setLabel] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const create = useApiMutation(createMyContactOp, { onSuccess: onClose });
  const fields = create.error instanceof ApiError ? create.error.fields : {};
  return (
    <FormDialog
      title="Add a contact method"
      onClose={onClose}
      onSubmit={() => create.mutate({ body: createBody(kind, label, values) })}
      submit={create.isPending ? 'Adding…' : 'Add'}
      disabled={create.isPending}
    >
      <Field id="contact-kind" label="Kind">
        {(control) => (
          <Select {...control} value={kind} onChange={(e) => setKind(e.target.value as ContactKind)}>
            {CONTACT_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_NAMES[k]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id="contact-label" label="Label (optional)" error={fields.label}>
        {(control) => (
          <Input
            {...control}
            value={label}
            placeholder={KIND_NAMES[kind]}
            onChange={(e) => setLabel(e.target.value)}
          />
        )}
      </Field>
      {kind === 'slack' ? (
        <p className="text-sm text-muted">
          An incoming webhook URL, or a Slack app’s bot token and your member ID.
        </p>
      ) : null}
      {KIND_FIELDS[kind].map((f) => (
        <Field key={`${kind}-${f.name}`} id={`contact-${f.name}`} label={f.label} error={fields[f.name]}>
          {(control) => (
            <Input
              {...control}
              type={f.type}
              autoComplete="off"
              placeholder={f.placeholder}
              value={values[f.name] ?? ''}
              onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
            />
          )}
        </Field>
      ))}
      {Object.keys(fields).length === 0 ? <ErrorMessage error={create.error} /> : null}
    </FormDialog>
  );
}
