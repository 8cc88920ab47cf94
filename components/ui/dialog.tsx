'use client';

import { createContext, type ReactNode, type RefObject, useContext, useEffect, useId, useRef } from 'react';
import { Button } from './button';

const TitleId = createContext<string | undefined>(undefined);

/**
 * A modal dialog on the native `<dialog>` opened with showModal(): the browser keeps focus inside it and
 * makes the page behind inert, and Escape closes it (its `close` event calls `onClose`). It is named by
 * its DialogTitle, and gives the focus back to what had it when it goes away, also when the parent
 * unmounts it without closing it (the HTML spec restores focus only on close()).
 *
 * `initialFocus` is a selector of the control to start at; without it the browser focuses the first
 * focusable control. Pass `ref` to close it (`ref.current?.close()`) or look inside it.
 */
export function Dialog({
  onClose,
  initialFocus,
  className = '',
  ref,
  children,
}: {
  onClose: () => void;
  initialFocus?: string;
  className?: string;
  ref?: RefObject<HTMLDialogElement | null>;
  children: ReactNode;
}) {
  const titleId = useId();
  const own = useRef<HTMLDialogElement>(null);
  const dialogRef = ref ?? own;
  // Taken once: under StrictMode the effect runs twice, and the second time focus is already inside.
  const opener = useRef<HTMLElement | null>(null);
  const start = useRef(initialFocus);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    opener.current ??= document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return openModal(dialog, start.current, opener.current);
  }, [dialogRef]);
  return (
    <dialog
      ref={dialogRef}
      onClose={onClose}
      aria-labelledby={titleId}
      className={`m-auto rounded-lg border border-border bg-surface p-4 text-fg backdrop:bg-black/40 ${className}`}
    >
      <TitleId value={titleId}>{children}</TitleId>
    </dialog>
  );
}

/** The dialog's heading, which names it (`getByRole('dialog', {name})`). */
export function DialogTitle({ className = '', children }: { className?: string; children: ReactNode }) {
  const id = useContext(TitleId);
  return (
    <h2 id={id} className={`font-semibold ${className}`}>
      {children}
    </h2>
  );
}

/**
 * A form dialog's buttons: Cancel and the submit button, side by side at the end on a wide screen and
 * stacked on a phone with the submit button on top, under the thumb.
 */
export function DialogActions({
  onCancel,
  disabled = false,
  children,
}: {
  onCancel: () => void;
  /** The submit button's state (busy, or the form is not complete). */
  disabled?: boolean;
  /** The submit button's label. */
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
      <Button type="button" variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" disabled={disabled}>
        {children}
      </Button>
    </div>
  );
}

/**
 * A dialog that is one form: its title, its fields (children) and Cancel / submit at the end. Submitting
 * (the button or Enter in a field) calls `onSubmit`, never a page load.
 */
export function FormDialog({
  title,
  onClose,
  onSubmit,
  submit,
  disabled = false,
  width = '32rem',
  children,
}: {
  title: ReactNode;
  onClose: () => void;
  onSubmit: () => void;
  /** The submit button's label. */
  submit: ReactNode;
  disabled?: boolean;
  /** Its width on a wide screen; on a phone it takes the screen's width less a margin. */
  width?: '28rem' | '30rem' | '32rem' | '36rem';
  children: ReactNode;
}) {
  const widths = {
    '28rem': 'w-[min(28rem,calc(100vw-1.5rem))]',
    '30rem': 'w-[min(30rem,calc(100vw-1.5rem))]',
    '32rem': 'w-[min(32rem,calc(100vw-1.5rem))]',
    '36rem': 'w-[min(36rem,calc(100vw-1.5rem))]',
  };
  return (
    <Dialog onClose={onClose} className={widths[width]}>
      <form
        className="flex flex-col gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <DialogTitle>{title}</DialogTitle>
        {children}
        <DialogActions onCancel={onClose} disabled={disabled}>
          {submit}
        </DialogActions>
      </form>
    </Dialog>
  );
}

type Modal = Pick<HTMLDialogElement, 'open' | 'showModal' | 'querySelector'>;
type Focusable = Pick<HTMLElement, 'focus' | 'isConnected'>;

/**
 * Shows `dialog` as a modal unless it is open already (StrictMode runs an effect twice), moves focus to
 * the control `initialFocus` selects, and answers the clean-up that gives focus back to `opener`, if it
 * is still in the page.
 */
export function openModal(dialog: Modal, initialFocus: string | undefined, opener: Focusable | null) {
  if (!dialog.open) {
    dialog.showModal();
    if (initialFocus) dialog.querySelector<HTMLElement>(initialFocus)?.focus();
  }
  return () => {
    if (opener?.isConnected) opener.focus();
  };
}
