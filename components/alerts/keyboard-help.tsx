'use client';

import { Button } from '@/components/ui/button';
import { Dialog, DialogTitle } from '@/components/ui/dialog';

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
  return (
    <Dialog onClose={onClose}>
      <DialogTitle className="mb-2">Keyboard</DialogTitle>
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
    </Dialog>
  );
}
