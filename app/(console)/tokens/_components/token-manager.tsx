'use client';

import { useActionState, useTransition } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input, Select } from '@/components/ui/field';
import type { TokenRow } from '@/lib/admin/users';
import { type CreateTokenState, createTokenAction, revokeTokenAction } from '../actions';

type Props = { tokens: TokenRow[]; users?: { id: string; email: string }[]; canCreate: boolean };

const day = (d: Date | null) => (d ? new Date(d).toISOString().slice(0, 10) : '—');

export function TokenManager({ tokens, users, canCreate }: Props) {
  const [state, action, pending] = useActionState<CreateTokenState, FormData>(createTokenAction, {});
  const [revoking, startRevoke] = useTransition();
  return (
    <Card title="API tokens">
      {canCreate ? (
        <form action={action} className="mb-4 grid grid-cols-1 items-end gap-3 sm:grid-cols-4">
          <Field id="token-name" label="Name" error={state.fields?.name}>
            <Input
              id="token-name"
              name="name"
              placeholder="ack-bot"
              aria-invalid={Boolean(state.fields?.name)}
            />
          </Field>
          {users ? (
            <Field id="token-user" label="Acts as">
              <Select id="token-user" name="userId" defaultValue="">
                <option value="">me</option>
                {users.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.email}
                  </option>
                ))}
              </Select>
            </Field>
          ) : null}
          <Field id="token-expiry" label="Expires after (days, optional)" error={state.fields?.expiresInDays}>
            <Input id="token-expiry" name="expiresInDays" type="number" min={1} max={3650} />
          </Field>
          <Button type="submit" disabled={pending}>
            Create token
          </Button>
        </form>
      ) : (
        <p className="mb-4 text-sm text-muted">Creating API tokens needs the responder role.</p>
      )}
      {state.error && !state.fields ? (
        <p role="alert" className="mb-3 text-sm text-danger">
          {state.error}
        </p>
      ) : null}
      {state.secret ? (
        <div role="status" className="mb-4 rounded-md border border-ok/40 p-3 text-sm">
          <p className="mb-1 font-medium">Copy this token now: it is shown only once.</p>
          <code data-testid="new-token" className="block break-all font-mono">
            {state.secret}
          </code>
        </div>
      ) : null}
      <table className="w-full text-left text-sm">
        <thead className="text-muted">
          <tr>
            <th className="py-1 font-medium">Name</th>
            <th className="py-1 font-medium">Token</th>
            <th className="py-1 font-medium">User</th>
            <th className="py-1 font-medium">Created</th>
            <th className="py-1 font-medium">Last used</th>
            <th className="py-1 font-medium">Expires</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => (
            <tr key={t.id} className="border-t border-border" data-testid={`token-${t.name}`}>
              <td className="py-1.5">{t.name}</td>
              <td className="py-1.5 font-mono text-xs">{t.prefix}…</td>
              <td className="py-1.5">{t.userEmail}</td>
              <td className="py-1.5">{day(t.createdAt)}</td>
              <td className="py-1.5">{day(t.lastUsedAt)}</td>
              <td className="py-1.5">{day(t.expiresAt)}</td>
              <td className="py-1.5 text-right">
                {t.revokedAt ? (
                  <Badge tone="danger">revoked</Badge>
                ) : (
                  <Button
                    variant="secondary"
                    disabled={revoking}
                    onClick={() => startRevoke(() => void revokeTokenAction(t.id))}
                  >
                    Revoke
                  </Button>
                )}
              </td>
            </tr>
          ))}
          {tokens.length === 0 ? (
            <tr>
              <td colSpan={7} className="py-2 text-muted">
                No API tokens yet.
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </Card>
  );
}
