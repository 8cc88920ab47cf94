import { expect, type Locator } from '@playwright/test';

/**
 * Waits until React has hydrated this element (it hangs its props on the DOM node). Text typed into, or
 * a box ticked on, a server-rendered control before hydration is lost to React's state, which leaves a
 * form's buttons disabled or a switch unsaved on a loaded machine.
 */
export async function hydrated(control: Locator): Promise<void> {
  await expect
    .poll(() => control.evaluate((el) => Object.keys(el).some((k) => k.startsWith('__reactProps'))), {
      message: 'control hydrated',
    })
    .toBe(true);
}

export async function fillHydrated(input: Locator, value: string): Promise<void> {
  await hydrated(input);
  await input.fill(value);
}
