// The negative control of `npm run package:check` (scripts/package-check.ts): its judging functions pass
// the real electron-builder.yml and a payload shaped like the real one, and catch each thing that must
// never ship or never be set: a fuse flipped back, a test file, a source map, a dev dependency, a source
// file, a native module left in the asar, a schema-invalid key, stale or damaged icons.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIconFiles } from '../../scripts/icon-files';
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
  type Deps,
  type Payload,
} from '../../scripts/package-judge';

const ROOT = resolve(__dirname, '../..');
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
const failing = (checks: Check[]): string[] => checks.filter((c) => !c.ok).map((c) => c.name);

let config: Record<string, unknown>;
beforeAll(async () => {
  // The config exactly as electron-builder parses electron-builder.yml.
  const { getConfig } = require('app-builder-lib/out/util/config/config') as { getConfig: (dir: string, path: string | null, opts: unknown) => Promise<Record<string, unknown>> };
  config = await getConfig(ROOT, null, null);
});
const withConfig = (edit: (c: Record<string, any>) => void): Record<string, unknown> => {
  const c = structuredClone(config) as Record<string, any>;
  edit(c);
  return c;
};

describe('the builder config', () => {
  it('the real electron-builder.yml passes every config check', () => {
    expect(checkSchema(config, schema).ok).toBe(true);
    expect(failing([...checkFuseConfig(config), ...checkTargets(config), ...checkIdentity(config)])).toEqual([]);
    expect(checkFuseConfig(config)).toHaveLength(7);
  });

  it('catches each fuse flipped back or left out', () => {
    expect(failing(checkFuseConfig(withConfig((c) => (c.electronFuses.runAsNode = true))))).toEqual(['fuse runAsNode = false (config)']);
    expect(failing(checkFuseConfig(withConfig((c) => (c.electronFuses.enableEmbeddedAsarIntegrityValidation = false))))).toEqual(['fuse enableEmbeddedAsarIntegrityValidation = true (config)']);
    expect(failing(checkFuseConfig(withConfig((c) => delete c.electronFuses.enableNodeCliInspectArguments)))).toEqual(['fuse enableNodeCliInspectArguments = false (config)']);
    // A string "false" is not false: electron-builder's coerceTypes would accept it in the schema, the fuse check does not.
    expect(failing(checkFuseConfig(withConfig((c) => (c.electronFuses.enableNodeOptionsEnvironmentVariable = 'false'))))).toEqual(['fuse enableNodeOptionsEnvironmentVariable = false (config)']);
    expect(failing(checkFuseConfig(withConfig((c) => delete c.electronFuses)))).toHaveLength(7);
  });

  it('catches a schema-invalid key, a misspelt fuse and a wrong type', () => {
    const unknownKey = checkSchema(withConfig((c) => (c.electronFuse = { runAsNode: false })), schema);
    expect(unknownKey.ok).toBe(false);
    expect(unknownKey.detail).toContain('electronFuse');
    const misspelt = checkSchema(withConfig((c) => (c.electronFuses.runAsNod = false)), schema);
    expect(misspelt.ok).toBe(false);
    expect(misspelt.detail).toContain('runAsNod');
    expect(checkSchema(withConfig((c) => (c.asarUnpack = { glob: '**/*.node' })), schema).ok).toBe(false);
  });

  it('catches a missing installer target or arch and a missing URL scheme', () => {
    expect(failing(checkTargets(withConfig((c) => (c.win.target = [{ target: 'nsis', arch: ['x64'] }]))))).toEqual(['win installers: nsis x64+arm64']);
    expect(failing(checkTargets(withConfig((c) => (c.mac.target = [{ target: 'dmg', arch: 'universal' }]))))).toEqual(['mac installers: dmg universal, zip universal']);
    expect(failing(checkTargets(withConfig((c) => (c.linux.target = ['AppImage']))))).toEqual(['linux installers: AppImage, deb']);
    expect(failing(checkIdentity(withConfig((c) => delete c.protocols)))).toEqual(['trunkdesk:// URL scheme registered']);
  });
});

describe('the packed binary fuse wire', () => {
  // @electron/fuses' FuseV1Options, index by name; '0' is 0x30, '1' is 0x31.
  const options = { RunAsNode: 0, EnableCookieEncryption: 1, EnableNodeOptionsEnvironmentVariable: 2, EnableNodeCliInspectArguments: 3, EnableEmbeddedAsarIntegrityValidation: 4, OnlyLoadAppFromAsar: 5, LoadBrowserProcessSpecificV8Snapshot: 6, GrantFileProtocolExtraPrivileges: 7 };
  const wireOf = (s: string): Record<number, number> => Object.fromEntries([...s].map((ch, i) => [i, ch.charCodeAt(0)]));
  it('passes a wire flipped as configured and catches Electron defaults left in', () => {
    expect(failing(checkFuseWire(wireOf('01001100'), options))).toEqual([]);
    expect(failing(checkFuseWire(wireOf('11001100'), options))).toEqual(['fuse RunAsNode = off (packed binary)']);
    // Electron's own defaults: every required fuse is wrong.
    expect(failing(checkFuseWire(wireOf('10110001'), options))).toHaveLength(7);
    // A wire too short for a fuse (an older Electron) is not a pass.
    expect(failing(checkFuseWire(wireOf('010011'), options))).toEqual(['fuse GrantFileProtocolExtraPrivileges = off (packed binary)']);
  });
});

describe('the payload', () => {
  const deps: Deps = { production: ['keytar', 'node-addon-api', 'undici', 'zod', 'semver'], dev: ['vitest', 'playwright', 'electron', 'react', 'semver'] };
  const good = (): Payload => ({
    files: [
      'package.json',
      'out/main/index.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'out/renderer/assets/index-abc.js',
      'resources/icon.png',
      'node_modules/keytar/package.json',
      'node_modules/keytar/lib/keytar.js',
      'node_modules/keytar/build/Release/keytar.node',
      'node_modules/node-addon-api/package.json',
      'node_modules/undici/package.json',
      'node_modules/zod/package.json',
      'node_modules/semver/package.json',
    ],
    unpacked: new Set(['node_modules/keytar/build/Release/keytar.node']),
    unpackedOnDisk: new Set(['node_modules/keytar/build/Release/keytar.node']),
    packageJson: { name: 'trunkdesk', main: 'out/main/index.js', dependencies: {} },
    outJs: new Map([
      ['out/main/index.js', '"use strict";require("keytar");'],
      ['out/renderer/assets/index-abc.js', 'var t=Symbol.for(`react.transitional.element`);'],
    ]),
    windowIcon: '../../resources/icon.png',
  });
  const edit = (change: (p: Payload) => void): Payload => {
    const p = good();
    change(p);
    return p;
  };

  it('a payload shaped like the real one passes, semver (both a dev and a production dependency) included', () => {
    expect(failing(checkPayload(good(), deps))).toEqual([]);
  });

  it('catches a test file, a source map, a dev dependency, sources and scratch files', () => {
    expect(failing(checkPayload(edit((p) => p.files.push('tests/unit/crypto.test.ts')), deps))).toEqual(['no TypeScript sources', 'no tests', 'only out/, package.json, resources/icon.png and node_modules/ at the top']);
    expect(failing(checkPayload(edit((p) => p.files.push('out/main/helpers.test.js')), deps))).toEqual(['no tests']);
    expect(failing(checkPayload(edit((p) => p.files.push('out/main/index.js.map')), deps))).toEqual(['no source maps']);
    expect(failing(checkPayload(edit((p) => p.outJs.set('out/main/index.js', 'x();\n//# sourceMappingURL=index.js.map')), deps))).toEqual(['no source maps']);
    expect(failing(checkPayload(edit((p) => p.files.push('node_modules/vitest/package.json', 'node_modules/vitest/dist/index.js')), deps))).toEqual(['no devDependencies (4 checked)']);
    expect(failing(checkPayload(edit((p) => p.files.push('src-main/index.ts')), deps))).toEqual(['no TypeScript sources', 'only out/, package.json, resources/icon.png and node_modules/ at the top']);
    expect(failing(checkPayload(edit((p) => p.files.push('.tmp/vitest.json')), deps))).toEqual(['only out/, package.json, resources/icon.png and node_modules/ at the top']);
    expect(failing(checkPayload(edit((p) => p.files.push('resources/icon.svg')), deps))).toEqual(['resources/ holds the window icon only']);
    expect(failing(checkPayload(edit((p) => (p.packageJson.devDependencies = { vitest: '4' })), deps))).toEqual(['package.json carries no devDependencies or scripts']);
  });

  it('catches react shipped as a package, or missing from the renderer bundle', () => {
    expect(failing(checkPayload(edit((p) => p.files.push('node_modules/react/package.json')), deps))).toEqual(['no devDependencies (4 checked)', 'react bundled into the renderer, not shipped']);
    expect(failing(checkPayload(edit((p) => p.outJs.delete('out/renderer/assets/index-abc.js')), deps))).toEqual(['react bundled into the renderer, not shipped']);
  });

  it('catches keytar left inside the asar, an unpacked file missing on disk, and a missing production dependency', () => {
    expect(failing(checkPayload(edit((p) => p.unpacked.clear()), deps))).toEqual(['keytar native module unpacked from the asar', 'every .node unpacked']);
    expect(failing(checkPayload(edit((p) => p.unpackedOnDisk.clear()), deps))).toEqual(['keytar native module unpacked from the asar', 'every .node unpacked']);
    expect(failing(checkPayload(edit((p) => (p.files = p.files.filter((f) => !f.startsWith('node_modules/undici/')))), deps))).toEqual(['production dependencies packed (5)']);
  });

  it('catches a main outside out/, a missing entry and a window icon path that does not resolve in the asar', () => {
    expect(failing(checkPayload(edit((p) => (p.packageJson.main = 'src-main/index.ts')), deps))).toEqual(['package.json main points into out/ and is packed']);
    expect(failing(checkPayload(edit((p) => (p.files = p.files.filter((f) => f !== 'out/preload/index.cjs'))), deps))).toEqual(['app files present']);
    expect(failing(checkPayload(edit((p) => (p.windowIcon = '../../../resources/icon.png')), deps))).toContain('window icon resolves inside the asar');
  });

  it('reads the window icon path from the real src-main/window.ts and production names from npm ls output', () => {
    expect(windowIconPath(readFileSync(join(ROOT, 'src-main/window.ts'), 'utf8'))).toBe('../../resources/icon.png');
    expect(productionNames('/app\n/app/node_modules/keytar\n/app/node_modules/@scope/pkg\n/app/node_modules/a/node_modules/b\nC:\\app\\node_modules\\zod\n')).toEqual(['@scope/pkg', 'b', 'keytar', 'zod']);
  });
});

describe('the icon files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'trunkdesk-icons-'));
    mkdirSync(join(dir, 'icons'));
    for (const f of readdirSync(join(ROOT, 'resources'), { recursive: true, withFileTypes: true })) {
      if (!f.isFile()) continue;
      const rel = join(f.parentPath, f.name).slice(join(ROOT, 'resources').length + 1);
      copyFileSync(join(ROOT, 'resources', rel), join(dir, rel));
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the committed icons pass, and a changed SVG, a damaged ico, a truncated icns or a wrong-size PNG is caught', () => {
    expect(failing(checkIconFiles(dir))).toEqual([]);
    const svg = readFileSync(join(dir, 'icon.svg'));
    writeFileSync(join(dir, 'icon.svg'), Buffer.concat([svg, Buffer.from('<!-- changed -->')]));
    expect(failing(checkIconFiles(dir))).toEqual(['icons made from the current icon.svg']);
    writeFileSync(join(dir, 'icon.svg'), svg);

    const ico = readFileSync(join(dir, 'icon.ico'));
    writeFileSync(join(dir, 'icon.ico'), Buffer.concat([Buffer.from([0, 0, 2, 0]), ico.subarray(4)])); // a cursor file, not an icon
    const icns = readFileSync(join(dir, 'icon.icns'));
    writeFileSync(join(dir, 'icon.icns'), icns.subarray(0, icns.length - 100));
    copyFileSync(join(dir, 'icons/16x16.png'), join(dir, 'icons/32x32.png'));
    expect(failing(checkIconFiles(dir))).toEqual(['PNG icons (Linux and window)', 'icon.icns (macOS)', 'icon.ico (Windows)']);
  });
});
