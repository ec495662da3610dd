// The judging half of `npm run package:check` (scripts/package-check.ts): pure functions over the parsed
// electron-builder config, the packed asar's listing and the packed binary's fuse wire, so the unit test
// (tests/unit/package-check.test.ts) can hand them a deliberately bad config or payload and see each caught.
import { posix } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';

export type Check = { name: string; ok: boolean; detail: string };

/**
 * The fuses every installer must carry (electron-builder.yml `electronFuses`), by their config key, and
 * the @electron/fuses option each one flips in the binary.
 */
export const REQUIRED_FUSES = {
  runAsNode: { value: false, option: 'RunAsNode' },
  enableNodeOptionsEnvironmentVariable: { value: false, option: 'EnableNodeOptionsEnvironmentVariable' },
  enableNodeCliInspectArguments: { value: false, option: 'EnableNodeCliInspectArguments' },
  onlyLoadAppFromAsar: { value: true, option: 'OnlyLoadAppFromAsar' },
  enableEmbeddedAsarIntegrityValidation: { value: true, option: 'EnableEmbeddedAsarIntegrityValidation' },
  enableCookieEncryption: { value: true, option: 'EnableCookieEncryption' },
  grantFileProtocolExtraPrivileges: { value: false, option: 'GrantFileProtocolExtraPrivileges' },
} as const;

/** The installers the release builds (issue 11): os → target → the archs it must name. */
export const REQUIRED_TARGETS = {
  mac: { dmg: ['universal'], zip: ['universal'] },
  win: { nsis: ['x64', 'arm64'] },
  linux: { AppImage: [], deb: [] },
} as const;

/** What the app needs at run time inside the asar, besides every production dependency. */
export const REQUIRED_FILES = ['package.json', 'out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
/** The only top-level entries the payload may hold: the build, its manifest, the window icon, production deps. */
export const ALLOWED_TOP_LEVEL = new Set(['out', 'package.json', 'resources', 'node_modules']);
/** Dependencies the renderer bundle contains (vite bundles them), so they must be in it and not shipped as packages. */
export const BUNDLED_INTO_RENDERER = [{ name: 'react', marker: /Symbol\.for\(["'`]react\.(transitional\.)?element["'`]\)/ }];

type AnyRecord = Record<string, unknown>;
const isRecord = (v: unknown): v is AnyRecord => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The config against electron-builder's own JSON schema (app-builder-lib/scheme.json), with the ajv
 * options app-builder-lib's validateConfiguration uses (util/config/schemaValidator.js). The config is
 * cloned first: coerceTypes rewrites the data it checks.
 */
const compiled = new WeakMap<object, ValidateFunction>();
export function checkSchema(config: unknown, schema: object, builderVersion = ''): Check {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = new Ajv({ allErrors: true, verbose: true, coerceTypes: true, strict: false }).compile(schema);
    compiled.set(schema, validate);
  }
  const ok = validate(structuredClone(config));
  const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf');
  const shown = (errors.length ? errors : (validate.errors ?? []))
    .slice(0, 5)
    .map((e) => `${e.instancePath || '/'} ${e.message}${e.keyword === 'additionalProperties' ? ` (${String((e.params as AnyRecord).additionalProperty)})` : ''}`);
  return {
    name: `config matches electron-builder${builderVersion ? ` ${builderVersion}` : ''}'s schema`,
    ok,
    detail: ok ? 'app-builder-lib/scheme.json' : shown.join('; '),
  };
}

/** Each required fuse, as the parsed config sets it (a missing fuse keeps Electron's default: a failure). */
export function checkFuseConfig(config: unknown): Check[] {
  const fuses = isRecord(config) && isRecord(config.electronFuses) ? config.electronFuses : {};
  return Object.entries(REQUIRED_FUSES).map(([key, { value }]) => {
    const actual = fuses[key];
    return { name: `fuse ${key} = ${value} (config)`, ok: actual === value, detail: actual === value ? 'set' : `is ${actual === undefined ? 'not set' : JSON.stringify(actual)}` };
  });
}

/**
 * Each required fuse as electron-builder flipped it in the packed binary. `wire` is @electron/fuses'
 * getCurrentFuseWire (option index → '0'/'1' char code); `options` its FuseV1Options enum.
 */
export function checkFuseWire(wire: Record<number, number>, options: Record<string, string | number>): Check[] {
  return Object.values(REQUIRED_FUSES).map(({ value, option }) => {
    const index = options[option];
    const state = typeof index === 'number' ? wire[index] : undefined;
    const want = value ? 0x31 : 0x30;
    const shown = state === undefined ? 'absent' : String.fromCharCode(state);
    return { name: `fuse ${option} = ${value ? 'on' : 'off'} (packed binary)`, ok: state === want, detail: state === want ? 'flipped by electron-builder' : `wire has ${shown}` };
  });
}

const archsOf = (entry: unknown): string[] => {
  if (!isRecord(entry)) return [];
  const arch = entry.arch;
  return Array.isArray(arch) ? arch.map(String) : arch === undefined ? [] : [String(arch)];
};

/** The installers of issue 11: every os names its targets, each with the archs it must build. */
export function checkTargets(config: unknown): Check[] {
  return Object.entries(REQUIRED_TARGETS).map(([os, targets]) => {
    const osConfig = isRecord(config) ? config[os] : undefined;
    const list = isRecord(osConfig) && Array.isArray(osConfig.target) ? osConfig.target : [];
    const missing: string[] = [];
    for (const [target, archs] of Object.entries(targets)) {
      const entry = list.find((t) => (isRecord(t) ? t.target : t) === target);
      if (entry === undefined) missing.push(target);
      else for (const arch of archs as readonly string[]) if (!archsOf(entry).includes(arch)) missing.push(`${target} ${arch}`);
    }
    const want = Object.entries(targets).map(([t, a]) => `${t}${(a as readonly string[]).length ? ` ${(a as readonly string[]).join('+')}` : ''}`).join(', ');
    return { name: `${os} installers: ${want}`, ok: missing.length === 0, detail: missing.length ? `missing ${missing.join(', ')}` : 'configured' };
  });
}

/** App id, product name and the trunkdesk:// scheme (deep links, handled in src-main). */
export function checkIdentity(config: unknown): Check[] {
  const c = isRecord(config) ? config : {};
  const protocols = Array.isArray(c.protocols) ? c.protocols : [];
  const schemes = protocols.flatMap((p) => (isRecord(p) ? (Array.isArray(p.schemes) ? p.schemes : [p.schemes]) : []));
  return [
    { name: 'appId and productName', ok: c.appId === 'com.trunkdesk.app' && c.productName === 'Trunkdesk', detail: `${String(c.appId)}, ${String(c.productName)}` },
    { name: 'trunkdesk:// URL scheme registered', ok: schemes.includes('trunkdesk'), detail: schemes.length ? `schemes: ${schemes.join(', ')}` : 'no protocols' },
  ];
}

export type Payload = {
  /** Every file in app.asar, relative ("out/main/index.js"), packed or unpacked. */
  files: string[];
  /** Files the asar header marks unpacked. */
  unpacked: Set<string>;
  /** Files that exist on disk under app.asar.unpacked (an unpacked entry with no file there breaks at run time). */
  unpackedOnDisk: Set<string>;
  /** The packed package.json. */
  packageJson: AnyRecord;
  /** The text of the packed JavaScript under out/ (path → text). */
  outJs: Map<string, string>;
  /** The window icon path as src-main/window.ts joins it to out/main (e.g. "../../resources/icon.png"). */
  windowIcon: string | null;
};

export type Deps = { production: string[]; dev: string[] };

const modulePackage = (files: string[], name: string): boolean => files.some((f) => f === `node_modules/${name}/package.json` || f.endsWith(`/node_modules/${name}/package.json`));

/** What must be in the payload and what must not. */
export function checkPayload(p: Payload, deps: Deps): Check[] {
  const files = new Set(p.files);
  const checks: Check[] = [];
  const add = (name: string, bad: string[], okDetail: string): void => {
    checks.push({ name, ok: bad.length === 0, detail: bad.length ? `${bad.slice(0, 6).join(', ')}${bad.length > 6 ? ` and ${bad.length - 6} more` : ''}` : okDetail });
  };

  add('app files present', REQUIRED_FILES.filter((f) => !files.has(f)), REQUIRED_FILES.join(', '));
  const main = p.packageJson.main;
  add('package.json main points into out/ and is packed', typeof main === 'string' && main.startsWith('out/') && files.has(posix.normalize(main)) ? [] : [`main is ${JSON.stringify(main)}`], String(main));
  const icon = p.windowIcon === null ? null : posix.normalize(posix.join('out/main', p.windowIcon));
  add('window icon resolves inside the asar', icon !== null && files.has(icon) ? [] : [icon === null ? 'icon path not found in src-main/window.ts' : `${icon} not packed`], String(icon));

  const missingProd = deps.production.filter((name) => !modulePackage(p.files, name));
  add(`production dependencies packed (${deps.production.length})`, missingProd, deps.production.filter((n) => ['keytar', 'undici', 'zod'].includes(n)).join(', ') + ' and the rest');
  const nativeFiles = p.files.filter((f) => f.endsWith('.node'));
  const keytarNative = nativeFiles.filter((f) => /(^|\/)node_modules\/keytar\//.test(f));
  add('keytar native module unpacked from the asar', keytarNative.length === 0 ? ['no keytar .node in the payload'] : keytarNative.filter((f) => !p.unpacked.has(f) || !p.unpackedOnDisk.has(f)), keytarNative.join(', '));
  add('every .node unpacked', nativeFiles.filter((f) => !p.unpacked.has(f) || !p.unpackedOnDisk.has(f)), `${nativeFiles.length} native file(s)`);

  const production = new Set(deps.production);
  const devOnly = deps.dev.filter((d) => !production.has(d));
  add(`no devDependencies (${devOnly.length} checked)`, devOnly.filter((name) => modulePackage(p.files, name)), 'none packed');
  for (const { name, marker } of BUNDLED_INTO_RENDERER) {
    const inRenderer = [...p.outJs].some(([path, text]) => path.startsWith('out/renderer/') && marker.test(text));
    add(`${name} bundled into the renderer, not shipped`, inRenderer && !modulePackage(p.files, name) ? [] : [inRenderer ? `node_modules/${name} packed` : `${name} not found in out/renderer`], 'in out/renderer');
  }
  add('no source maps', [...p.files.filter((f) => f.endsWith('.map')), ...[...p.outJs].filter(([, t]) => /[#@] sourceMappingURL=/.test(t)).map(([f]) => `${f} (sourceMappingURL)`)], 'no .map, no sourceMappingURL');
  add('no TypeScript sources', p.files.filter((f) => /\.(ts|tsx|mts|cts)$/.test(f)), 'none');
  add('no tests', p.files.filter((f) => /(^|\/)(test|tests|__tests__|spec)\//.test(f) || /\.(test|spec)\.[cm]?[jt]sx?$/.test(f)), 'none');
  add('only out/, package.json, resources/icon.png and node_modules/ at the top', [...new Set(p.files.map((f) => f.split('/')[0]!))].filter((top) => !ALLOWED_TOP_LEVEL.has(top)), [...ALLOWED_TOP_LEVEL].join(', '));
  add('resources/ holds the window icon only', p.files.filter((f) => f.startsWith('resources/') && f !== icon), icon ?? 'none');
  add('package.json carries no devDependencies or scripts', ['devDependencies', 'scripts'].filter((k) => k in p.packageJson), 'stripped by electron-builder');
  return checks;
}

/** `join(__dirname, '<this>')` of the window icon in src-main/window.ts, or null. */
export function windowIconPath(windowTs: string): string | null {
  const m = /icon:\s*join\(\s*__dirname\s*,\s*['"]([^'"]+)['"]\s*\)/.exec(windowTs);
  return m ? m[1]! : null;
}

/** Production package names from `npm ls --omit=dev --parseable --all` (one absolute path a line; the first is the app). */
export function productionNames(parseable: string): string[] {
  const names = new Set<string>();
  for (const line of parseable.split(/\r?\n/)) {
    const m = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)$/.exec(line.trim());
    if (m) names.add(m[1]!.replace(/\\/g, '/'));
  }
  return [...names].sort();
}
