'use server';

import { revalidatePath } from 'next/cache';
import { setUserRole } from '@/lib/admin/users';
import { isAppError } from '@/lib/errors';

export type ActionState = { error?: string; done?: boolean };

/** Server actions are public POST endpoints: the data layer re-checks the caller's role. */
export async function changeRole(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    await setUserRole({ userId: form.get('userId'), role: form.get('role') });
    revalidatePath('/admin');
    return { done: true };
  } catch (e) {
    if (isAppError(e)) return { error: e.message };
    throw e;
  }
}
