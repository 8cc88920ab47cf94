/** Something that owns processes and files and can release them two ways. */
export interface Teardown {
  /** Orderly: graceful shutdown, then delete. Idempotent. */
  stop(): Promise<void>;
  /** Synchronous last resort for `process.on('exit')`, where no promise runs any more. */
  killNow(): void;
}

const live = new Set<Teardown>();

// Ctrl-C, `kill`, and a closed terminal (SIGHUP) during a demo.
const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

const onSignal = async (signal: NodeJS.Signals): Promise<void> => {
  await Promise.allSettled([...live].map((teardown) => teardown.stop()));
  // If we are the only listener, Node would do nothing more: restore the
  // default action (terminate with that signal) and re-raise. If someone else
  // listens (a test runner, an app), the decision to exit is theirs.
  if (process.listenerCount(signal) <= 1) {
    uninstall();
    process.kill(process.pid, signal);
  }
};

// 'exit' also runs after an uncaught exception or an unhandled rejection has
// crashed the process, so it covers "uncaught errors" without changing how
// they are reported (an 'uncaughtException' listener would swallow them).
const onExit = (): void => {
  for (const teardown of live) teardown.killNow();
};

function install(): void {
  process.on('exit', onExit);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

function uninstall(): void {
  process.off('exit', onExit);
  for (const signal of SIGNALS) process.off(signal, onSignal);
}

/**
 * Registers a running stack so that exiting the process — normally, by a
 * signal, or by a crash — never leaves its processes behind. Returns the
 * function that unregisters it (call it once the stack is stopped). The
 * handlers are installed only while at least one stack is registered.
 */
export function trackForCleanup(teardown: Teardown): () => void {
  if (live.size === 0) install();
  live.add(teardown);
  return () => {
    if (live.delete(teardown) && live.size === 0) uninstall();
  };
}
