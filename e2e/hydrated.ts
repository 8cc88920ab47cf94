import { expect, type Locator } from '@playwright/test';

/**
 * Waits until React has hydrated this element (it hangs its props on the DOM node), then fills it.
 * Text typed into a server-rendered input before hydration is dropped from React's state, which leaves
 * the form's buttons disabled on a loaded machine.
 */
export async function fillHydrated(input: Locator, value: string): Promise<void> {
  await expect
    .poll(() => input.evaluate((el) => Object.keys(el).some((k) => k.startsWith('__reactProps'))), {
      message: 'input hydrated',
    })
    .toBe(true);
  await input.fill(value);
}
