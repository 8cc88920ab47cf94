'use client';

import { useActionState, useTransition } from 'react';
import { LocalTime } from '@/components/format/local-time';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input, Select } from '@/components/ui/field';
import { Table } from '@/components/ui/table';
import type { TokenRow } from '@/lib/admin/api-schema';
import { type CreateTokenState, createTokenAction, revokeTokenAction } from '../actions';

type Props = {
  tokens: TokenRow[];
  users?: { id: string; email: string }[];
  canCreate: boolean;
  /** The lifetime of a new token unless fewer days are asked (apiTokens.defaultExpiryDays), also the most. */
  expiryDays: number;
};

const day = (iso: string | null) => <LocalTime at={iso} precision="day" />;

export function TokenManager({ tokens, users, canCreate, expiryDays }: Props) {
  const [state, action, pending] = useActionState<CreateTokenState, FormData>(createTokenAction, {});
  const [revoking, startRevoke] = useTransition();
  return (
    <Card title="API tokens">
      {canCreate ? (
        <form action={action} className="mb-4 grid grid-cols-1 items-end gap-3 sm:grid-cols-4">
          <Field id="token-name" label="Name" error={state.fields?.name}>
            {(control) => <Input {...control} name="name" placeholder="ack-bot" />}
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
          <Field
            id="token-expiry"
            label={`Expires after (days, at most ${expiryDays})`}
            error={state.fields?.expiresInDays}
          >
            {(control) => (
              <Input
                {...control}
                name="expiresInDays"
                type="number"
                min={1}
                max={expiryDays}
                placeholder={String(expiryDays)}
              />
            )}
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
      <Table
        caption="API tokens"
        columns={[
          ...['Name', 'Token', 'User', 'Created', 'Last used', 'Expires'].map((header) => ({ header })),
          { header: 'Actions', hidden: true },
        ]}
        rows={tokens}
        rowKey={(t) => t.id}
        empty="No API tokens yet."
        renderRow={(t) => (
          <tr className="border-t border-border" data-testid={`token-${t.name}`}>
            <td className="py-1.5">{t.name}</td>
            <td className="py-1.5 font-mono text-xs">{t.prefix}…</td>
            <td className="py-1.5">{t.userEmail}</td>
            <td className="py-1.5">{day(t.createdAt)}</td>
            <td className="py-1.5">{day(t.lastUsedAt)}</td>
            {/* Tokens from before expiry was required have none. */}
            <td className="py-1.5">{t.expiresAt ? day(t.expiresAt) : 'never'}</td>
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
        )}
      />
    </Card>
  );
}
