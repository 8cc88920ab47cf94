import { type Browser, type CDPSession, chromium, type Page } from '@playwright/test';
import { quantile } from './stats';

export type PageResult = {
  /** Navigation start → first `[data-testid="alert-row"]` in the DOM and visible, each load (ms). */
  firstRowMs: number[];
  firstRowMedianMs: number;
  /** Script responses of one cold-cache load: bytes on the wire (gzip as `next start` serves them, headers included) and decoded. */
  scriptCount: number;
  scriptWireBytes: number;
  scriptDecodedBytes: number;
  /** V8 heap in use after the list rendered and a forced GC (CDP Runtime.getHeapUsage). */
  heapUsedBytes: number;
  /** Enter in the filter box → every listed row matches the new filter (ms), each sample. */
  filterEnterMs: number[];
  /** Last keystroke (applied after the box's 300 ms typing pause) → updated list (ms), each sample. */
  filterTypedMs: number[];
};

const LAUNCH_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

// Stamps the moment the first alert row enters the DOM (ms since navigation start).
const FIRST_ROW_PROBE = `
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid="alert-row"]')) {
      window.__firstRow = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

/** The filter whose rows are never on the first page before filtering (info sorts last). */
const FILTER = 'severity="info"';
const FILTER_SAMPLES = 3;

/**
 * Loads `/alerts` in Debian's Chromium as `user`, `loads` times with the cache disabled, and measures
 * render time, JS transferred, heap and filter latency.
 */
export async function measureAlertsPage(options: {
  vigilUrl: string;
  user: { email: string; password: string };
  loads: number;
  /** Where a screenshot goes when the measurement fails. */
  screenshotDir: string;
}): Promise<PageResult> {
  const browser: Browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: LAUNCH_ARGS });
  const context = await browser.newContext({ timezoneId: 'UTC', locale: 'en-GB', baseURL: options.vigilUrl });
  const page = await context.newPage();
  try {
    await signIn(page, options.user);
    await page.addInitScript(FIRST_ROW_PROBE);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const scripts = trackScripts(cdp);

    const firstRowMs: number[] = [];
    let js = { count: 0, wire: 0, decoded: 0 };
    for (let i = 0; i < options.loads; i++) {
      scripts.reset();
      await page.goto('/alerts', { waitUntil: 'commit' });
      await page.locator('[data-testid="alert-row"]').first().waitFor({ state: 'visible', timeout: 30_000 });
      firstRowMs.push(await page.evaluate(() => (window as unknown as { __firstRow: number }).__firstRow));
      await page.waitForLoadState('networkidle');
      if (i === 0) js = scripts.totals();
    }
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');

    // Three of each, from a fresh list every time (the box applies once; the machine is noisy).
    const filterEnter: number[] = [];
    const filterTyped: number[] = [];
    for (let i = 0; i < FILTER_SAMPLES; i++) {
      await reloadList(page);
      filterEnter.push(
        await timeFilter(page, async (box) => {
          await box.fill(FILTER);
          const started = Date.now();
          await box.press('Enter');
          return started;
        }),
      );
      await reloadList(page);
      filterTyped.push(
        await timeFilter(page, async (box) => {
          await box.fill(FILTER.slice(0, -1));
          const started = Date.now();
          await box.press(FILTER.slice(-1));
          return started;
        }),
      );
    }
    return {
      firstRowMs,
      firstRowMedianMs: quantile(firstRowMs, 0.5),
      scriptCount: js.count,
      scriptWireBytes: js.wire,
      scriptDecodedBytes: js.decoded,
      heapUsedBytes: heap.usedSize,
      filterEnterMs: filterEnter,
      filterTypedMs: filterTyped,
    };
  } catch (error) {
    // Say where the browser was: the document then tells what to look at.
    const shot = `${options.screenshotDir}/bench-page-failure.png`;
    await page.screenshot({ path: shot }).catch(() => undefined);
    throw new Error(`${(error as Error).message.split('\n')[0]} (at ${page.url()}; screenshot ${shot})`);
  } finally {
    await browser.close();
  }
}

async function reloadList(page: Page) {
  await page.goto('/alerts');
  await page.locator('[data-testid="alert-row"]').first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.mouse.move(0, 0);
}

async function signIn(page: Page, user: { email: string; password: string }) {
  await page.goto('/alerts', { timeout: 60_000 });
  await page.getByLabel('E-mail').fill(user.email, { timeout: 60_000 });
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/alerts');
  // The list holds still under the pointer: keep it away.
  await page.mouse.move(0, 0);
}

/** Runs `act` (which returns when it pressed the last key) and waits until every row is an info alert. */
async function timeFilter(
  page: Page,
  act: (box: ReturnType<Page['getByLabel']>) => Promise<number>,
): Promise<number> {
  const box = page.getByLabel('Filter alerts');
  await box.click();
  const started = await act(box);
  await page.waitForFunction(
    () => {
      const rows = [...document.querySelectorAll('[data-testid="alert-row"]')];
      return rows.length > 0 && rows.every((r) => r.querySelector('span')?.textContent?.trim() === 'info');
    },
    undefined,
    { polling: 'raf', timeout: 30_000 },
  );
  return Date.now() - started;
}

/** Sums script responses seen through CDP: encoded (wire) bytes and decoded bytes. */
function trackScripts(cdp: CDPSession) {
  const scriptIds = new Set<string>();
  let wire = 0;
  let decoded = 0;
  const pendingDecoded = new Map<string, number>();
  cdp.on('Network.responseReceived', (e) => {
    if (e.type === 'Script') scriptIds.add(e.requestId);
  });
  cdp.on('Network.dataReceived', (e) => {
    pendingDecoded.set(e.requestId, (pendingDecoded.get(e.requestId) ?? 0) + e.dataLength);
  });
  cdp.on('Network.loadingFinished', (e) => {
    if (!scriptIds.has(e.requestId)) return;
    wire += e.encodedDataLength;
    decoded += pendingDecoded.get(e.requestId) ?? 0;
  });
  return {
    reset() {
      scriptIds.clear();
      pendingDecoded.clear();
      wire = 0;
      decoded = 0;
    },
    totals: () => ({ count: scriptIds.size, wire, decoded }),
  };
}
