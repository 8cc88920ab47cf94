/** Next.js calls register() once per server process before it serves requests. */
export async function register() {
  // NEXT_RUNTIME is a build-time constant set by Next (not configuration), so it is read here rather
  // than in lib/env.ts; the edge runtime cannot start databases.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startServer } = await import('@/lib/server/startup');
    await startServer();
  }
}
