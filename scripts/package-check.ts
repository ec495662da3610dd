// `npm run package:check` (and a step of `npm test`, after the build): proves, on a machine without the
// Electron binary, what the installers ship and how they are locked down. One line per check; exit 1 on any failure.
//
// How the payload is made: electron-builder itself runs, for real, with electron-builder.yml, for a
// Linux `dir` target into .tmp/package-check/. Its own file matching (`files`, default ignores), its own
// production-dependency collection (devDependencies never), its own asar packer (@electron/asar) with the
// `asarUnpack` rule and its own fuse flipping (@electron/fuses) all run. The one stand-in is the Electron
// executable (`electronDist`): a small file that carries Electron's fuse wire (the sentinel and the
// default fuse states), so electron-builder flips it exactly as it flips the real binary and the
// result can be read back. Native rebuild is off here (it would fetch Electron's headers); the release
// workflow builds with it on. The packed app.asar is then opened with @electron/asar (major 3, the one
// electron-builder 26 packs with) and judged
// (scripts/package-judge.ts), next to the config as electron-builder parses it and its JSON schema.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { checkIconFiles } from './icon-files';
import {
  checkFuseConfig,
  checkFuseWire,
  checkIdentity,
  checkPayload,
  checkSchema,
  checkTargets,
  productionNames,
  windowIconPath,
  type Check,
  type Payload,
} from './package-judge';

const ROOT = resolve(__dirname, '..');
const WORK = join(ROOT, '.tmp', 'package-check');
/** The fuse wire's marker in every Electron binary since 12 (@electron/fuses' SENTINEL). */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's default fuse states, in FuseV1Options order: RunAsNode on, cookie encryption off, NODE_OPTIONS on,
 * inspect on, asar integrity off, only-from-asar off, browser V8 snapshot off, file:// privileges on. */
const ELECTRON_DEFAULT_WIRE = '10110001';

function print(checks: Check[]): void {
  for (const c of checks) console.log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`);
}

/** An unpacked "Electron distribution" whose only executable is the fuse wire (see the header). */
function writeStubElectron(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const wire = Buffer.from(ELECTRON_DEFAULT_WIRE, 'latin1');
  const body = Buffer.concat([Buffer.from('#!/bin/sh\necho "package:check stand-in for the Electron binary" >&2\nexit 1\n'), Buffer.from(FUSE_SENTINEL), Buffer.from([1, wire.length]), wire, Buffer.alloc(16)]);
  writeFileSync(join(dir, 'electron'), body, { mode: 0o755 });
  writeFileSync(join(dir, 'LICENSE'), 'stand-in\n');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), 'stand-in\n');
}

/** electron-builder's CLI, exactly as `npm run package:linux` runs it, plus the stand-in and a scratch output folder. */
function runElectronBuilder(electronDist: string, output: string, configFile: string | null): { ok: boolean; log: string } {
  const cli = require.resolve('electron-builder/cli.js');
  const args = [cli, '--linux', 'dir', '--x64', '--publish', 'never', ...(configFile ? ['--config', configFile] : []), `-c.electronDist=${electronDist}`, '-c.npmRebuild=false', `-c.directories.output=${output}`];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: 180_000, env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } });
  return { ok: r.status === 0, log: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

async function readPayload(appAsar: string): Promise<Payload> {
  const asar = await import('@electron/asar');
  const files: string[] = [];
  const unpacked = new Set<string>();
  for (const entry of asar.listPackage(appAsar, { isPack: false })) {
    const rel = entry.replace(/\\/g, '/').replace(/^\//, '');
    const stat = asar.statFile(appAsar, rel, false) as { files?: unknown; link?: unknown; unpacked?: boolean };
    if (stat.files !== undefined || stat.link !== undefined) continue; // directories and links
    files.push(rel);
    if (stat.unpacked) unpacked.add(rel);
  }
  const unpackedOnDisk = new Set([...unpacked].filter((f) => existsSync(join(`${appAsar}.unpacked`, ...f.split('/')))));
  const outJs = new Map<string, string>();
  for (const f of files) if (f.startsWith('out/') && /\.[cm]?js$/.test(f)) outJs.set(f, asar.extractFile(appAsar, f).toString('utf8'));
  const packageJson = JSON.parse(asar.extractFile(appAsar, 'package.json').toString('utf8')) as Record<string, unknown>;
  const windowIcon = windowIconPath(readFileSync(join(ROOT, 'src-main', 'window.ts'), 'utf8'));
  return { files, unpacked, unpackedOnDisk, packageJson, outJs, windowIcon };
}

function dependencies(): { production: string[]; dev: string[] } {
  const ls = spawnSync('npm', ['ls', '--omit=dev', '--parseable', '--all'], { cwd: ROOT, encoding: 'utf8', shell: process.platform === 'win32', timeout: 60_000 });
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies?: Record<string, string> };
  return { production: productionNames(ls.stdout ?? ''), dev: Object.keys(pkg.devDependencies ?? {}) };
}

async function main(): Promise<void> {
  const all: Check[] = [];
  const section = (title: string, checks: Check[]): void => {
    console.log(`-- ${title}`);
    print(checks);
    all.push(...checks);
  };

  // The config as electron-builder reads it (electron-builder.yml, merged with any `extends`).
  const { getConfig } = require('app-builder-lib/out/util/config/config') as { getConfig: (dir: string, path: string | null, opts: unknown) => Promise<Record<string, unknown>> };
  // `--config FILE` checks another config instead of electron-builder.yml (a hand-run negative control).
  const at = process.argv.indexOf('--config');
  const configFile = at > 0 && process.argv[at + 1] ? resolve(process.argv[at + 1]!) : null;
  const config = await getConfig(ROOT, configFile, null);
  const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
  const builderVersion = (JSON.parse(readFileSync(require.resolve('app-builder-lib/package.json'), 'utf8')) as { version: string }).version;
  section('electron-builder.yml', [checkSchema(config, schema, builderVersion), ...checkIdentity(config), ...checkTargets(config), ...checkFuseConfig(config)]);
  section('icons (resources/)', checkIconFiles(join(ROOT, 'resources')));

  if (!existsSync(join(ROOT, 'out', 'main', 'index.js'))) {
    section('payload', [{ name: 'built app in out/', ok: false, detail: 'out/main/index.js is missing: run npm run build first' }]);
  } else {
    const electronDist = join(WORK, 'electron-stand-in');
    const output = join(WORK, 'dist');
    writeStubElectron(electronDist);
    rmSync(output, { recursive: true, force: true });
    const built = runElectronBuilder(electronDist, output, configFile);
    const appDir = join(output, 'linux-unpacked');
    const appAsar = join(appDir, 'resources', 'app.asar');
    section('electron-builder', [{ name: 'electron-builder packed the app (linux dir)', ok: built.ok && existsSync(appAsar), detail: built.ok ? posix.relative(ROOT.replace(/\\/g, '/'), appAsar.replace(/\\/g, '/')) : built.log.trim().split('\n').slice(-15).join('\n      ') }]);
    if (built.ok && existsSync(appAsar)) {
      const payload = await readPayload(appAsar);
      console.log(`   ${payload.files.length} files in app.asar, ${payload.unpacked.size} unpacked`);
      section('payload (app.asar)', checkPayload(payload, dependencies()));
      const { getCurrentFuseWire, FuseV1Options } = await import('@electron/fuses');
      const wire = (await getCurrentFuseWire(join(appDir, 'trunkdesk'))) as unknown as Record<number, number>;
      section('fuses', checkFuseWire(wire, FuseV1Options as unknown as Record<string, string | number>));
    }
  }

  const failed = all.filter((c) => !c.ok).length;
  console.log(`package:check: ${all.length - failed} of ${all.length} checks passed${failed ? `, ${failed} FAILED` : ''}`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((e: unknown) => {
  console.error('package:check could not run:', e);
  process.exitCode = 1;
});
