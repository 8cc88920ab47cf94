'use client';

import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';

const KEYS = [
  ['j / k', 'move down / up'],
  ['enter', 'open the selected alert'],
  ['/', 'filter'],
  ['esc', 'close the panel or this help'],
  ['?', 'this help'],
];
const ACTION_KEYS = [
  ['a', 'acknowledge the selected alert'],
  ['s', 'silence the selected alert'],
];

export function KeyboardHelp({ canAct, onClose }: { canAct: boolean; onClose: () => void }) {
  const keys = canAct ? [...KEYS, ...ACTION_KEYS] : KEYS;
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="keys-title"
      className="m-auto rounded-lg border border-border bg-surface p-4 text-fg backdrop:bg-black/40"
    >
      <h2 id="keys-title" className="mb-2 font-semibold">
        Keyboard
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {keys.map(([k, what]) => (
          <div key={k} className="contents">
            <dt className="font-mono">{k}</dt>
            <dd className="text-muted">{what}</dd>
          </div>
        ))}
      </dl>
      <Button className="mt-3" variant="secondary" onClick={onClose}>
        Close
      </Button>
    </dialog>
  );
}
