'use server';

import { revalidatePath } from 'next/cache';
import { setRoleSchema } from '@/lib/admin/api-schema';
import { setUserRole } from '@/lib/admin/users';
import { requireActor } from '@/lib/auth';
import { isAppError } from '@/lib/errors';
import { parseInput } from '@/lib/validation';

export type ActionState = { error?: string; done?: boolean };

/**
 * Server actions are public POST endpoints: the role is checked before the form is read, and the data
 * layer checks it again.
 */
export async function changeRole(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const actor = await requireActor('admin');
    await setUserRole(
      actor,
      parseInput(setRoleSchema, { userId: form.get('userId'), role: form.get('role') }),
    );
    revalidatePath('/admin');
    return { done: true };
  } catch (e) {
    if (isAppError(e)) return { error: e.message };
    throw e;
  }
}
