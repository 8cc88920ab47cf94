import { expect, type Page } from '@playwright/test';

/** The two screens the main journeys run on: a phone held upright and a laptop. */
export const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1440, height: 900 },
] as const;

/** How wide the document is: wider than the window means the page scrolls sideways. */
export async function documentWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/**
 * The innermost elements that stick out past the window's right edge, to name the culprit in a
 * failure ("TD.py-1 pr-2 (512 px)").
 */
export async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const out = [...document.body.querySelectorAll('*')].filter((el) => {
      const rect = el.getBoundingClientRect();
      return rect.width > 0 && rect.right > width + 0.5;
    });
    return out
      .filter((el) => !out.some((other) => other !== el && el.contains(other)))
      .slice(0, 5)
      .map(
        (el) =>
          `${el.tagName}.${el.getAttribute('class') ?? ''} (${Math.round(el.getBoundingClientRect().right)} px)`,
      );
  });
}

/**
 * Nothing on the page sticks out sideways: the document is no wider than the window. The elements that
 * stick out are looked for when it fails, not before the wait (a timeline that rendered late was
 * missed that way, leaving the message empty).
 */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const viewport = page.viewportSize()?.width ?? 0;
  try {
    await expect.poll(() => documentWidth(page)).toBeLessThanOrEqual(viewport);
  } catch (error) {
    const culprits = (await overflowingElements(page)).join(', ');
    throw new Error(`document wider than the ${viewport} px window: ${culprits}`, { cause: error });
  }
}
