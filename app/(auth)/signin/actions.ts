'use server';

import { AuthError } from 'next-auth';
import { signIn } from '@/lib/auth/next-auth';
import { safeCallbackPath } from '@/lib/auth/safe-callback';

export type SignInState = { error?: string; email?: string };

export async function signInWithPassword(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get('email') ?? '');
  try {
    await signIn('credentials', {
      email,
      password: String(form.get('password') ?? ''),
      redirectTo: safeCallbackPath(form.get('callbackUrl')),
    });
    return {};
  } catch (error) {
    // signIn signals success by throwing Next's redirect, which must propagate.
    if (!(error instanceof AuthError)) throw error;
    const rateLimited = 'code' in error && error.code === 'rate_limited';
    return {
      email,
      error: rateLimited
        ? 'Too many failed sign-ins. Wait 15 minutes, or ask an admin to check the account.'
        : 'Wrong e-mail or password.',
    };
  }
}

export async function signInWithProvider(provider: string, callbackUrl: string): Promise<void> {
  await signIn(provider, { redirectTo: safeCallbackPath(callbackUrl) });
}
