'use server';

import { revalidatePath } from 'next/cache';
import { setDisabledSchema, setRoleSchema } from '@/lib/admin/api-schema';
import { updateUser } from '@/lib/admin/users';
import { requireActor } from '@/lib/auth';
import { isAppError } from '@/lib/errors';
import { parseInput } from '@/lib/validation';

export type ActionState = { error?: string; done?: boolean };

/**
 * Server actions are public POST endpoints: the role is checked before the form is read, and the data
 * layer checks it again.
 */
async function userChange(form: FormData, read: (form: FormData) => Parameters<typeof updateUser>[1]) {
  try {
    const actor = await requireActor('admin');
    await updateUser(actor, read(form));
    revalidatePath('/admin');
    return { done: true };
  } catch (e) {
    if (isAppError(e)) return { error: e.message };
    throw e;
  }
}

export async function changeRole(_prev: ActionState, form: FormData): Promise<ActionState> {
  return userChange(form, (f) => parseInput(setRoleSchema, { userId: f.get('userId'), role: f.get('role') }));
}

/** Disables or enables an account (the form says which with `disabled`). */
export async function setDisabled(_prev: ActionState, form: FormData): Promise<ActionState> {
  return userChange(form, (f) =>
    parseInput(setDisabledSchema, { userId: f.get('userId'), disabled: f.get('disabled') }),
  );
}
