// A screenshot of the whole screen. Playwright's fullPage grows the shot to the document only, but
// the app scrolls inside its own panes (the credentials table, the sidebar), so a plain full-page
// shot stops at the pane's edge (2 of 20 rows). Here the viewport is made as tall as the tallest
// pane's content needs, the shot is taken, and the window gets its own size back.
import type { Page } from 'playwright';

/** Pixels the tallest scrolling pane hides below its edge (0 when everything is in view). */
export function hiddenBelow(page: Page): Promise<number> {
  return page.evaluate(() => {
    let most = Math.max(0, document.documentElement.scrollHeight - window.innerHeight);
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const { overflowY } = getComputedStyle(el);
      if (overflowY !== 'auto' && overflowY !== 'scroll') continue;
      most = Math.max(most, el.scrollHeight - el.clientHeight);
    }
    return most;
  });
}

/** Save a PNG of everything on screen, inner scroll areas included; returns its height in CSS px. */
export async function wholeScreenShot(page: Page, path: string): Promise<number> {
  const size = page.viewportSize();
  if (!size) throw new Error('the page has no fixed viewport');
  let height = size.height;
  try {
    // Nested panes can each need more room once an outer one grows: a few rounds settle it.
    for (let round = 0; round < 4; round++) {
      const more = await hiddenBelow(page);
      if (more <= 1) break;
      height = Math.min(height + more, 16_000); // Chromium's texture limit, well past any screen here
      await page.setViewportSize({ width: size.width, height });
      await page.waitForTimeout(50);
    }
    await page.screenshot({ path, fullPage: true });
    return height;
  } finally {
    await page.setViewportSize(size);
  }
}
