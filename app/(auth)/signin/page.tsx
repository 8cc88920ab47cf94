import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { currentActor } from '@/lib/auth';
import { externalProviders } from '@/lib/auth/next-auth';
import { safeCallbackPath } from '@/lib/auth/safe-callback';
import { signInErrorMessage } from '@/lib/auth/sign-in-messages';
import { signInWithProvider } from './actions';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;
}) {
  const params = await searchParams;
  // Checked once here, so the redirect below, the form and the provider buttons all carry the safe path.
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  const error = signInErrorMessage(params.error);
  if (await currentActor()) redirect(callbackUrl);
  const providers = externalProviders();
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-lg border border-border bg-surface p-6">
        <h1 className="mb-1 text-xl font-semibold">Vigil</h1>
        <p className="mb-4 text-sm text-muted">Sign in to the on-call console.</p>
        {error ? (
          <p role="alert" className="mb-3 text-sm text-danger">
            {error}
          </p>
        ) : null}
        <SignInForm callbackUrl={callbackUrl} />
        {providers.length ? (
          <div className="mt-4 flex flex-col gap-2 border-t border-border pt-4">
            {providers.map((p) => (
              <form key={p.id} action={signInWithProvider.bind(null, p.id, callbackUrl)}>
                <Button type="submit" variant="secondary" className="w-full">
                  Sign in with {p.name}
                </Button>
              </form>
            ))}
          </div>
        ) : null}
      </div>
    </main>
  );
}
