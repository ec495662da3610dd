// Issue 10, "IPC fuzzing": every channel of the contract (iterated from CHANNELS, so a new channel
// is fuzzed without touching this file) gets ≥ 500 generated inputs through the real router and
// the real handlers, against the simulator over loopback HTTP, with a real profile of each
// provider so ids point at real things. Every answer must be a clean Result (valid per the
// channel's output schema, or an error of the closed set that is not a crash papered over), no
// file may appear outside the data directory, and no request may go to any host but the
// simulator (a trap server's URL rides in url-looking fields). The sender check is tested with
// the frame shapes Electron gives. Each part has a deliberately broken control that must be caught.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import fc from 'fast-check';
import { Agent, type Dispatcher } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHANNELS, ipcName, type Channel } from '../../src-preload/channels';
import { contract, ErrorDTO, type Result } from '../../src-preload/contract';
import { createDispatcher, type Handlers } from '../../src-main/ipc/router';
import { checkSender, type IpcSenderInfo, type SenderPolicy, type SenderVerdict } from '../../src-main/ipc/trusted-sender';
import { toErrorDTO } from '../../src-main/net/errors';
import { configureVocobaseLimits } from '../../src-main/providers/vocobase';
import { DEMO_PARTNERS } from '../sim/data';
import { DEMO_VOCOBASE } from '../sim/vocobase-data';
import { DEMO_VOIPBIN } from '../sim/voipbin-data';
import { startSimulator, type Simulator } from '../sim/server';
import { mainApp, type MainApp } from '../integration/support';
import { recordFigures } from './figures';
import { channelInput, hostileString } from './fuzz-inputs';

const SEED = Number(process.env.FUZZ_SEED ?? 20261002);
const RUNS = Number(process.env.FUZZ_RUNS ?? 500);
const CALL_TIMEOUT_MS = 15_000;

// Every os.tmpdir() user (the app, its libraries, tests/support/tmp.ts) writes under a root of
// this file's own, so "a file outside the data dir" can be seen without other runs' noise.
const REAL_TMP = tmpdir();
const FUZZ_ROOT = mkdtempSync(join(REAL_TMP, 'trunkdesk-fuzz-'));
const SAVED_TMPDIR = process.env.TMPDIR;
process.env.TMPDIR = FUZZ_ROOT;

// Unhandled rejections and uncaught exceptions while this file runs.
const stray = { rejections: 0, exceptions: 0, samples: [] as string[] };
const onRejection = (e: unknown) => {
  stray.rejections++;
  stray.samples.push(String(e).slice(0, 200));
};
const onException = (e: unknown) => {
  stray.exceptions++;
  stray.samples.push(String(e).slice(0, 200));
};
process.on('unhandledRejection', onRejection);
process.on('uncaughtException', onException);

// ---------------------------------------------------------------------------------------------
// The world: simulator, trap, the app (its HTTP through the real undici Agent, composed with an
// interceptor that logs every origin and sends anything not the simulator's to the trap instead
// of the internet).
let sim: Simulator;
let trap: Server;
let trapUrl: string;
let trapHits = 0;
const foreign: string[] = [];
let app: MainApp;
let exportDir: string;

function origin(o: Dispatcher.DispatchOptions['origin']): string {
  return o === undefined ? '(none)' : new URL(String(o)).origin;
}

beforeAll(async () => {
  sim = await startSimulator({ quiet: true });
  trap = createServer((req, res) => {
    trapHits++;
    req.resume();
    res.writeHead(404, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((r) => trap.listen(0, '127.0.0.1', r));
  const addr = trap.address();
  if (!addr || typeof addr === 'string') throw new Error('trap did not listen');
  trapUrl = `http://127.0.0.1:${addr.port}`;
  const simOrigin = new URL(sim.url).origin;
  const dispatcher = new Agent({ connections: 8 }).compose((dispatch) => (opts, handler) => {
    const o = origin(opts.origin);
    if (o === simOrigin) return dispatch(opts, handler);
    foreign.push(`${opts.method} ${o}${String(opts.path).slice(0, 60)}`);
    return dispatch({ ...opts, origin: trapUrl }, handler);
  });
  // Vocobase allows 60 requests a minute per key, and main keeps to that; the simulator and main
  // both shrink the window to a second (the knob the Vocobase tests use), so thousands of fuzzed
  // calls are not mostly spent waiting for a free slot.
  sim.setFaults({ vocobaseWindowMs: 1_000 });
  configureVocobaseLimits({ windowMs: 1_000 });
  app = await mainApp({ http: { maxRetries: 0, dispatcher } });
  exportDir = join(FUZZ_ROOT, 'exports-chosen-by-test');
  mkdirSync(exportDir);
  // The save dialog "chooses" a file the test made room for: where an export goes is the admin's choice.
  app.platform.nextSavePath = join(exportDir, 'credentials.csv');
}, 60_000);

afterAll(async () => {
  process.off('unhandledRejection', onRejection);
  process.off('uncaughtException', onException);
  await app?.services.close().catch(() => undefined);
  await sim?.close();
  configureVocobaseLimits();
  await new Promise<void>((r) => (trap ? trap.close(() => r()) : r()));
  if (SAVED_TMPDIR === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = SAVED_TMPDIR;
  rmSync(FUZZ_ROOT, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// Real things for ids to point at: a profile of each provider (and a Vobiz sign-in session),
// an account and a credential of each, a few generated-password handles and an exported file.
interface Target {
  profileId: string;
  customerAuthId: string;
  credentialId: string;
  kind: 'vobiz' | 'voipbin' | 'vocobase';
}
interface Fixtures {
  targets: Target[];
  sessionId: string;
  secretIds: string[];
  fileId: string;
}

type Obj = Record<string, unknown>;
const NORTHWIND = DEMO_PARTNERS.find((p) => p.authId === 'PA_NWND2026')!;
// The session profile is another partner's: one partner account is one profile.
const BLUEFJORD = DEMO_PARTNERS.find((p) => p.authId === 'PA_BFJD3141')!;
const SAFFRON = DEMO_PARTNERS.find((p) => p.authId === 'PA_SAFV0404')!;

async function value(c: Channel, input: unknown): Promise<Obj> {
  const r = await app.call(c, input);
  if (!r.ok) throw new Error(`fixture ${c}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

let cached: Fixtures | undefined;
/**
 * The fixtures, remade when a fuzzed call may have spent them (a removed profile, a deleted
 * credential); the generated-password handles are fresh for every channel (revealing spends one).
 */
async function fixtures(spent = false): Promise<Fixtures> {
  const ids = new Set(((await value('listProfiles', {})).profiles as Array<{ id: string }>).map((p) => p.id));
  if (!cached || spent || ![...cached.targets.map((t) => t.profileId), cached.sessionId].every((id) => ids.has(id))) cached = await makeFixtures();
  const secretIds: string[] = [];
  for (let i = 0; i < 8; i++) secretIds.push((await value('generatePassword', {})).secretId as string);
  return { ...cached, secretIds };
}

async function makeFixtures(): Promise<Fixtures> {
  const list = async () => (await value('listProfiles', {})).profiles as Array<{ id: string; provider: string; authMode: string }>;
  const find = async (provider: string, mode: string) => (await list()).find((p) => p.provider === provider && p.authMode === mode)?.id;
  const ensure = async (provider: string, mode: string, add: () => Promise<unknown>) => {
    const id = await find(provider, mode);
    if (id) return id;
    await add();
    const made = await find(provider, mode);
    if (!made) throw new Error(`fixture profile ${provider}/${mode} could not be added`);
    return made;
  };
  const vobiz = await ensure('vobiz', 'token', () =>
    value('addProfile', { displayName: 'Fuzz Vobiz', authId: NORTHWIND.authId, token: NORTHWIND.token, baseUrl: sim.partnerBaseUrl }),
  );
  const sessionId = await ensure('vobiz', 'session', () =>
    value('addSessionProfile', { displayName: 'Fuzz session', email: BLUEFJORD.email, password: BLUEFJORD.password, baseUrl: sim.partnerBaseUrl }),
  );
  const voipbin = await ensure('voipbin', 'login', () =>
    value('addProviderProfile', {
      method: 'voipbin-login',
      displayName: 'Fuzz VoIPBIN',
      username: DEMO_VOIPBIN.logins.admin.username,
      password: DEMO_VOIPBIN.logins.admin.password,
      baseUrl: sim.voipbinBaseUrl,
    }),
  );
  const vocobase = await ensure('vocobase', 'apikey', () =>
    value('addProviderProfile', { method: 'vocobase-key', displayName: 'Fuzz Vocobase', apiKey: DEMO_VOCOBASE.cinder.key, baseUrl: sim.vocobaseBaseUrl }),
  );
  const targets: Target[] = [];
  for (const [profileId, kind] of [
    [vobiz, 'vobiz'],
    [voipbin, 'voipbin'],
    [vocobase, 'vocobase'],
  ] as const) {
    const customers = (await value('listCustomers', { profileId, perPage: 100 })).items as Array<{ authId: string; name: string; isActive: boolean }>;
    // A Vobiz customer with credentials (Harborlight has 47); the one account of the others.
    const account = customers.find((c) => /harborlight/i.test(c.name)) ?? customers.find((c) => c.isActive) ?? customers[0];
    if (!account) throw new Error(`no account under ${kind}`);
    await app.call('selectCustomer', { profileId, customerAuthId: account.authId });
    await app.call('syncAccount', { profileId, customerAuthId: account.authId, syncId: 'y_fixture01' });
    const creds = await app.call('listCredentials', { profileId, customerAuthId: account.authId, limit: 100 });
    const items = creds.ok ? (creds.value.items as Array<{ id: string }>) : [];
    targets.push({ profileId, customerAuthId: account.authId, credentialId: items[items.length - 1]?.id ?? 'missing-credential', kind });
  }
  const secretIds: string[] = [];
  const t0 = targets[0]!;
  const exported = await value('exportCredentials', { profileId: t0.profileId, customerAuthId: t0.customerAuthId });
  return { targets, sessionId, secretIds, fileId: (exported.fileId as string | null) ?? 'f_0000000000000000' };
}

/**
 * Valid inputs of each channel, to be mutated field by field. A channel missing here is still
 * fuzzed (from `{}` and junk), and the figures name it, so a new channel is never skipped silently.
 */
function validBases(fx: Fixtures): Partial<Record<Channel, Obj[]>> {
  const T = fx.targets;
  const acct = (t: Target) => ({ profileId: t.profileId, customerAuthId: t.customerAuthId });
  const cred = (t: Target) => ({ ...acct(t), credentialId: t.credentialId });
  const secret = fx.secretIds.map((secretId) => ({ secretId }));
  // Base URLs the schema must refuse (plain http off this machine, other schemes): a base URL is
  // where a profile's requests are meant to go, so an accepted foreign one is not a leak.
  const refusedBaseUrls = ['http://evil.example/api', 'file:///etc/passwd', 'javascript:alert(1)', 'ftp://127.0.0.1/'];
  const newCredential: Record<Target['kind'], Obj> = {
    vobiz: { kind: 'sip', username: 'fuzzsip1', password: { kind: 'typed', value: 'Fuzz12!ab' } },
    voipbin: { kind: 'extension', username: 'fuzzext1', name: 'Fuzz ext', password: { kind: 'generated', secretId: fx.secretIds[0] } },
    vocobase: { kind: 'connection', username: 'fuzzconn1', name: 'Fuzz conn', sipHost: 'sip.example.com', didNumber: '+14155550100', transport: 'UDP', allowedIps: ['203.0.113.7'], password: { kind: 'typed', value: 'Fuzz12!ab' } },
  };
  return {
    listProfiles: [{}],
    addProfile: [
      { displayName: 'Fuzz added', provider: 'vobiz', authId: SAFFRON.authId, token: SAFFRON.token, baseUrl: sim.partnerBaseUrl },
      ...refusedBaseUrls.map((baseUrl) => ({ displayName: 'Fuzz bad url', authId: 'PA_BFJD3141', token: 'bluefjord-demo-token', baseUrl })),
    ],
    switchProfile: T.map((t) => ({ id: t.profileId })),
    renameProfile: T.map((t) => ({ id: t.profileId, displayName: 'Fuzz renamed' })),
    rotateProfileToken: [{ id: T[0]!.profileId, token: NORTHWIND.token }],
    removeProfile: [...T.map((t) => ({ id: t.profileId })), { id: fx.sessionId }],
    getPartner: [{}, ...T.map((t) => ({ profileId: t.profileId }))],
    addSessionProfile: [{ displayName: 'Fuzz session 2', provider: 'vobiz', email: SAFFRON.email, password: SAFFRON.password, baseUrl: sim.partnerBaseUrl }],
    addProviderProfile: [
      { method: 'voipbin-login', displayName: 'Fuzz VB', username: DEMO_VOIPBIN.logins.admin.username, password: DEMO_VOIPBIN.logins.admin.password, baseUrl: sim.voipbinBaseUrl, realmBase: 'registrar.example.net' },
      { method: 'voipbin-accesskey', displayName: 'Fuzz VB key', accessKey: 'vb_0000000000abcdef', baseUrl: sim.voipbinBaseUrl },
      { method: 'vocobase-key', displayName: 'Fuzz VC', apiKey: DEMO_VOCOBASE.cinder.key, baseUrl: sim.vocobaseBaseUrl },
      ...refusedBaseUrls.map((baseUrl) => ({ method: 'vocobase-key', displayName: 'Fuzz VC bad', apiKey: DEMO_VOCOBASE.cinder.key, baseUrl })),
    ],
    signIn: [{ id: fx.sessionId, password: BLUEFJORD.password }],
    signOut: [{ id: fx.sessionId }],
    listCustomers: T.map((t) => ({ profileId: t.profileId, page: 1, perPage: 20, search: 'a', sort: { field: 'name', dir: 'asc' } })),
    selectCustomer: T.map(acct),
    setCustomerToken: T.map((t) => ({ ...acct(t), token: 'fuzz-customer-token' })),
    createCustomer: [{ profileId: T[0]!.profileId, name: 'Fuzz Customer', email: 'fuzz@example.com', password: 'Fuzz12345', country: 'IN', phone: '+919876543210', company: 'Fuzz Ltd' }],
    listCredentials: T.map((t) => ({ ...acct(t), limit: 20, offset: 0, sort: { field: 'username', dir: 'asc' }, filter: { username: 'a', enabled: true, createdFrom: '2020-01-01' } })),
    generatePassword: [{}],
    revealPassword: secret,
    copyPassword: secret,
    discardPassword: secret,
    credentialSettings: T.map(cred),
    storedPassword: T.map(cred),
    createCredential: T.map((t) => ({ ...acct(t), ...newCredential[t.kind] })),
    updateCredential: T.flatMap((t) => [
      { ...cred(t), enabled: false },
      { ...cred(t), name: 'Fuzz name', detail: 'fuzz' },
      { ...cred(t), password: { kind: 'typed', value: 'Fuzz12!cd' } },
    ]),
    deleteCredential: T.map(cred),
    bulkCredentials: T.flatMap((t) => [
      { ...acct(t), bulkId: 'b_fuzz0001', action: 'disable', selection: { ids: [t.credentialId] } },
      { ...acct(t), bulkId: 'b_fuzz0002', action: 'enable', selection: { matching: { username: 'zz' }, except: [], also: [] } },
    ]),
    cancelBulk: [{ bulkId: 'b_fuzz0001' }],
    exportCredentials: T.map((t) => ({ ...acct(t), sort: { field: 'username', dir: 'desc' }, filter: { enabled: true } })),
    showExportedFile: [{ fileId: fx.fileId }],
    syncAccount: T.map((t) => ({ ...acct(t), syncId: 'y_fuzz0001' })),
    syncAll: T.map((t) => ({ profileId: t.profileId, syncId: 'y_fuzz0002' })),
    cancelSync: [{ syncId: 'y_fuzz0001' }],
    listSyncReports: T.map((t) => ({ profileId: t.profileId })),
    getConnectivity: [{}],
    searchCredentials: T.map((t) => ({ profileId: t.profileId, query: 'a', limit: 50 })),
    quickSwitch: [{ query: 'Fuzz', limit: 10 }],
    // Logs and diagnostics (issue 11)
    copyDiagnostics: [{}],
    openLogsFolder: [{}],
    // trunkdesk:// links (issue 11 §6)
    takePendingLink: [{}],
    // Network settings (issue 11 §4): inputs are empty on purpose; a path in one must be refused.
    getNetworkSettings: [{}],
    chooseCaCertificate: [{}],
    clearCaCertificate: [{}],
  };
}

// ---------------------------------------------------------------------------------------------
// The checker: one answer, clean or not.
const GENERIC_INTERNAL = toErrorDTO(new Error('x')).message;
const resultSchemas = new Map<Channel, z.ZodType>(
  CHANNELS.map((c) => [c, z.union([z.strictObject({ ok: z.literal(true), value: contract[c].output }), z.strictObject({ ok: z.literal(false), error: ErrorDTO })])]),
);

type Verdict = 'ok' | 'error' | 'crash' | 'unclean';
interface Tally {
  sent: number;
  crashes: number;
  unclean: number;
  okAnswers: number;
  samples: string[];
}
const newTally = (): Tally => ({ sent: 0, crashes: 0, unclean: 0, okAnswers: 0, samples: [] });

type Caller = (c: Channel, input: unknown) => Promise<unknown>;

function describeInput(input: unknown): string {
  try {
    const s = JSON.stringify(input, (_k, v) => (typeof v === 'string' && v.length > 80 ? `${v.slice(0, 40)}…(${v.length})` : typeof v === 'bigint' ? `${v}n` : v));
    return (s ?? String(input)).slice(0, 300);
  } catch {
    return String(input).slice(0, 300);
  }
}

async function callOnce(call: Caller, c: Channel, input: unknown, t: Tally): Promise<Verdict> {
  t.sent++;
  let answer: unknown;
  try {
    let timer: NodeJS.Timeout | undefined;
    answer = await Promise.race([
      call(c, input),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer in ${CALL_TIMEOUT_MS} ms`)), CALL_TIMEOUT_MS))),
    ]).finally(() => clearTimeout(timer));
  } catch (e) {
    t.crashes++;
    if (t.samples.length < 5) t.samples.push(`${c} threw ${String(e).slice(0, 120)} on ${describeInput(input)}`);
    return 'crash';
  }
  const parsed = resultSchemas.get(c)!.safeParse(answer);
  if (!parsed.success) {
    t.unclean++;
    if (t.samples.length < 5) t.samples.push(`${c} unclean answer ${describeInput(answer)} on ${describeInput(input)}: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
    return 'unclean';
  }
  const r = parsed.data as Result<unknown>;
  // The router turns a handler's raw throw (or a non-DTO answer) into this generic INTERNAL: a
  // crash the router papered over, counted as one.
  if (!r.ok && r.error.code === 'INTERNAL' && r.error.message === GENERIC_INTERNAL) {
    t.crashes++;
    if (t.samples.length < 5) t.samples.push(`${c} handler crashed (generic INTERNAL) on ${describeInput(input)}`);
    return 'crash';
  }
  if (r.ok) t.okAnswers++;
  return r.ok ? 'ok' : 'error';
}

/**
 * Creating the same name twice is a CONFLICT, so a run that kept the bases' names would exercise
 * create once and the conflict path 499 times: each input that still carries a base's name gets a
 * fresh one (mutated names are left as the fuzzer made them).
 */
const BASE_NAMES: Partial<Record<Channel, Record<string, RegExp>>> = {
  createCredential: { username: /^(fuzzsip|fuzzext|fuzzconn)1$/ },
  // (The partner's max_accounts soon refuses more customers, whatever their email: a real 403.)
  createCustomer: { email: /^fuzz@example\.com$/ },
};
function freshen(c: Channel, input: unknown, n: number): unknown {
  const rules = BASE_NAMES[c];
  if (!rules || !input || typeof input !== 'object' || Array.isArray(input)) return input;
  const out = { ...(input as Obj) };
  for (const [key, re] of Object.entries(rules)) {
    const v = out[key];
    if (typeof v === 'string' && re.test(v)) out[key] = key === 'email' ? v.replace('@', `+${n}@`) : `${v.slice(0, -1)}${n}`;
  }
  return out;
}

async function fuzzChannel(call: Caller, c: Channel, bases: Obj[], t: Tally, runs = RUNS): Promise<void> {
  const keepKeys = c.startsWith('add') ? ['baseUrl'] : [];
  let n = 0;
  await fc.assert(
    fc.asyncProperty(channelInput(bases, trapUrl, keepKeys), async (input) => {
      await callOnce(call, c, freshen(c, input, ++n), t);
      return true; // counted, not thrown: the figures report every miss, not the first shrunk one
    }),
    { numRuns: runs, seed: SEED, endOnFailure: true },
  );
}

function filesOutside(allowed: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (allowed.some((a) => p === a || p.startsWith(a + sep))) continue;
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(FUZZ_ROOT, p));
    }
  };
  walk(FUZZ_ROOT);
  return out;
}

// ---------------------------------------------------------------------------------------------
describe('IPC fuzzing', () => {
  it(`every channel answers ${RUNS} hostile and valid-shaped inputs with a clean Result`, async () => {
    console.log(`[ipc-fuzz] seed ${SEED} (FUZZ_SEED=${SEED} reproduces), ${RUNS} runs per channel, ${CHANNELS.length} channels`);
    const started = Date.now();
    const realTmpBefore = new Set(readdirSync(REAL_TMP));
    const tally = newTally();
    const perChannel: string[] = [];
    const withoutBase: Channel[] = [];
    let basesInvalid = 0;
    let previous = '';
    for (const c of CHANNELS) {
      const fx = await fixtures(/remove|delete|bulk|rotate|signOut/i.test(previous));
      previous = c;
      const bases = validBases(fx)[c];
      if (!bases) withoutBase.push(c);
      // A base that does not parse would leave the handler unexercised: count it.
      for (const b of bases ?? []) if (!contract[c].input.safeParse(b).success && !('baseUrl' in b && /evil|file:|javascript:|ftp:/.test(String(b.baseUrl)))) basesInvalid++;
      const before = { ...tally };
      const t0 = Date.now();
      await fuzzChannel(app.call, c, bases ?? [{}], tally);
      perChannel.push(`${c}: ${tally.sent - before.sent} sent, ${tally.okAnswers - before.okAnswers} ok, ${Date.now() - t0} ms`);
    }
    await new Promise((r) => setTimeout(r, 200)); // let a late rejection surface before counting
    const outside = filesOutside([app.dataDir, app.logDir, exportDir]);
    // Anything that appeared in the real temp dir under a name that can only be ours.
    const strayTmp = readdirSync(REAL_TMP).filter((n) => !realTmpBefore.has(n) && /passwd|win\.ini|%2e|\.\./i.test(n));
    const filesOut = outside.length + strayTmp.length;
    const foreignRequests = Math.max(foreign.length, trapHits);
    const foreignSeen = foreign.slice(0, 10);
    const rejections = stray.rejections + stray.exceptions;

    // ---- negative control: broken channels behind the same router, and a "router" that skips it.
    const control = newTally();
    const ORIGIN = 'http://127.0.0.1:1';
    const sender: IpcSenderInfo = { sender: { id: 1 }, senderFrame: { url: `${ORIGIN}/index.html`, parent: null } };
    const broken: Handlers = {
      ...app.services.handlers,
      listProfiles: async () => {
        throw new Error('deliberately broken handler');
      },
      getConnectivity: async () => ({ online: 'yes', token: 'x' }) as never,
    };
    const brokenDispatch = createDispatcher(broken, { origins: [ORIGIN], isOurWebContents: (id) => id === 1 });
    const viaRouter: Caller = (c, input) => brokenDispatch(ipcName(c), sender, input);
    const bypass: Caller = async (c, input) => (app.services.handlers[c] as (i: unknown) => Promise<unknown>)(input);
    const caught: Record<string, number> = {};
    for (const [name, call, c] of [
      ['raw throw via router', viaRouter, 'listProfiles'],
      ['non-DTO via router', viaRouter, 'getConnectivity'],
      ['no router (raw value)', bypass, 'getConnectivity'],
      ['no router (raw throw)', bypass, 'switchProfile'],
    ] as const) {
      const before = control.crashes + control.unclean;
      await fuzzChannel(call, c, validBases(await fixtures())[c] ?? [{}], control, RUNS);
      caught[name] = control.crashes + control.unclean - before;
    }
    // The file and request detectors get their controls too, after the real figures were taken:
    // a file put beside the data dir must be seen, and a profile whose base URL is the trap (a
    // request the app is meant to make there) must show up at the trap and in the interceptor's log.
    const planted = join(FUZZ_ROOT, 'control-planted.txt');
    writeFileSync(planted, 'x');
    caught['planted file outside the data dir'] = filesOutside([app.dataDir, app.logDir, exportDir]).length;
    rmSync(planted);
    const [trapBefore, loggedBefore] = [trapHits, foreign.length];
    await app.call('addProfile', { displayName: 'Control trap', authId: 'PA_TRAP0001', token: 'control-trap-token', baseUrl: `${trapUrl}/api/v1/partner` });
    caught['request to the trap'] = Math.min(trapHits - trapBefore, foreign.length - loggedBefore);
    const controlCaught = Object.values(caught).every((n) => n > 0);

    const failures = tally.crashes + tally.unclean + rejections + filesOut + foreignRequests;
    recordFigures('ipc-fuzz', {
      check: 'IPC fuzzing',
      figures: {
        channels: CHANNELS.length,
        'inputs sent': tally.sent,
        'ok answers': tally.okAnswers,
        crashes: tally.crashes,
        'unclean answers': tally.unclean,
        'unhandled rejections': rejections,
        'files outside data dir': filesOut,
        'foreign requests': foreignRequests,
        'channels without a valid base': withoutBase.length,
        seed: SEED,
        'seconds': Math.round((Date.now() - started) / 100) / 10,
      },
      failures,
      controlCaught,
    });
    console.log(`[ipc-fuzz] ${perChannel.join('\n[ipc-fuzz] ')}`);
    console.log(`[ipc-fuzz] control caught: ${JSON.stringify(caught)}`);
    if (tally.samples.length || stray.samples.length || outside.length || strayTmp.length || foreignSeen.length)
      console.log('[ipc-fuzz] misses:', { samples: tally.samples, stray: stray.samples, outside, strayTmp, foreign: foreignSeen });

    expect(withoutBase, 'channels with no valid base input (add one to validBases)').toEqual([]);
    expect(basesInvalid, 'valid bases that do not parse').toBe(0);
    expect({ crashes: tally.crashes, unclean: tally.unclean, rejections, filesOut, foreignRequests }).toEqual({ crashes: 0, unclean: 0, rejections: 0, filesOut: 0, foreignRequests: 0 });
    expect(tally.sent).toBeGreaterThanOrEqual(CHANNELS.length * RUNS);
    expect(controlCaught).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Senders, with the shapes Electron gives: event.sender (webContents) and event.senderFrame
// (WebFrameMain: url, origin, parent, top; null once the frame navigated away or was destroyed).
const APP = 'app://trunkdesk';
const OUR_WC = 1;
const appPolicy: SenderPolicy = { origins: [APP], isOurWebContents: (id) => id === OUR_WC };

interface FrameShape {
  url: string;
  origin: string;
  parent: FrameShape | null;
  top: FrameShape | null;
}
function frame(url: string, parent: FrameShape | null = null): FrameShape {
  let o = 'null';
  try {
    o = new URL(url).origin;
  } catch {
    /* a url Electron would not give; the check must still refuse it */
  }
  const f: FrameShape = { url, origin: o, parent, top: null };
  f.top = parent ? (parent.top ?? parent) : f;
  return f;
}
const event = (senderFrame: FrameShape | null, wc = OUR_WC): IpcSenderInfo => ({ sender: { id: wc }, senderFrame });

function senderCases(): Array<{ name: string; event: IpcSenderInfo; accept: boolean }> {
  const main = frame(`${APP}/index.html`);
  const cases: Array<{ name: string; event: IpcSenderInfo; accept: boolean }> = [
    { name: 'our main frame', event: event(main), accept: true },
    { name: 'our main frame, another route', event: event(frame(`${APP}/index.html#/customers?x=1`)), accept: true },
    { name: 'our main frame, root', event: event(frame(`${APP}/`)), accept: true },
    { name: 'subframe of ours, our origin', event: event(frame(`${APP}/index.html`, main)), accept: false },
    { name: 'subframe of ours, foreign origin', event: event(frame('https://evil.example/ad.html', main)), accept: false },
    { name: 'nested subframe', event: event(frame(`${APP}/x`, frame(`${APP}/y`, main))), accept: false },
    { name: 'navigated away (frame gone)', event: event(null), accept: false },
    { name: 'navigated to a foreign page', event: event(frame('https://evil.example/phish')), accept: false },
    { name: 'navigated to a file', event: event(frame('file:///etc/passwd')), accept: false },
    { name: 'another webContents, our url', event: event(main, 2), accept: false },
    { name: 'devtools webContents', event: event(frame('devtools://devtools/bundled/inspector.html'), 3), accept: false },
  ];
  const foreignUrls = [
    'https://evil.example/',
    'http://127.0.0.1:1/index.html',
    'http://localhost:5173/',
    'app://evil/index.html',
    'app://trunkdesk.evil.com/index.html',
    'app://trunkdesk@evil.com/index.html',
    'app://trunkdesk:8080/index.html',
    'app://trunkdesk%2eevil/',
    'APP://TRUNKDESK.EVIL/',
    'app:trunkdesk/index.html',
    'app:///trunkdesk/index.html',
    'blob:app://trunkdesk/3f1c',
    'data:text/html,<script>1</script>',
    'about:blank',
    'about:srcdoc',
    'javascript:alert(1)',
    'chrome-extension://abcdefgh/x.html',
    'chrome://settings',
    'filesystem:app://trunkdesk/temporary/x',
    'ws://127.0.0.1/',
    '',
    'not a url',
    '\u202eapp://trunkdesk',
    ' app://trunkdesk.evil/',
  ];
  for (const u of foreignUrls) cases.push({ name: `foreign origin ${JSON.stringify(u)}`, event: event(frame(u)), accept: false });
  // Generated: web URLs, app:// hosts that are not ours, and junk urls from the fuzz strings.
  const gen = fc.oneof(
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc.domain().filter((d) => d !== 'trunkdesk').map((d) => `app://${d}/index.html`),
    hostileString('http://127.0.0.1:9'),
  );
  fc.sample(gen, { numRuns: 300, seed: SEED }).forEach((u, i) => cases.push({ name: `generated #${i} ${JSON.stringify(u.slice(0, 60))}`, event: event(frame(u)), accept: false }));
  return cases;
}

describe('IPC senders', () => {
  it('refuses foreign origins, subframes and navigated frames with a clean error; accepts our main frame', async () => {
    const cases = senderCases();
    let handlerRuns = 0;
    const counted = new Proxy(app.services.handlers, {
      get: (h, k) => (...a: unknown[]) => {
        handlerRuns++;
        return (h[k as Channel] as (...x: unknown[]) => unknown)(...a);
      },
    }) as Handlers;
    const dispatch = createDispatcher(counted, appPolicy);
    let refused = 0;
    let wrong = 0;
    const misses: string[] = [];
    for (const k of cases) {
      const verdict = checkSender(k.event, appPolicy);
      const runsBefore = handlerRuns;
      const r = (await dispatch(ipcName('listProfiles'), k.event, {})) as Result<unknown>;
      const clean = resultSchemas.get('listProfiles')!.safeParse(r).success;
      const refusedClean = !r.ok && r.error.code === 'FORBIDDEN' && handlerRuns === runsBefore && clean && !verdict.ok;
      const acceptedClean = r.ok && verdict.ok && clean && handlerRuns === runsBefore + 1;
      if (refusedClean) refused++;
      if (k.accept ? !acceptedClean : !refusedClean) {
        wrong++;
        misses.push(`${k.name}: verdict ${JSON.stringify(verdict)}, answer ${JSON.stringify(r).slice(0, 120)}`);
      }
    }
    // Negative control: deliberately permissive checkers must be caught accepting what ours refuses.
    const permissive: Record<string, (e: IpcSenderInfo) => SenderVerdict> = {
      'accepts everyone': () => ({ ok: true }),
      'prefix match, ignores frames': (e) => (e.senderFrame?.url.startsWith(APP) ? { ok: true } : { ok: false, reason: 'x' }),
    };
    const controlHits = Object.fromEntries(Object.entries(permissive).map(([n, check]) => [n, cases.filter((k) => !k.accept && check(k.event).ok).length]));
    const controlCaught = Object.values(controlHits).every((n) => n > 0);
    recordFigures('ipc-senders', {
      check: 'IPC senders',
      figures: { cases: cases.length, refused, accepted: cases.length - refused, 'should refuse': cases.filter((k) => !k.accept).length, wrong },
      failures: wrong,
      controlCaught,
    });
    console.log(`[ipc-senders] ${cases.length} cases, ${refused} refused, ${wrong} wrong; control: ${JSON.stringify(controlHits)}`);
    expect(misses).toEqual([]);
    expect(controlCaught).toBe(true);
  });
});
