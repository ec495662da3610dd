// In-page checks for the layout tests: what covers an interactive element, and the page's scroller.
import type { Page } from 'playwright';

export type Covered = { target: string; hit: string };

/**
 * Every visible button, input, select, link, summary, tab and option whose centre is hit (by
 * document.elementFromPoint) by something that is neither it, inside it, nor its label. An element
 * scrolled out of a scroll box, or outside the window, is not "visible" and is skipped.
 */
export async function coveredControls(page: Page): Promise<Covered[]> {
  return page.evaluate(() => {
    const describe = (el: Element | null) =>
      el
        ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}` +
          ` "${(el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? '').trim().slice(0, 40)}"`
        : 'nothing';
    // Inside the credential table's own scroll box, a row scrolled under its sticky header (or a
    // cell under the sticky actions column) is scrolled away, as in any grid: not covered.
    const underStickyCell = (el: Element, hit: Element) => {
      const box = el.closest('.table-wrap');
      const cell = hit.closest('th, td');
      return !!box && !!cell && box.contains(cell) && getComputedStyle(cell).position === 'sticky';
    };
    const sel = 'button, input, select, textarea, a[href], summary, [role="tab"], [role="option"]';
    const out: { target: string; hit: string }[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(sel)) {
      const r = el.getBoundingClientRect();
      if (r.width < 2 || r.height < 2) continue; // visually hidden (a styled radio's input)
      // Not painted: inside a closed <details> (which keeps its layout box), hidden or transparent.
      if (!el.checkVisibility({ contentVisibilityAuto: true, opacityProperty: true, visibilityProperty: true })) continue;
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
      // Clipped by a scroll box it sits in (a table row scrolled away): out of view, not covered.
      let clipped = false;
      for (let a = el.parentElement; a && !clipped; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (/(auto|scroll|hidden|clip)/.test(s.overflowX + s.overflowY)) {
          const b = a.getBoundingClientRect();
          clipped = x < b.left || x > b.right || y < b.top || y > b.bottom;
        }
      }
      if (clipped) continue;
      const hit = document.elementFromPoint(x, y);
      const ok = hit && (hit === el || el.contains(hit) || (hit instanceof HTMLLabelElement && hit.control === el) || underStickyCell(el, hit));
      if (!ok) out.push({ target: describe(el), hit: describe(hit) });
    }
    return out;
  });
}

/**
 * Scroll the page's scroller from top to bottom a window at a time, running `check` at each stop:
 * a sticky or fixed part only covers something once the page has moved under it.
 */
export async function atEveryScroll<T>(page: Page, check: () => Promise<T[]>): Promise<T[]> {
  const steps = await page.evaluate(() => {
    const all = [document.scrollingElement, ...document.querySelectorAll('.content, .main')].filter(
      (e): e is Element => !!e && e.scrollHeight > e.clientHeight + 1 && (e === document.scrollingElement || /(auto|scroll)/.test(getComputedStyle(e).overflowY)),
    );
    const el = all[0];
    if (!el) return 0;
    el.setAttribute('data-test-scroller', '');
    return Math.ceil((el.scrollHeight - el.clientHeight) / Math.max(100, el.clientHeight * 0.6));
  });
  const found: T[] = [];
  for (let i = 0; i <= steps; i++) {
    await page.evaluate((i) => {
      const el = document.querySelector('[data-test-scroller]');
      if (el) el.scrollTop = i * Math.max(100, el.clientHeight * 0.6);
    }, i);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    found.push(...(await check()));
  }
  await page.evaluate(() => {
    const el = document.querySelector('[data-test-scroller]');
    if (el) el.scrollTop = 0;
    el?.removeAttribute('data-test-scroller');
  });
  return found;
}

/**
 * What is wrong with the date cells of the credential rows in view: a date cut by the scroll
 * box's edge (pushed out of view), covered (document.elementFromPoint at its left, middle and right
 * hits something else, e.g. the sticky actions column), or on more than one line. Also says when
 * no date column is shown at all.
 */
export async function dateCellProblems(page: Page): Promise<string[]> {
  return page.getByTestId('credentials-scroll').evaluate((box) => {
    const b = box.getBoundingClientRect();
    // The visible part of the box: without its scroll bars.
    const right = b.left + box.clientLeft + box.clientWidth;
    const bottom = Math.min(b.top + box.clientTop + box.clientHeight, innerHeight);
    const head = box.querySelector('thead')!.getBoundingClientRect().bottom;
    const out: string[] = [];
    const rows = [...box.querySelectorAll<HTMLElement>('tr[data-username]')].filter((tr) => {
      const r = tr.getBoundingClientRect();
      return r.top >= head - 1 && r.bottom <= bottom + 1;
    });
    if (rows.length === 0) out.push('no row in view');
    for (const tr of rows) {
      const dates = [...tr.querySelectorAll<HTMLElement>('td.col-date')];
      if (dates.length === 0) out.push(`${tr.dataset.username}: no date column`);
      for (const td of dates) {
        const t = td.querySelector('time') ?? td.firstElementChild ?? td;
        const r = t.getBoundingClientRect();
        const name = `${tr.dataset.username} ${td.dataset.field ?? 'date'} "${(t as HTMLElement).innerText}"`;
        if (r.left < b.left - 0.5 || r.right > right + 0.5) out.push(`${name}: cut by the box (${Math.round(r.left)}–${Math.round(r.right)} in ${Math.round(b.left)}–${Math.round(right)})`);
        const lineHeight = parseFloat(getComputedStyle(t).lineHeight) || 20;
        if (r.height > lineHeight * 1.5) out.push(`${name}: on more than one line`);
        for (const x of [r.left + 2, (r.left + r.right) / 2, r.right - 2]) {
          const hit = document.elementFromPoint(x, (r.top + r.bottom) / 2);
          if (!hit || !(hit === t || t.contains(hit) || hit === td)) {
            out.push(`${name}: covered at x=${Math.round(x)} by ${hit ? `${hit.tagName.toLowerCase()}.${String(hit.className)}` : 'nothing'}`);
            break;
          }
        }
      }
    }
    return out;
  });
}

/** Whether anything on the page is scrolled: the document, the content pane or the table. */
export async function anythingScrolled(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [document.scrollingElement, ...document.querySelectorAll('.content, .main, [data-testid="credentials-scroll"]')]
      .filter((e): e is Element => !!e && (e.scrollTop > 0 || e.scrollLeft > 0))
      .map((e) => `${e.tagName.toLowerCase()}.${String(e.className)}`),
  );
}
