'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/field';
import { type ActionState, changeRole, setDisabled } from './actions';

export function RoleForm({ userId, email, role }: { userId: string; email: string; role: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(changeRole, {});
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <Select name="role" defaultValue={role} aria-label={`Role of ${email}`} className="w-32">
        <option value="viewer">viewer</option>
        <option value="responder">responder</option>
        <option value="admin">admin</option>
      </Select>
      <Button type="submit" variant="secondary" disabled={pending}>
        Save
      </Button>
      {state.error ? <span className="text-sm text-danger">{state.error}</span> : null}
    </form>
  );
}

/** Disable (or enable again) an account: a person who left, or a compromised one, stops at once. */
export function DisableForm({
  userId,
  email,
  disabled,
}: {
  userId: string;
  email: string;
  disabled: boolean;
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(setDisabled, {});
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disabled" value={String(!disabled)} />
      <Button
        type="submit"
        variant="secondary"
        disabled={pending}
        aria-label={`${disabled ? 'Enable' : 'Disable'} ${email}`}
      >
        {disabled ? 'Enable' : 'Disable'}
      </Button>
      {state.error ? <span className="text-sm text-danger">{state.error}</span> : null}
    </form>
  );
}
