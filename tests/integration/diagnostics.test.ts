// Copy diagnostics and Open logs folder through the real router and services against the
// simulator: after real failing calls of every provider, the report on the (stand-in) clipboard
// names the versions, the profile count per provider, and each error's code, status and the very
// request id the simulator answered with; and it holds no secret and none of the simulator's
// customer data (names, emails, auth IDs, usernames, ids).
import { arch, release, type } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileListDTO, CustomerPageDTO } from '../../src-preload/contract';
import { startSimulator, type Simulator } from '../sim/server';
import { DEMO_PARTNERS, DEMO_VOCOBASE, DEMO_VOIPBIN } from '../sim/data';
import { canary } from '../browser/canary-sweep';
import { makeTestCa } from '../support/certs';
import { tempDir } from '../support/tmp';
import { mainApp, ok } from './support';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ quiet: true });
});
afterAll(async () => {
  await sim.close();
});

/** Every string the simulator holds as a name, email, id, username or secret: customer data, or worse. */
function customerData(state: unknown): string[] {
  const out = new Set<string>();
  const walk = (v: unknown, key: string) => {
    if (typeof v === 'string') {
      if (v.length >= 5 && /name|email|id$|Id$|user|token|key|password|secret|company|phone|host|did|domain|realm/i.test(key)) out.add(v);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(state, '');
  return [...out];
}

describe('Copy diagnostics', () => {
  it('after real failures of every provider: versions, counts per provider, codes with request ids; no secret, no customer data', async () => {
    const a = await mainApp({ http: { maxRetries: 0 } });
    const [northwind, blueFjord] = DEMO_PARTNERS;
    // A partner whose token is a canary, echoed back by a hostile error answer.
    const token = canary('DIAG');
    sim.addPartner({ authId: 'PA_DIAG0001', token, name: 'Diagnostics Partner Ltd' });
    const nw = ok<ProfileListDTO>(await a.call('addProfile', { displayName: 'Northwind', authId: northwind!.authId, token: northwind!.token, baseUrl: sim.partnerBaseUrl })).activeId!;
    ok(await a.call('addProfile', { displayName: 'Blue Fjord', authId: blueFjord!.authId, token: blueFjord!.token, baseUrl: sim.partnerBaseUrl }));
    sim.setFaults({ queue: [{ match: 'GET /api/v1/partner/me', kind: 'echo', status: 401 }] });
    expect((await a.call('addProfile', { displayName: 'Diag', authId: 'PA_DIAG0001', token, baseUrl: sim.partnerBaseUrl })).ok).toBe(false);
    const admin = DEMO_VOIPBIN.logins.admin;
    const vb = ok<ProfileListDTO>(await a.call('addProviderProfile', { method: 'voipbin-login', displayName: 'Aurora', username: admin.username, password: admin.password, baseUrl: sim.voipbinBaseUrl })).activeId!;
    ok(await a.call('addProviderProfile', { method: 'vocobase-key', displayName: 'Cinder', apiKey: DEMO_VOCOBASE.cinder.key, baseUrl: sim.vocobaseBaseUrl }));

    // Customer data in play: lists read into main.
    ok(await a.call('switchProfile', { id: nw }));
    const customers = ok<CustomerPageDTO>(await a.call('listCustomers', { profileId: nw }));
    const first = customers.items[0]!;
    ok(await a.call('selectCustomer', { profileId: nw, customerAuthId: first.authId }));
    ok(await a.call('listCredentials', { profileId: nw, customerAuthId: first.authId }));

    // Failures: a Vobiz 500, a VoIPBIN 403 on the extension list (in a sync), a Vocobase 503.
    sim.setFaults({ queue: [{ match: 'GET /api/v1/partner/me', kind: 'status', status: 500 }] });
    expect((await a.call('getPartner', { profileId: nw })).ok).toBe(false);
    const vobizId = sim.requests.filter((r) => r.path.startsWith('/api/v1/partner/me')).at(-1)!.requestId;
    ok(await a.call('switchProfile', { id: vb }));
    const vbAccount = ok<CustomerPageDTO>(await a.call('listCustomers', { profileId: vb })).items[0]!.authId;
    sim.setFaults({ queue: [{ match: 'GET /voipbin/v1.0/extensions', kind: 'status', status: 403, times: -1 }] });
    await a.call('syncAccount', { profileId: vb, customerAuthId: vbAccount, syncId: 'y_diag00000001' });
    const voipbinId = sim.requests.filter((r) => r.path.startsWith('/voipbin/v1.0/extensions')).at(-1)!.requestId;
    const vcs = ok<ProfileListDTO>(await a.call('listProfiles', {})).profiles.find((p) => p.provider === 'vocobase')!;
    ok(await a.call('switchProfile', { id: vcs.id }));
    sim.setFaults({ queue: [{ match: 'GET /vocobase/api/v2/config', kind: 'status', status: 503, times: -1 }] });
    expect((await a.call('getPartner', { profileId: vcs.id })).ok).toBe(false);
    const vocobaseId = sim.requests.filter((r) => r.path.startsWith('/vocobase/api/v2/config')).at(-1)!.requestId;
    sim.setFaults({});

    const r = ok<{ copied: true; lines: number; errors: number }>(await a.call('copyDiagnostics', {}));
    const text = a.platform.clipboardText;
    expect(r.copied).toBe(true);
    expect(r.lines).toBe(text.trimEnd().split('\n').length);
    expect(r.errors).toBeGreaterThanOrEqual(4);
    expect(text).toContain(`Node: ${process.versions.node}\n`);
    expect(text).toContain('Electron: not running in Electron\n');
    expect(text).toContain(`OS: ${type()} ${release()} (${arch()})\n`);
    expect(text).toContain('Profiles: 4 (Vobiz 2, VoIPBIN 1, Vocobase 1)\n');
    expect(text).toContain('Network: online;');
    expect(text).toMatch(/\| Vobiz \| UNAUTHORIZED \| HTTP 401 \| request req_[0-9a-f]+ \| GET the partner profile\n/);
    expect(text).toContain(`| Vobiz | UPSTREAM | HTTP 500 | request ${vobizId} | GET the partner profile\n`);
    expect(text).toMatch(new RegExp(`\\| VoIPBIN \\| FORBIDDEN \\| HTTP 403 \\| request ${voipbinId} \\| GET the (extension|SIP credential) list\\n`));
    expect(text).toContain(`| Vocobase | UPSTREAM | HTTP 503 | request ${vocobaseId} | GET the account configuration\n`);
    expect(text.match(/^- /gm)).toHaveLength(r.errors);

    // No secret, no customer data: every name, email, id, username, token, key and password the
    // simulator holds, and the profiles' display names.
    // (The simulator names Aurora's access key "Trunkdesk": the app's own name, not customer data.)
    const forbidden = [...customerData(sim.state).filter((s) => s !== 'Trunkdesk'), token, admin.password, 'Northwind', 'Blue Fjord', 'Aurora', 'Cinder', 'Diagnostics Partner'];
    expect(forbidden.length).toBeGreaterThan(100);
    expect(forbidden.filter((s) => text.includes(s))).toEqual([]);
    expect(sim.echoed.join('\n')).toContain(token);

    // Open logs folder: the OS file manager is asked to open the log folder.
    ok(await a.call('openLogsFolder', {}));
    expect(a.platform.openedFolders).toEqual([a.logDir]);
    await a.services.close();
  });

  it("says where requests go out and which CAs are trusted, as Settings → Network does, without the proxy's address or the CA file's name", async () => {
    const ca = makeTestCa(tempDir());
    const env = { HTTPS_PROXY: 'http://carol:Diag-Proxy-Pw-61@proxy.corp.example:3128', NODE_EXTRA_CA_CERTS: '/etc/company/extra-roots.pem' };
    const a = await mainApp({ env });
    a.platform.nextOpenPath = ca.caPath;
    ok(await a.call('chooseCaCertificate', {}));
    ok(await a.call('copyDiagnostics', {}));
    const text = a.platform.clipboardText;
    await a.services.close();
    expect(text).toContain('Network: online; proxy: from the environment; company CA file: 1 certificate; NODE_EXTRA_CA_CERTS: set\n');
    for (const never of ['carol', 'Diag-Proxy-Pw-61', 'proxy.corp.example', '3128', 'extra-roots', 'ca.pem', 'Trunkdesk Test Inspection CA']) expect(text, never).not.toContain(never);

    // An environment proxy it cannot use is said to be so.
    const b = await mainApp({ env: { HTTPS_PROXY: 'socks5://s.corp.example:1080' } });
    ok(await b.call('copyDiagnostics', {}));
    await b.services.close();
    expect(b.platform.clipboardText).toContain('Network: online; proxy: from the environment (unusable: requests fail); company CA file: none; NODE_EXTRA_CA_CERTS: not set\n');
    expect(b.platform.clipboardText).not.toContain('s.corp.example');
  });
});
