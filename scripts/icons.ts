// `npm run icons`: writes every icon the installers use from resources/icon.svg (scripts/icon-files.ts).
// The output is committed, so packaging never needs this run first; `npm run package:check` fails
// when icon.svg changed and this was not run again.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { checkIconFiles, renderIcons } from './icon-files';

async function main(): Promise<void> {
  const resources = resolve(__dirname, '..', 'resources');
  const files = await renderIcons(readFileSync(join(resources, 'icon.svg')));
  for (const [rel, bytes] of files) {
    mkdirSync(dirname(join(resources, rel)), { recursive: true });
    writeFileSync(join(resources, rel), bytes);
    console.log(`wrote resources/${rel} (${bytes.length} bytes)`);
  }
  const bad = checkIconFiles(resources).filter((c) => !c.ok);
  for (const c of bad) console.error(`FAILED ${c.name}: ${c.detail}`);
  process.exitCode = bad.length ? 1 : 0;
}

void main();
