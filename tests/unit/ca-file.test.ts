import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCaPem } from '../../src-main/net/ca-file';
import { NetworkSettings } from '../../src-main/services/network';
import { makeTestCa } from '../support/certs';
import { tempDir } from '../support/tmp';

describe('a CA file chosen in Settings → Network', () => {
  const dir = tempDir();
  const ca = makeTestCa(dir);
  const other = makeTestCa(tempDir(), 'Second CA');

  it('describes each certificate of a bundle: subject, issuer, expiry, whether it is a CA', () => {
    const { pems, certificates } = checkCaPem(`# company bundle\n${ca.caPem}\n${other.caPem}\n${ca.cert}`);
    expect(pems).toHaveLength(3);
    expect(certificates.map((c) => [c.subject, c.isCa])).toEqual([
      ['O=Trunkdesk Tests, CN=Trunkdesk Test Inspection CA', true],
      ['O=Trunkdesk Tests, CN=Second CA', true],
      ['CN=127.0.0.1', false],
    ]);
    expect(certificates[2]!.issuer).toBe('O=Trunkdesk Tests, CN=Trunkdesk Test Inspection CA');
    expect(Date.parse(certificates[0]!.validTo)).toBeGreaterThan(Date.now());
    expect(certificates[0]!.expired).toBe(false);
    expect(checkCaPem(ca.caPem, new Date(Date.now() + 10 * 86_400_000)).certificates[0]!.expired).toBe(true);
  });

  it('refuses a private key, a file with no certificate, and a damaged one', () => {
    expect(() => checkCaPem(ca.key + ca.caPem)).toThrow(/holds a private key/);
    expect(() => checkCaPem(readFileSync(join(dir, 'server.csr'), 'utf8'))).toThrow(/holds no PEM certificate/);
    expect(() => checkCaPem('hello')).toThrow(/holds no PEM certificate/);
    const damaged = ca.caPem.replace(/\n[A-Za-z0-9+/]{20}/, '\nAAAAAAAAAAAAAAAAAAAA');
    expect(() => checkCaPem(damaged)).toThrow(/does not parse|could not be used/);
  });

  it('a settings file that does not read is kept aside, and the app goes on without a CA', async () => {
    const d = tempDir();
    const path = join(d, 'network.json');
    const s = await NetworkSettings.open(path);
    expect(s.ca).toBeNull();
    await s.setCa({ fileName: 'ca.pem', addedAt: new Date().toISOString(), pem: ca.caPem });
    expect((await NetworkSettings.open(path)).ca?.fileName).toBe('ca.pem');
    writeFileSync(path, '{"version":1,"ca":{"fileName":"x","addedAt":"y","pem":"not a cert"}}');
    expect((await NetworkSettings.open(path)).ca).toBeNull();
    expect(readdirSync(d).some((f) => f.startsWith('network.json.corrupt-'))).toBe(true);
  });
});
