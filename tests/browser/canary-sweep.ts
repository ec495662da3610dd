// The canary sweep shared by the canary tests: unique marked secrets go in, the app is used, and
// then every place the renderer could have seen or kept one is searched as text.
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright';
import { allFiles } from '../support/tmp';
import type { App } from './support';

/** A unique, findable secret: letters and digits only, so it fits every provider's key format. */
export const canary = (label: string): string => `CANARY${label}${randomBytes(12).toString('hex')}`;

/** Everything the renderer side holds or showed, as text. */
export async function rendererSurface(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const inputs = [...document.querySelectorAll('input, textarea')].map((el) => (el as HTMLInputElement).value);
    const storage = (s: Storage) => Object.keys(s).map((k) => `${k}=${s.getItem(k)}`).join('\n');
    const dbs = 'databases' in indexedDB ? (await indexedDB.databases()).map((d) => d.name).join(',') : '';
    return {
      html: document.documentElement.outerHTML,
      text: document.body.innerText,
      inputs: inputs.join('\n'),
      localStorage: storage(localStorage),
      sessionStorage: storage(sessionStorage),
      indexedDB: dbs,
      cookies: document.cookie,
      title: document.title,
    };
  });
}

/**
 * Pieces of a secret worth looking for besides the whole: 16-character windows every 8 characters.
 * A message clipped before it was scrubbed shows only a prefix, and a prefix of a JWT or a key is
 * a leak too; 16 characters of a canary's random part never occur by chance.
 */
function fragments(secret: string): string[] {
  const out: string[] = [];
  for (let i = 0; secret.length >= 24 && i + 16 <= secret.length; i += 8) out.push(secret.slice(i, i + 16));
  return out;
}

/** "place contains CANARY…" for every canary found whole, "place contains part of CANARY…" for a piece of one. */
export function findCanaries(where: Record<string, string>, canaries: string[]): string[] {
  const hits: string[] = [];
  for (const [place, text] of Object.entries(where)) {
    for (const c of canaries) {
      if (text.includes(c)) hits.push(`${place} contains ${c.slice(0, 14)}…`);
      else if (fragments(c).some((f) => text.includes(f))) hits.push(`${place} contains part of ${c.slice(0, 14)}…`);
    }
  }
  return hits;
}

/** The renderer's surface plus every bridge answer and event, its console and every file in the data directory (and in `moreDirs`, e.g. where exports went). */
export async function everywhere(app: App, moreDirs: string[] = []): Promise<Record<string, string>> {
  const { h, page } = app;
  const surface: Record<string, string> = { ...(await rendererSurface(page)), bridge: h.bridgeLog.join('\n'), console: h.consoleLog.join('\n') };
  for (const dir of [h.dataDir, ...moreDirs]) for (const f of allFiles(dir)) surface[`file ${f.path}`] = f.bytes.toString('latin1');
  return surface;
}
