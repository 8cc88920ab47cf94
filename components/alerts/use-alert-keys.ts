'use client';

import { useEffect, useRef } from 'react';

type Handlers = {
  enabled: boolean;
  onMove: (delta: number) => void;
  onOpen: () => void;
  onFocusFilter: () => void;
  onHelp: () => void;
  onEscape: () => void;
  onAcknowledge: () => void;
  onSilence: () => void;
};

/**
 * j/k move, enter opens, a acknowledges, s silences, / filters, ? helps, esc closes; ignored while
 * typing in a field.
 */
export function useAlertKeys(handlers: Handlers) {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const h = ref.current;
      const target = e.target as HTMLElement | null;
      if (!h.enabled || e.metaKey || e.ctrlKey || e.altKey) return;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const actions: Record<string, () => void> = {
        j: () => h.onMove(1),
        k: () => h.onMove(-1),
        Enter: h.onOpen,
        '/': h.onFocusFilter,
        '?': h.onHelp,
        Escape: h.onEscape,
        a: h.onAcknowledge,
        s: h.onSilence,
      };
      const action = actions[e.key];
      if (!action) return;
      // Enter on a focused link or button keeps its own meaning.
      if (e.key === 'Enter' && target?.closest('a, button')) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
