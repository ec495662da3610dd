// Issue 10, the leak sweep: the real main app (real router, handlers, keychain, encrypted store,
// loopback HTTP against the simulator) is used with a canary value for every secret kind of every
// provider, through every feature, and every canary is then searched for in every place main
// writes to: every bridge answer and event, main's stdout, stderr and console, every file in the
// data directory (as text, and base64-, base64url- and hex-encoded), every file of the rotating
// log (a small size limit here, so the sweep reads rotated files too), the CSV exports, the error
// messages (the bridge's and the HTTP client's own, with undici's causes), and the clipboard after
// its clear time. A negative control (a deliberately leaky handler, test-only) must be found in
// every place it leaks to, or the sweep proves nothing.
//
// The renderer side (DOM, inputs, web storage, console) is swept by the browser suite's canary
// tests (tests/browser/canary.test.ts, canary-providers.test.ts, through canary-sweep.ts); they are
// not run here and not counted in these figures.
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CredentialPageDTO, CredentialWriteDTO, CustomerDTO, CustomerPageDTO, ProfileListDTO } from '../../src-preload/contract';
import type { Channel } from '../../src-preload/channels';
import { CLIPBOARD_CLEAR_SECONDS } from '../../src-main/credentials/pending-secrets';
import { forwardEvents } from '../../src-main/ipc/outgoing';
import { AppError, toErrorDTO } from '../../src-main/net/errors';
import { HttpClient } from '../../src-main/net/http';
import { VOIPBIN_PERMISSION } from '../sim/types';
import { startSimulator, type Simulator } from '../sim/server';
import { canary, findCanaries } from '../browser/canary-sweep';
import { mainApp, ok, type MainApp } from '../integration/support';
import { allFiles, tempDir } from '../support/tmp';
import { recordFigures } from './figures';

// ---------------------------------------------------------------------------------------------
// What main says, captured: its console and its raw stdout/stderr writes.

interface Captured {
  stdout: string[];
  stderr: string[];
  console: string[];
  restore(): void;
}

function captureOutput(): Captured {
  const c: Captured = { stdout: [], stderr: [], console: [], restore: () => undefined };
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
  const originals = methods.map((m) => console[m]);
  const quiet = process.env.TRUNKDESK_QUIET;
  delete process.env.TRUNKDESK_QUIET; // info lines too: everything main would print
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    c.stdout.push(Buffer.from(chunk as never).toString('utf8'));
    return (out as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    c.stderr.push(Buffer.from(chunk as never).toString('utf8'));
    return (err as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stderr.write;
  // Vitest gives the worker a console of its own (not backed by process.stdout): catch it too,
  // and keep it from flooding the run's output.
  for (const m of methods) console[m] = (...args: unknown[]) => void c.console.push(format(...args));
  c.restore = () => {
    process.stdout.write = out as typeof process.stdout.write;
    process.stderr.write = err as typeof process.stderr.write;
    methods.forEach((m, i) => (console[m] = originals[i]!));
    if (quiet !== undefined) process.env.TRUNKDESK_QUIET = quiet;
  };
  return c;
}

// ---------------------------------------------------------------------------------------------
// The app, with every bridge answer and event kept as the renderer would receive them.

interface Swept extends MainApp {
  answers: Array<{ channel: Channel; text: string; disclosed: boolean }>;
  events: string[];
  errors: string[];
  /** What was handed to main, to tell that each canary was really in play. */
  inputs: string[];
  exportDir: string;
  exports: string[];
  /** Every "Copy diagnostics" report, as it reached the clipboard. */
  diagnostics: string[];
}

/** Small enough that the sweep's run rotates the log many times; enough files that none is dropped before it is read. */
const LOG_ROTATION = { maxBytes: 1024, files: 500 };

async function sweptApp(): Promise<Swept> {
  const a = await mainApp({ http: { maxRetries: 0 }, logs: LOG_ROTATION });
  const answers: Swept['answers'] = [];
  const events: string[] = [];
  const errors: string[] = [];
  const inputs: string[] = [];
  forwardEvents(a.services.events, (e) => events.push(JSON.stringify(e)));
  const call: MainApp['call'] = async (c, input) => {
    const r = await a.call(c, input);
    // revealPassword exists to disclose one password: its ok answers are the declared exception.
    inputs.push(JSON.stringify(input));
    answers.push({ channel: c, text: JSON.stringify(r), disclosed: c === 'revealPassword' && r.ok });
    if (!r.ok) errors.push(JSON.stringify(r.error));
    return r;
  };
  return { ...a, call, answers, events, errors, inputs, exportDir: tempDir('trunkdesk-export-'), exports: [], diagnostics: [] };
}

async function exportCsv(a: Swept, ref: { profileId: string; customerAuthId: string }, name: string): Promise<void> {
  const path = join(a.exportDir, name);
  a.platform.nextSavePath = path;
  const r = ok<{ saved: boolean; count: number }>(await a.call('exportCredentials', ref));
  expect(r.saved).toBe(true);
  a.exports.push(path);
}

/** Copy a handle's password; after the clear time (a fake clock) the clipboard must no longer hold it. */
async function copyAndClear(a: Swept, secretId: string, value: string, clipboardAfter: string[]): Promise<void> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  try {
    const r = ok<{ clearsAfterSeconds: number }>(await a.call('copyPassword', { secretId }));
    expect(a.platform.clipboardText).toBe(value);
    expect(r.clearsAfterSeconds).toBe(CLIPBOARD_CLEAR_SECONDS);
    await vi.advanceTimersByTimeAsync(r.clearsAfterSeconds * 1000 + 1);
  } finally {
    vi.useRealTimers();
  }
  // The clear is a readText().then(clear): let it settle.
  await new Promise((r) => setImmediate(r));
  clipboardAfter.push(a.platform.clipboardText);
}

// ---------------------------------------------------------------------------------------------
// Hostile endpoints for connection errors: nothing listening, a raw echo of the request's bytes
// (not HTTP: undici's parser fails on the request line, path and query and headers included), and
// a well-formed HTTP 502 whose headers and body repeat the request.

async function listen<S extends TcpServer | HttpServer>(server: S): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => (sockets.add(s), s.on('close', () => sockets.delete(s))));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      sockets.forEach((s) => s.destroy());
      return new Promise((r) => server.close(() => r()));
    },
  };
}

async function hostileEndpoints() {
  const raw = await listen(
    createTcpServer((s) => {
      s.on('data', (d) => {
        s.write(d);
        s.end();
      });
      s.on('error', () => undefined);
    }),
  );
  const httpEcho = await listen(
    createHttpServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        const echo = `${req.method} ${req.url} ${JSON.stringify(req.headers)} ${body}`;
        res.writeHead(502, { 'content-type': 'text/plain', 'x-echo-url': encodeURIComponent(req.url ?? ''), 'x-echo-auth': String(req.headers['authorization'] ?? req.headers['x-auth-token'] ?? '') });
        res.end(`Bad gateway for ${echo}`);
      });
    }),
  );
  const gone = await listen(createTcpServer());
  const deadUrl = gone.url;
  await gone.close(); // nothing listens there now: ECONNREFUSED
  return { raw, httpEcho, deadUrl, close: async () => (await raw.close(), await httpEcho.close()) };
}

// ---------------------------------------------------------------------------------------------
// Search: every canary, raw and encoded, in every place.

/** A canary as it could sit in a file or a message: raw, URL-encoded, JSON-escaped, hex, and base64/base64url at each of the 3 alignments (the part that does not depend on the neighbouring bytes). */
function encodedForms(c: string): string[] {
  const out = [c, encodeURIComponent(c), JSON.stringify(c).slice(1, -1), Buffer.from(c).toString('hex')];
  for (const shift of [0, 1, 2]) {
    for (const enc of ['base64', 'base64url'] as const) {
      const b = Buffer.from('\0'.repeat(shift) + c).toString(enc);
      out.push(b.slice(shift === 0 ? 0 : 4, b.length - 4));
    }
  }
  return [...new Set(out.filter((f) => f.length >= 12))];
}

/** "place: kind" for every canary (in any form) found in a place. */
function sweep(places: Record<string, string>, canaries: Record<string, string>): string[] {
  const hits: string[] = [];
  for (const [kind, value] of Object.entries(canaries)) {
    const found = findCanaries(places, encodedForms(value));
    for (const place of new Set(found.map((h) => h.replace(/ contains .*$/, '')))) hits.push(`${place}: ${kind}`);
  }
  return hits;
}

function placesOf(a: Swept, out: Captured, extra: { errors: string[]; clipboard: string[] }): { places: Record<string, string>; files: number } {
  const places: Record<string, string> = {
    'bridge answers': a.answers.filter((x) => !x.disclosed).map((x) => x.text).join('\n'),
    'bridge events': a.events.join('\n'),
    'error messages': [...a.errors, ...extra.errors].join('\n'),
    stdout: out.stdout.join(''),
    stderr: out.stderr.join(''),
    console: out.console.join('\n'),
    'clipboard after clear': extra.clipboard.join('\n'),
    diagnostics: a.diagnostics.join('\n'),
  };
  let files = 0;
  for (const f of allFiles(a.dataDir)) {
    places[`data file ${f.path.slice(a.dataDir.length)}`] = f.bytes.toString('latin1');
    files++;
  }
  for (const f of allFiles(a.exportDir)) {
    places[`csv ${f.path.slice(a.exportDir.length)}`] = f.bytes.toString('utf8');
    files++;
  }
  for (const f of allFiles(a.logDir)) {
    places[`log file ${f.path.slice(a.logDir.length)}`] = f.bytes.toString('latin1');
    files++;
  }
  return { places, files };
}

/** The AppError's words as they would be shown or logged, and its causes' (undici's) own messages. */
function errorWords(e: unknown): string {
  const parts: string[] = [];
  if (e instanceof AppError) parts.push(JSON.stringify(toErrorDTO(e)));
  for (let x: unknown = e, depth = 0; x && depth < 5; x = (x as { cause?: unknown }).cause, depth++) {
    if (x instanceof Error) parts.push(`${x.name}: ${x.message} ${(x as { code?: string }).code ?? ''}`);
  }
  return parts.join('\n');
}

// ---------------------------------------------------------------------------------------------

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ quiet: true });
});
afterAll(async () => {
  await sim.close();
});

const sid = (p: string) => `${p}_${randomBytes(6).toString('hex')}`;
/** A Vobiz SIP password canary: it must pass Vobiz's 8–20 rule with a special character, so it is shorter than canary()'s. */
const sipCanary = () => `Cy#${randomBytes(7).toString('hex')}a1`;
/** An account of each provider, looked at again after a restart. */
const refs: Record<'vobiz' | 'voipbin' | 'vocobase', { profileId: string; customerAuthId: string }> = {} as never;
const echoOnce = (match: string, status: number) => sim.setFaults({ queue: [{ match, kind: 'echo', status, times: 1 }] });

/** Use every feature of every provider with canary secrets; returns the canaries, by kind. */
async function useEverything(a: Swept, clipboard: string[], httpErrors: string[]): Promise<Record<string, string>> {
  const C: Record<string, string> = {};
  const hostile = await hostileEndpoints();
  try {
    // ---- Vobiz: partner token (and a rotation, and a wrong one), customer tokens, session password + JWT.
    C['vobiz partner token: added'] = canary('VZPT');
    C['vobiz partner token: rotated'] = canary('VZPR');
    C['vobiz partner token: wrong'] = canary('VZPW');
    C['vobiz customer token: listed'] = canary('VZCT');
    C['vobiz customer token: typed'] = canary('VZCR');
    C['vobiz session password: sign-in'] = canary('VZSP');
    C['vobiz customer password: new customer'] = canary('VZNC');
    C['vobiz SIP password: typed'] = sipCanary();
    C['vobiz SIP password: changed'] = sipCanary();
    const authId = `PA_LEAK${randomBytes(4).toString('hex').toUpperCase()}`;
    sim.addPartner({ authId, token: C['vobiz partner token: added'], name: 'Leak Partner' });
    // A second partner for the session profile (one partner is one profile).
    const partner = sim.addPartner({ authId: `${authId}S`, token: canary('VZP2'), name: 'Leak Session Partner', password: C['vobiz session password: sign-in'] });
    const listed = sim.addCustomer(authId, { name: 'Leak Listed', email: 'listed@leak.example', authToken: C['vobiz customer token: listed'] });
    const redacted = sim.addCustomer(authId, { name: 'Leak Redacted', email: 'redacted@leak.example', authToken: C['vobiz customer token: typed'], tokenRedacted: true });
    // A hostile answer: a customer whose name repeats another customer's token.
    sim.addCustomer(authId, { name: `Leak ${C['vobiz customer token: listed']}`, email: 'echo@leak.example' });
    for (let i = 0; i < 6; i++) sim.addCredential(listed.authId, { username: `leakphone${i}`, password: sipCanary(), enabled: true });

    expect((await a.call('addProfile', { displayName: 'Leak', authId, token: C['vobiz partner token: wrong'], baseUrl: sim.partnerBaseUrl })).ok).toBe(false);
    echoOnce('GET /api/v1/partner/me', 401);
    expect((await a.call('addProfile', { displayName: 'Leak', authId, token: C['vobiz partner token: added'], baseUrl: sim.partnerBaseUrl })).ok).toBe(false);
    const vz = ok<ProfileListDTO>(await a.call('addProfile', { displayName: 'Leak', authId, token: C['vobiz partner token: added'], baseUrl: sim.partnerBaseUrl })).activeId!;
    ok(await a.call('getPartner', {}));
    echoOnce('GET /api/v1/partner/me', 500);
    expect((await a.call('getPartner', {})).ok).toBe(false);
    ok(await a.call('listCustomers', { profileId: vz, search: 'leak' }));
    ok<CustomerDTO>(await a.call('selectCustomer', { profileId: vz, customerAuthId: listed.authId }));
    ok<CustomerDTO>(await a.call('setCustomerToken', { profileId: vz, customerAuthId: redacted.authId, token: C['vobiz customer token: typed'] }));
    echoOnce('POST /api/v1/partner/accounts', 422);
    expect((await a.call('createCustomer', { profileId: vz, name: 'Leak New', email: 'new@leak.example', password: C['vobiz customer password: new customer'], country: 'GB', phone: '+442079460000' })).ok).toBe(false);
    ok(await a.call('createCustomer', { profileId: vz, name: 'Leak New', email: 'new@leak.example', password: C['vobiz customer password: new customer'], country: 'GB', phone: '+442079460000' }));
    C['vobiz customer token: issued on create'] = sim.state.customers.find((c) => c.email === 'new@leak.example')!.authToken;

    const ref = { profileId: vz, customerAuthId: listed.authId };
    const page = ok<CredentialPageDTO>(await a.call('listCredentials', { ...ref, limit: 100 }));
    expect(page.total).toBe(6);
    const gen = ok<{ secretId: string }>(await a.call('generatePassword', {})).secretId;
    const made = ok<CredentialWriteDTO>(await a.call('createCredential', { ...ref, username: 'leakgen1', password: { kind: 'generated', secretId: gen } })).credential;
    C['vobiz SIP password: generated'] = ok<{ password: string }>(await a.call('revealPassword', { secretId: gen })).password;
    await copyAndClear(a, gen, C['vobiz SIP password: generated'], clipboard);
    ok(await a.call('discardPassword', { secretId: gen }));
    echoOnce('POST /api/v1/Account/', 409);
    expect((await a.call('createCredential', { ...ref, username: 'leaktyped1', password: { kind: 'typed', value: C['vobiz SIP password: typed'] } })).ok).toBe(false);
    const typed = ok<CredentialWriteDTO>(await a.call('createCredential', { ...ref, username: 'leaktyped1', password: { kind: 'typed', value: C['vobiz SIP password: typed'] } })).credential;
    ok(await a.call('updateCredential', { ...ref, credentialId: typed.id, password: { kind: 'typed', value: C['vobiz SIP password: changed'] } }));
    ok(await a.call('updateCredential', { ...ref, credentialId: made.id, enabled: false }));
    ok(await a.call('credentialSettings', { ...ref, credentialId: made.id }));
    const ids = page.items.slice(0, 3).map((c) => c.id);
    ok(await a.call('bulkCredentials', { ...ref, bulkId: sid('b'), action: 'disable', selection: { ids } }));
    ok(await a.call('bulkCredentials', { ...ref, bulkId: sid('b'), action: 'enable', selection: { matching: { username: 'leakphone' } } }));
    ok(await a.call('bulkCredentials', { ...ref, bulkId: sid('b'), action: 'delete', selection: { ids: [page.items[5]!.id] } }));
    ok(await a.call('deleteCredential', { ...ref, credentialId: made.id }));
    echoOnce(`/${listed.authId}/`, 500);
    await a.call('syncAccount', { ...ref, syncId: sid('y') });
    ok(await a.call('syncAccount', { ...ref, syncId: sid('y') }));
    ok(await a.call('syncAll', { profileId: vz, syncId: sid('y') }));
    ok(await a.call('listSyncReports', { profileId: vz }));
    ok(await a.call('searchCredentials', { profileId: vz, query: 'leak' }));
    ok(await a.call('quickSwitch', { query: 'leak' }));
    await exportCsv(a, ref, 'vobiz.csv');
    refs.vobiz = ref;

    // Rotation, then a session profile (its JWT from /login), with an echoed login first.
    sim.state.partners.find((p) => p.authId === authId)!.token = C['vobiz partner token: rotated'];
    ok(await a.call('rotateProfileToken', { id: vz, token: C['vobiz partner token: rotated'] }));
    ok(await a.call('getPartner', {}));
    echoOnce('POST /api/v1/partner/login', 400);
    expect((await a.call('addSessionProfile', { displayName: 'Leak session', email: partner.email, password: C['vobiz session password: sign-in'], baseUrl: sim.partnerBaseUrl })).ok).toBe(false);
    const vzs = ok<ProfileListDTO>(await a.call('addSessionProfile', { displayName: 'Leak session', email: partner.email, password: C['vobiz session password: sign-in'], baseUrl: sim.partnerBaseUrl })).activeId!;
    echoOnce('GET /api/v1/partner/me', 409);
    expect((await a.call('getPartner', { profileId: vzs })).ok).toBe(false);
    ok(await a.call('listCustomers', { profileId: vzs }));
    ok(await a.call('signOut', { id: vzs }));
    ok(await a.call('signIn', { id: vzs, password: C['vobiz session password: sign-in'] }));
    ok(await a.call('switchProfile', { id: vz }));

    // ---- VoIPBIN: login password + JWTs, access key, the extension and trunk passwords the API returns.
    C['voipbin login password: sign-in'] = canary('VBLP');
    C['voipbin login password: wrong'] = canary('VBLW');
    C['voipbin access key: added'] = `vb_${canary('VBAK')}`;
    C['voipbin access key: wrong'] = `vb_${canary('VBAW')}`;
    C['voipbin SIP password returned by the API: extension 1'] = canary('VBEX');
    C['voipbin SIP password returned by the API: extension 2'] = canary('VBE2');
    C['voipbin SIP password returned by the API: trunk'] = canary('VBTR');
    C['voipbin SIP password: typed extension'] = canary('VBET');
    C['voipbin SIP password: changed extension'] = canary('VBEC');
    C['voipbin SIP password: typed trunk'] = canary('VBTT');
    const vbc = sim.addVoipbinCustomer({ name: 'Leak Dental' });
    const login = { username: 'leak-admin@dental.example', password: C['voipbin login password: sign-in'] };
    sim.addVoipbinAgent(vbc.id, { ...login, permission: VOIPBIN_PERMISSION.admin });
    sim.addExtension(vbc.id, { extension: '7001', name: 'Leak desk 1', password: C['voipbin SIP password returned by the API: extension 1'] });
    sim.addExtension(vbc.id, { extension: '7002', name: 'Leak desk 2', password: C['voipbin SIP password returned by the API: extension 2'] });
    sim.addTrunk(vbc.id, { name: 'Leak PBX', domainName: 'leakpbx', authTypes: ['basic'], username: 'leakpbx', password: C['voipbin SIP password returned by the API: trunk'], allowedIps: ['203.0.113.90'] });
    sim.addVoipbinAccessKey(vbc.id, { token: C['voipbin access key: added'] });
    // A hostile (or broken) answer: an extension whose name and detail repeat its own password.
    C['voipbin SIP password returned by the API: echoed in its name'] = canary('VBEN');
    sim.addExtension(vbc.id, { extension: '7003', name: `desk ${C['voipbin SIP password returned by the API: echoed in its name']}`, detail: C['voipbin SIP password returned by the API: echoed in its name'], password: C['voipbin SIP password returned by the API: echoed in its name'] });

    expect((await a.call('addProviderProfile', { method: 'voipbin-login', displayName: 'Leak VB', username: login.username, password: C['voipbin login password: wrong'], baseUrl: sim.voipbinBaseUrl })).ok).toBe(false);
    echoOnce('POST /voipbin/auth/login', 400);
    expect((await a.call('addProviderProfile', { method: 'voipbin-login', displayName: 'Leak VB', username: login.username, password: login.password, baseUrl: sim.voipbinBaseUrl })).ok).toBe(false);
    const vb = ok<ProfileListDTO>(await a.call('addProviderProfile', { method: 'voipbin-login', displayName: 'Leak VB', username: login.username, password: login.password, baseUrl: sim.voipbinBaseUrl })).activeId!;
    const vbAccount = ok<CustomerPageDTO>(await a.call('listCustomers', { profileId: vb })).items[0]!.authId;
    const vref = { profileId: vb, customerAuthId: vbAccount };
    const vlist = ok<CredentialPageDTO>(await a.call('listCredentials', { ...vref, limit: 100 }));
    const ext1 = vlist.items.find((c) => c.username === '7001')!;
    const ext2 = vlist.items.find((c) => c.username === '7002')!;
    const trunk = vlist.items.find((c) => c.kind === 'trunk')!;
    ok(await a.call('credentialSettings', { ...vref, credentialId: ext1.id }));
    const shown = ok<{ secretId: string }>(await a.call('storedPassword', { ...vref, credentialId: ext1.id })).secretId;
    expect(ok<{ password: string }>(await a.call('revealPassword', { secretId: shown })).password).toBe(C['voipbin SIP password returned by the API: extension 1']);
    ok(await a.call('discardPassword', { secretId: shown }));
    const copied = ok<{ secretId: string }>(await a.call('storedPassword', { ...vref, credentialId: trunk.id })).secretId;
    await copyAndClear(a, copied, C['voipbin SIP password returned by the API: trunk'], clipboard);
    ok(await a.call('discardPassword', { secretId: copied }));
    // A rename is a full replace: the stored password goes back to VoIPBIN, and a 409 echoes it with the JWT.
    echoOnce('PUT /voipbin/v1.0/extensions', 409);
    expect((await a.call('updateCredential', { ...vref, credentialId: ext2.id, name: 'Leak desk renamed' })).ok).toBe(false);
    ok(await a.call('updateCredential', { ...vref, credentialId: ext2.id, name: 'Leak desk renamed' }));
    echoOnce('POST /voipbin/v1.0/extensions', 422);
    expect((await a.call('createCredential', { ...vref, kind: 'extension', username: '7010', name: 'Leak new', password: { kind: 'typed', value: C['voipbin SIP password: typed extension'] } })).ok).toBe(false);
    const vext = ok<CredentialWriteDTO>(await a.call('createCredential', { ...vref, kind: 'extension', username: '7010', name: 'Leak new', password: { kind: 'typed', value: C['voipbin SIP password: typed extension'] } })).credential;
    ok(await a.call('updateCredential', { ...vref, credentialId: vext.id, password: { kind: 'typed', value: C['voipbin SIP password: changed extension'] } }));
    echoOnce('POST /voipbin/v1.0/trunks', 422);
    const trunkInput = { ...vref, kind: 'trunk', username: 'leakbranch', name: 'Leak branch', domainName: 'leakbranch', allowedIps: ['203.0.113.91'], password: { kind: 'typed', value: C['voipbin SIP password: typed trunk'] } };
    expect((await a.call('createCredential', trunkInput)).ok).toBe(false);
    const vtrunk = ok<CredentialWriteDTO>(await a.call('createCredential', trunkInput)).credential;
    const vgen = ok<{ secretId: string }>(await a.call('generatePassword', {})).secretId;
    ok(await a.call('updateCredential', { ...vref, credentialId: vtrunk.id, password: { kind: 'generated', secretId: vgen } }));
    C['voipbin SIP password: generated trunk'] = ok<{ password: string }>(await a.call('revealPassword', { secretId: vgen })).password;
    ok(await a.call('discardPassword', { secretId: vgen }));
    ok(await a.call('bulkCredentials', { ...vref, bulkId: sid('b'), action: 'delete', selection: { ids: [vtrunk.id] } }));
    ok(await a.call('deleteCredential', { ...vref, credentialId: vext.id }));
    ok(await a.call('syncAccount', { ...vref, syncId: sid('y') }));
    ok(await a.call('syncAll', { profileId: vb, syncId: sid('y') }));
    ok(await a.call('searchCredentials', { profileId: vb, query: '70' }));
    await exportCsv(a, vref, 'voipbin.csv');
    refs.voipbin = vref;
    // Rotate the login password.
    C['voipbin login password: rotated'] = canary('VBLR');
    sim.state.voipbin.agents.find((x) => x.username === login.username)!.password = C['voipbin login password: rotated'];
    ok(await a.call('rotateProfileToken', { id: vb, token: C['voipbin login password: rotated'] }));
    ok(await a.call('syncAccount', { ...vref, syncId: sid('y') }));

    // By access key (a query parameter): a wrong key, an echo, the right one; a reset on the wire.
    expect((await a.call('addProviderProfile', { method: 'voipbin-accesskey', displayName: 'Leak AK', accessKey: C['voipbin access key: wrong'], baseUrl: sim.voipbinBaseUrl })).ok).toBe(false);
    echoOnce('GET /voipbin/v1.0/customer', 401);
    expect((await a.call('addProviderProfile', { method: 'voipbin-accesskey', displayName: 'Leak AK', accessKey: C['voipbin access key: added'], baseUrl: sim.voipbinBaseUrl })).ok).toBe(false);
    const vak = ok<ProfileListDTO>(await a.call('addProviderProfile', { method: 'voipbin-accesskey', displayName: 'Leak AK', accessKey: C['voipbin access key: added'], baseUrl: sim.voipbinBaseUrl })).activeId!;
    const vakRef = { profileId: vak, customerAuthId: vbAccount };
    sim.setFaults({ queue: [{ match: 'accesskey=', kind: 'reset', times: 1 }] });
    await a.call('syncAccount', { ...vakRef, syncId: sid('y') });
    sim.setFaults({ queue: [{ match: 'accesskey=', kind: 'html', status: 502, times: 1 }] });
    await a.call('syncAccount', { ...vakRef, syncId: sid('y') });
    sim.setFaults({});
    ok(await a.call('syncAccount', { ...vakRef, syncId: sid('y') }));

    // ---- Vocobase: API key (wrong, echoed, right, rotated) and the outbound SIP password.
    C['vocobase API key: added'] = `rg_live_${canary('KA')}`;
    C['vocobase API key: wrong'] = `rg_live_${canary('KW')}`;
    C['vocobase API key: rotated'] = `rg_live_${canary('KR')}`;
    C['vocobase SIP password: outbound, typed'] = canary('VCOP');
    sim.addVocobasePartner({ name: 'leak-voice', displayName: 'Leak Voice', key: C['vocobase API key: added'] });
    // A hostile answer: a SIP connection whose name repeats the API key that listed it.
    sim.addVocobaseConnection(C['vocobase API key: added'], { name: `trunk ${C['vocobase API key: added']}` } as never);
    expect((await a.call('addProviderProfile', { method: 'vocobase-key', displayName: 'Leak VC', apiKey: C['vocobase API key: wrong'], baseUrl: sim.vocobaseBaseUrl })).ok).toBe(false);
    echoOnce('GET /vocobase/api/v2/config', 401);
    expect((await a.call('addProviderProfile', { method: 'vocobase-key', displayName: 'Leak VC', apiKey: C['vocobase API key: added'], baseUrl: sim.vocobaseBaseUrl })).ok).toBe(false);
    const vc = ok<ProfileListDTO>(await a.call('addProviderProfile', { method: 'vocobase-key', displayName: 'Leak VC', apiKey: C['vocobase API key: added'], baseUrl: sim.vocobaseBaseUrl })).activeId!;
    const vcAccount = ok<CustomerPageDTO>(await a.call('listCustomers', { profileId: vc })).items[0]!.authId;
    const cref = { profileId: vc, customerAuthId: vcAccount };
    ok(await a.call('listCredentials', cref));
    const conn = { ...cref, kind: 'connection', username: 'leak-out', name: 'Leak carrier', sipHost: 'sip.leak-carrier.example', didNumber: '+912040001234', password: { kind: 'typed', value: C['vocobase SIP password: outbound, typed'] } };
    echoOnce('POST /vocobase/api/v2/telephony/connections', 422);
    expect((await a.call('createCredential', conn)).ok).toBe(false);
    const made2 = ok<CredentialWriteDTO>(await a.call('createCredential', conn)).credential;
    ok(await a.call('credentialSettings', { ...cref, credentialId: made2.id }));
    ok(await a.call('syncAll', { profileId: vc, syncId: sid('y') }));
    ok(await a.call('searchCredentials', { profileId: vc, query: 'leak' }));
    await exportCsv(a, cref, 'vocobase.csv');
    refs.vocobase = cref;
    sim.state.vocobase.partners.find((p) => p.displayName === 'Leak Voice')!.keyHash = createHash('sha256').update(C['vocobase API key: rotated']).digest('hex');
    ok(await a.call('rotateProfileToken', { id: vc, token: C['vocobase API key: rotated'] }));
    ok(await a.call('syncAccount', { ...cref, syncId: sid('y') }));

    // ---- Connection errors, through the router: every kind of sign-in against a dead port, a raw
    // echo of the request (undici's parser error) and an HTTP 502 that repeats it.
    const partnerPath = new URL(sim.partnerBaseUrl).pathname;
    for (const [n, origin] of [['dead', hostile.deadUrl], ['raw', hostile.raw.url], ['http', hostile.httpEcho.url]] as const) {
      expect((await a.call('addProfile', { displayName: `H ${n}`, authId, token: C['vobiz partner token: added'], baseUrl: `${origin}${partnerPath}` })).ok).toBe(false);
      expect((await a.call('addSessionProfile', { displayName: `H ${n}`, email: partner.email, password: C['vobiz session password: sign-in'], baseUrl: `${origin}${partnerPath}` })).ok).toBe(false);
      expect((await a.call('addProviderProfile', { method: 'voipbin-login', displayName: `H ${n}`, username: login.username, password: C['voipbin login password: rotated'], baseUrl: `${origin}/voipbin` })).ok).toBe(false);
      expect((await a.call('addProviderProfile', { method: 'voipbin-accesskey', displayName: `H ${n}`, accessKey: C['voipbin access key: added'], baseUrl: `${origin}/voipbin` })).ok).toBe(false);
      expect((await a.call('addProviderProfile', { method: 'vocobase-key', displayName: `H ${n}`, apiKey: C['vocobase API key: rotated'], baseUrl: `${origin}/vocobase/api/v2` })).ok).toBe(false);
      // The HTTP client on its own, with the token in the query and in the auth headers: its error and undici's cause.
      const http = new HttpClient({ maxRetries: 0 });
      const e = await http
        .request({ method: 'GET', url: `${origin}/v1.0/extensions?accesskey=${C['voipbin access key: added']}&token=${C['vobiz partner token: added']}`, headers: { authorization: `Bearer ${C['vocobase API key: added']}`, 'x-auth-token': C['vobiz partner token: rotated'] } })
        .then((r) => new Error(`answered ${r.status}: ${r.text}`), (x: unknown) => x);
      await http.close();
      // A 502 that repeats the request is an answer (the provider layer words it); only a thrown error is searched here.
      if (n !== 'http') httpErrors.push(errorWords(e));
    }
    ok(await a.call('getConnectivity', {}));
    // Copy diagnostics, after all those failures: its report is a place of its own.
    expect(ok<{ errors: number }>(await a.call('copyDiagnostics', {})).errors).toBe(20);
    a.diagnostics.push(a.platform.clipboardText);
    // Sessions and JWTs the simulator issued (Vobiz /login, VoIPBIN /auth/login), as the app sent them.
    const bearers = [...new Set(sim.requests.map((r) => /^Bearer (eyJ.+)$/.exec(r.headers['authorization'] ?? '')?.[1]).filter((t): t is string => !!t))];
    expect(bearers.length, 'JWTs were issued and used').toBeGreaterThanOrEqual(2);
    for (const r of sim.requests) {
      const t = /^Bearer (eyJ.+)$/.exec(r.headers['authorization'] ?? '')?.[1];
      if (t && !Object.values(C).includes(t)) C[`${r.path.startsWith('/voipbin/') ? 'voipbin' : 'vobiz'} session JWT: ${Object.keys(C).filter((k) => k.includes('JWT')).length + 1}`] = t;
    }
    expect(Object.keys(C).filter((k) => k.startsWith('vobiz session JWT')).length, 'a Vobiz session JWT').toBeGreaterThan(0);
    expect(Object.keys(C).filter((k) => k.startsWith('voipbin session JWT')).length, 'a VoIPBIN JWT').toBeGreaterThan(0);
    expect(sim.echoed.length, 'the hostile echoes ran').toBeGreaterThan(10);
    // Remove: a profile's tokens go with it.
    ok(await a.call('removeProfile', { id: vzs }));
  } finally {
    await hostile.close();
  }
  return C;
}

describe('leak sweep: no secret of any kind reaches any place main writes to', () => {
  it('finds no canary anywhere after every feature of every provider, and finds the leaky control everywhere it leaks', async () => {
    const started = Date.now();
    const out = captureOutput();
    let canaries: Record<string, string> = {};
    let main: Swept | undefined;
    let control: Swept | undefined;
    const clipboard: string[] = [];
    const httpErrors: string[] = [];
    let hits: string[] = [];
    const afterRestart: string[] = [];
    let controlHits: string[] = [];
    let places: Record<string, string> = {};
    let files = 0;
    const controlPlaces = ['bridge answers', 'bridge events', 'error messages', 'stdout', 'stderr', 'console', 'clipboard after clear', 'data file', 'csv', 'log file', 'diagnostics'];
    try {
      main = await sweptApp();
      canaries = await useEverything(main, clipboard, httpErrors);
      await main.services.close();
      // A restart: a fresh module graph (so a scrubber that knows nothing yet, as in a new
      // process) on the same data directory and keychain, reading the stored lists without a sync.
      vi.resetModules();
      const restarted = await (await import('../integration/support')).mainApp({ dataDir: main.dataDir, keychainService: main.keychainService, http: { maxRetries: 0 }, logs: { ...LOG_ROTATION, dir: main.logDir } });
      const m = main;
      const again: Swept = { ...m, ...restarted, call: async (ch, input) => {
        const r = await restarted.call(ch, input);
        afterRestart.push(JSON.stringify(r));
        if (!r.ok) m.errors.push(JSON.stringify(r.error));
        return r;
      } };
      ok(await again.call('listProfiles', {}));
      for (const [name, ref] of Object.entries(refs)) {
        ok(await again.call('listCustomers', { profileId: ref.profileId, search: 'leak' }));
        ok(await again.call('listCredentials', { ...ref, limit: 100 }));
        ok(await again.call('searchCredentials', { profileId: ref.profileId, query: 'e' }));
        await exportCsv(again, ref, `${name}-after-restart.csv`);
      }
      ok(await again.call('quickSwitch', { query: 'leak' }));
      m.exports.push(...again.exports.filter((x) => !m.exports.includes(x)));
      await restarted.services.close();
      ({ places, files } = placesOf(main, out, { errors: httpErrors, clipboard }));
      places['bridge answers after restart'] = afterRestart.join('\n');
      // A secret rotated away before the restart (a Vocobase key a server had put into a stored
      // connection name) is no longer known to the value scrubber: the format scrubber
      // (net/scrub.ts SECRET_FORMATS) must still catch it, after the restart as before.
      hits = sweep(places, canaries);

      // The negative control: a fresh app with one deliberately leaky handler (test-only), whose
      // canary main was never told about, so only the sweep can catch it.
      const leak = canary('LEAK');
      const mark = { stdout: out.stdout.length, stderr: out.stderr.length, console: out.console.length };
      control = await sweptApp();
      const c = control;
      const real = c.services.handlers;
      const realGetPartner = real.getPartner;
      const realExport = real.exportCredentials;
      real.getPartner = async (i) => {
        const p = await realGetPartner(i);
        c.services.events.emit({ type: 'credentials-changed', profileId: p.profileId, customerAuthId: leak });
        process.stdout.write(`leaky handler: ${leak}\n`);
        process.stderr.write(`leaky handler: ${leak}\n`);
        console.log('leaky handler', leak);
        // base64 on disk: the sweep must see through the encoding.
        writeFileSync(join(c.dataDir, 'leaky.log'), Buffer.from(leak).toString('base64'));
        // A copy that is never cleared.
        await c.platform.clipboard.writeText(leak);
        // A line put in the real log file without redact(): the sweep must find it there.
        c.services.logFile!.write(`unredacted line: ${leak}\n`);
        return { ...p, company: leak };
      };
      real.exportCredentials = async (i) => {
        const r = await realExport(i);
        appendFileSync(c.platform.nextSavePath!, `"${leak}"\r\n`);
        return r;
      };
      real.quickSwitch = async () => {
        throw new AppError('UPSTREAM', `The server said ${leak}`, { retryable: false });
      };
      const nw = sim.state.partners[0]!;
      const pid = ok<ProfileListDTO>(await c.call('addProfile', { displayName: 'Control', authId: nw.authId, token: nw.token, baseUrl: sim.partnerBaseUrl })).activeId!;
      // A request id main cannot tell from a secret it was never told about: it reaches the report.
      sim.setFaults({ queue: [{ match: 'GET /api/v1/partner/me', kind: 'status', status: 500, body: { status: 'error', error: { code: 'INTERNAL_ERROR', message: 'x' }, requestId: leak } }] });
      expect((await c.call('getPartner', {})).ok).toBe(false);
      ok(await c.call('copyDiagnostics', {}));
      c.diagnostics.push(c.platform.clipboardText);
      ok(await c.call('getPartner', {}));
      const cust = ok<CustomerPageDTO>(await c.call('listCustomers', { profileId: pid })).items[0]!;
      ok(await c.call('selectCustomer', { profileId: pid, customerAuthId: cust.authId }));
      await exportCsv(c, { profileId: pid, customerAuthId: cust.authId }, 'control.csv');
      expect((await c.call('quickSwitch', { query: 'x' })).ok).toBe(false);
      const controlOut: Captured = { stdout: out.stdout.slice(mark.stdout), stderr: out.stderr.slice(mark.stderr), console: out.console.slice(mark.console), restore: () => undefined };
      // Closed first: the log file is flushed on close.
      await c.services.close();
      controlHits = sweep(placesOf(c, controlOut, { errors: [], clipboard: [c.platform.clipboardText] }).places, { 'control leak': leak });
    } finally {
      out.restore();
    }

    // Each canary was really in play: handed to main, made by main (a generated password, seen in
    // its one reveal), or issued or held by the simulator and so fetched by main (a returned
    // password, an issued token or JWT).
    const played = [main!.inputs.join('\n'), main!.answers.filter((x) => x.disclosed).map((x) => x.text).join('\n'), JSON.stringify(sim.requests), JSON.stringify(sim.state), sim.echoed.join('\n')].join('\n');
    const idle = Object.entries(canaries).filter(([, v]) => !played.includes(v)).map(([k]) => k);
    const controlCaught = controlPlaces.every((p) => controlHits.some((h) => h.startsWith(p)));
    const logFiles = Object.keys(places).filter((p) => p.startsWith('log file '));
    const bridgeSearched = main!.answers.length + main!.events.length + afterRestart.length;
    recordFigures('leak-sweep', {
      check: 'Leak sweep',
      figures: {
        'secret kinds': new Set(Object.keys(canaries).map((k) => k.split(':')[0])).size,
        canaries: Object.keys(canaries).length,
        'canaries in play': Object.keys(canaries).length - idle.length,
        'places searched': Object.keys(places).length,
        'bridge answers and events searched': bridgeSearched,
        'files searched': files,
        'log files searched (rotated included)': logFiles.length,
        'error messages searched': main!.errors.length + httpErrors.length,
        hits: hits.length,
        'control places caught': `${controlPlaces.filter((p) => controlHits.some((h) => h.startsWith(p))).length}/${controlPlaces.length}`,
        'run ms': Date.now() - started,
      },
      failures: hits.length,
      controlCaught,
    });

    // Each place was really in play.
    expect(main!.exports).toHaveLength(6);
    // The log rotated (many files), and it holds what it must: failed provider calls of every
    // provider with their request ids, syncs, both starts (before and after the restart).
    expect(logFiles.length, 'rotated log files').toBeGreaterThan(3);
    const logText = logFiles.map((f) => places[f]!).join('');
    for (const p of ['vobiz', 'voipbin', 'vocobase']) expect(logText).toMatch(new RegExp(`WARN  ${p} request failed: (GET|POST|PUT|DELETE) /\\S+ status=\\d{3} request=req_[0-9a-f]+ code=[A-Z_]+`));
    expect(logText).toMatch(/INFO  sync \S+ started/);
    expect(logText).toMatch(/INFO  sync \S+ (done|partial|failed)/);
    expect(logText.match(/INFO  Trunkdesk \S+ starting/g)?.length).toBe(2);
    expect(clipboard).toEqual(['', '']);
    expect(main!.errors.length).toBeGreaterThan(20);
    expect(httpErrors).toHaveLength(2);
    expect(idle, 'canaries never in play').toEqual([]);
    expect(hits).toEqual([]);
    expect(controlHits.sort()).toEqual(expect.arrayContaining(controlPlaces.map((p) => expect.stringMatching(new RegExp(`^${p}`)))));
    expect(controlCaught).toBe(true);
  });
});
