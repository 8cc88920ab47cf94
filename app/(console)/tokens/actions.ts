'use server';

import { revalidatePath } from 'next/cache';
import { createTokenSchema, idParamsSchema } from '@/lib/admin/api-schema';
import { createApiToken, revokeApiToken } from '@/lib/admin/users';
import { requireActor } from '@/lib/auth';
import { isAppError, ValidationError } from '@/lib/errors';
import { parseInput } from '@/lib/validation';

export type CreateTokenState = { secret?: string; error?: string; fields?: Record<string, string> };

/**
 * Server actions are public POST endpoints: the role is checked before the input is read, and the data
 * layer checks it again.
 */
export async function createTokenAction(_prev: CreateTokenState, form: FormData): Promise<CreateTokenState> {
  try {
    const actor = await requireActor('responder');
    const input = parseInput(createTokenSchema, {
      name: form.get('name'),
      userId: form.get('userId') || undefined,
      expiresInDays: form.get('expiresInDays') || undefined,
    });
    const { secret } = await createApiToken(actor, input);
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
    const actor = await requireActor();
    await revokeApiToken(actor, parseInput(idParamsSchema, { id: tokenId }).id);
    revalidatePath('/tokens');
    revalidatePath('/admin');
    return {};
  } catch (e) {
    if (isAppError(e)) return { error: e.message };
    throw e;
  }
}
