import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { Dialog, DialogTitle, openModal } from './dialog';

/**
 * The markup (the e2e specs find dialogs by role and name), and the opening and focus return, with
 * stand-ins for the elements: the unit project has no DOM, and showModal's focus trap and Escape are the
 * browser's, covered by the e2e specs.
 */

describe('Dialog', () => {
  it('is named by its title', () => {
    const html = renderToStaticMarkup(
      <Dialog onClose={() => {}} className="w-96">
        <DialogTitle className="mb-2">Keyboard</DialogTitle>
        <p>body</p>
      </Dialog>,
    );
    const labelledBy = html.match(/<dialog aria-labelledby="([^"]+)"/)?.[1];
    expect(labelledBy).toBeTruthy();
    expect(html).toContain(`<h2 id="${labelledBy}" class="font-semibold mb-2">Keyboard</h2>`);
    expect(html).toMatch(/<dialog [^>]*class="[^"]*backdrop:bg-black\/40 w-96"/);
    // Opened by showModal() once mounted, never rendered open (a non-modal dialog traps nothing).
    expect(html).not.toMatch(/<dialog[^>]* open/);
  });

  it('gives each dialog its own title id', () => {
    const html = renderToStaticMarkup(
      <>
        <Dialog onClose={() => {}}>
          <DialogTitle>One</DialogTitle>
        </Dialog>
        <Dialog onClose={() => {}}>
          <DialogTitle>Two</DialogTitle>
        </Dialog>
      </>,
    );
    const ids = [...html.matchAll(/aria-labelledby="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(2);
  });
});

function fakeDialog() {
  const control = { focus: vi.fn() };
  const dialog = {
    open: false,
    showModal: vi.fn(() => {
      dialog.open = true;
    }),
    querySelector: vi.fn((selector: string) => (selector === '#comment' ? control : null)),
  };
  return { dialog: dialog as unknown as HTMLDialogElement, showModal: dialog.showModal, control };
}

describe('openModal', () => {
  it('shows the dialog as a modal and focuses the control asked for', () => {
    const { dialog, showModal, control } = fakeDialog();
    openModal(dialog, '#comment', null);
    expect(showModal).toHaveBeenCalledOnce();
    expect(control.focus).toHaveBeenCalledOnce();
  });

  it('opens once when the effect runs twice (StrictMode), keeping the focus where it is', () => {
    const { dialog, showModal, control } = fakeDialog();
    openModal(dialog, '#comment', null);
    openModal(dialog, '#comment', null);
    expect(showModal).toHaveBeenCalledOnce();
    expect(control.focus).toHaveBeenCalledOnce();
  });

  it('leaves the first control to the browser without initialFocus', () => {
    const { dialog, control } = fakeDialog();
    openModal(dialog, undefined, null);
    expect(control.focus).not.toHaveBeenCalled();
  });

  it('gives focus back to the opener when it goes away, if the opener is still in the page', () => {
    const opener = { focus: vi.fn(), isConnected: true };
    const restore = openModal(fakeDialog().dialog, undefined, opener);
    expect(opener.focus).not.toHaveBeenCalled();
    restore();
    expect(opener.focus).toHaveBeenCalledOnce();

    const gone = { focus: vi.fn(), isConnected: false };
    openModal(fakeDialog().dialog, undefined, gone)();
    expect(gone.focus).not.toHaveBeenCalled();
  });
});
