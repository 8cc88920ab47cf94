'use server';

import { AuthError } from 'next-auth';
import { signIn } from '@/lib/auth/next-auth';

export type SignInState = { error?: string; email?: string };

/** Keeps the redirect target on this site: "/alerts?x" is fine, "//evil.example" and URLs are not. */
function safeRedirect(value: FormDataEntryValue | null): string {
  const target = typeof value === 'string' ? value : '/';
  return target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/\\') ? target : '/';
}

export async function signInWithPassword(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get('email') ?? '');
  try {
    await signIn('credentials', {
      email,
      password: String(form.get('password') ?? ''),
      redirectTo: safeRedirect(form.get('callbackUrl')),
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
  await signIn(provider, { redirectTo: safeRedirect(callbackUrl) });
}
