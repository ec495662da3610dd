// Throwaway TLS material for tests, made with the openssl CLI: a CA (as a company's TLS-inspection
// root would be) and a server certificate for 127.0.0.1 signed by it. Nothing is trusted by the
// OS; a test hands the CA to the code under test explicitly.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TestCa {
  /** The CA certificate, PEM, and where it is on disk. */
  caPem: string;
  caPath: string;
  /** The server's key and certificate (SAN IP:127.0.0.1, DNS:localhost). */
  key: string;
  cert: string;
}

function openssl(args: string[], cwd: string): void {
  try {
    execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    const err = e as { code?: string; stderr?: Buffer };
    if (err.code === 'ENOENT') throw new Error('These tests make throwaway certificates with the openssl CLI: apt-get install openssl.');
    throw new Error(`openssl ${args[0]} failed: ${err.stderr?.toString() ?? String(e)}`);
  }
}

/** A CA named `cn` and a server certificate for 127.0.0.1 it signed, in `dir`. */
export function makeTestCa(dir: string, cn = 'Trunkdesk Test Inspection CA'): TestCa {
  const days = ['-days', '2'];
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', ...days, '-subj', `/O=Trunkdesk Tests/CN=${cn}`, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], dir);
  openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1'], dir);
  writeFileSync(join(dir, 'server.ext'), 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n');
  openssl(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', ...days, '-sha256', '-extfile', 'server.ext'], dir);
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  return { caPem: read('ca.pem'), caPath: join(dir, 'ca.pem'), key: read('server.key'), cert: read('server.pem') };
}
