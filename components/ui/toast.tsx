'use client';

import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';

/**
 * A short confirmation after a write ("Acknowledged", "Silenced until 04:12"), in one status region per
 * page (role="status", so screen readers read it without moving focus). A newer message replaces the
 * shown one; each stays long enough to read, then goes.
 */

const SHOWN_MS = 6000;

type Toast = { id: number; text: string };
const ToastContext = createContext<(text: string) => void>(() => {});

/** `const confirm = useToast(); confirm('Acknowledged')`. Outside a ToastProvider it does nothing. */
export const useToast = () => useContext(ToastContext);

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<Toast | null>(null);
  const show = useCallback((text: string) => setToast({ id: Date.now(), text }), []);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast((t) => (t?.id === toast.id ? null : t)), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [toast]);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <ToastRegion text={toast?.text ?? null} />
    </ToastContext.Provider>
  );
}

/** The region is always there (empty when quiet): live regions announce changes, not first renders. */
function ToastRegion({ text }: { text: string | null }) {
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="toast"
      className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center px-4"
    >
      {text ? (
        <p className="pointer-events-auto rounded-md border border-ok/40 bg-surface px-4 py-2 text-sm shadow-lg">
          {text}
        </p>
      ) : null}
    </div>
  );
}
