// A child process for the killed-writer test: writes one account's stored list again and again
// (100,000 credentials, a new generation each time) and says "wrote N" after each complete write,
// until it is killed. Arguments: dataDir, key (hex). Bounded: stops by itself after 200 writes.
import { LocalStore } from '../../src-main/store/local-store';

const [dataDir, keyHex] = process.argv.slice(2) as [string, string];
const store = new LocalStore(dataDir, async () => Buffer.from(keyHex, 'hex'));
const items = (gen: number) =>
  Array.from({ length: 100_000 }, (_, i) => ({ id: `c${i}`, kind: 'sip' as const, username: `gen${gen}user${i}`, name: null, realm: null, enabled: true, createdAt: null, updatedAt: null }));

async function main(): Promise<void> {
  for (let gen = 1; gen <= 200; gen++) {
    await store.putCredentials('p_killtest0001', 'MA_KILL0001', { fetchedAt: new Date().toISOString(), total: 100_000, items: items(gen) });
    process.stdout.write(`wrote ${gen}\n`);
  }
}
void main();
