'use server';

import { revalidatePath } from 'next/cache';
import { createApiToken, revokeApiToken } from '@/lib/admin/users';
import { isAppError, ValidationError } from '@/lib/errors';

export type CreateTokenState = { secret?: string; error?: string; fields?: Record<string, string> };

/** Server actions are public POST endpoints: the data layer re-checks the caller's role. */
export async function createTokenAction(_prev: CreateTokenState, form: FormData): Promise<CreateTokenState> {
  try {
    const { secret } = await createApiToken({
      name: form.get('name'),
      userId: form.get('userId') || undefined,
      expiresInDays: form.get('expiresInDays') || undefined,
    });
    revalidatePath('/tokens');
    revalidatePath('/admin');
    return { secret };
  } catch (e) {
    if (e instanceof ValidationError) return { error: e.message, fields: e.fields };
    if (isAppError(e)) return { error: e.message };
    throw e;
  }
}

export async function revokeTokenAction(tokenId: string): Promise<{ error?: string }> {
  try {
    await revokeApiToken({ tokenId });
    revalidatePath('/tokens');
    revalidatePath('/admin');
    return {};
  } catch (e) {
    if (isAppError(e)) return { error: e.message };
    throw e;
  }
}
