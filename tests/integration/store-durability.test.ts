// The local store's durability rules with real processes and real file systems: a writer killed
// with SIGKILL mid-write leaves the previous file readable; a full disk or a read-only data folder
// is reported and loses nothing already stored. (The last two need a small tmpfs, which needs
// root; where it cannot be mounted they say why and skip.)
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalStore } from '../../src-main/store/local-store';
import { tempDir } from '../support/tmp';

const ROOT = resolve(__dirname, '../..');
const item = (i: number, tag: string) => ({ id: `c${i}`, kind: 'sip' as const, username: `${tag}${i}`, name: null, realm: null, enabled: i % 2 === 0, createdAt: null, updatedAt: null });
const list = (n: number, tag: string) => ({ fetchedAt: new Date().toISOString(), total: n, items: Array.from({ length: n }, (_, i) => item(i, tag)) });

describe('a writer killed mid-write', () => {
  it('leaves the previous file readable, every time (5 kills at different moments)', async () => {
    const dataDir = tempDir();
    const key = randomBytes(32);
    for (let round = 0; round < 5; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/support/store-writer.ts'), dataDir, key.toString('hex')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
      let wrote = 0;
      child.stdout.on('data', (d: Buffer) => {
        const m = /wrote (\d+)/g;
        for (const x of d.toString().matchAll(m)) wrote = Number(x[1]);
      });
      // Wait for at least one complete write, then kill at a moment that varies per round.
      await new Promise<void>((r, j) => {
        const t = setInterval(() => wrote >= 1 && (clearInterval(t), r()), 10);
        setTimeout(() => (clearInterval(t), j(new Error('the writer never wrote'))), 20_000).unref();
      });
      await new Promise((r) => setTimeout(r, 37 * round + Math.floor(Math.random() * 60)));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const fresh = new LocalStore(dataDir, async () => key);
      const stored = await fresh.credentials('p_killtest0001', 'MA_KILL0001');
      expect(stored?.items).toHaveLength(100_000);
      // Whole generations only: every row from one write.
      const gen = /^gen(\d+)user0$/.exec(stored!.items[0]!.username)![1];
      expect(stored!.items[99_999]!.username).toBe(`gen${gen}user99999`);
      expect(Number(gen)).toBeGreaterThanOrEqual(wrote);
      expect(fresh.notices).toEqual([]);
    }
  });
});

/** A tmpfs of `size`, or the reason it cannot be had here. */
function tmpfs(size: string): { dir: string; remount(opts: string): void } | string {
  const dir = tempDir('trunkdesk-tmpfs-');
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) return `cannot mount a tmpfs here (${(r.stderr || r.error?.message || '').trim() || 'not root'})`;
  mounted.push(dir);
  return { dir, remount: (opts) => void spawnSync('mount', ['-o', `remount,${opts}`, dir]) };
}
const mounted: string[] = [];
afterAll(() => {
  for (const d of mounted) spawnSync('umount', ['-l', d]);
});

describe('a data folder that cannot take the write', () => {
  it('a full disk is reported with what to do, and what was stored stays readable', async (ctx) => {
    const fs = tmpfs('3m');
    if (typeof fs === 'string') {
      console.log(`skipped: ${fs}`);
      return ctx.skip();
    }
    const key = randomBytes(32);
    const store = new LocalStore(fs.dir, async () => key);
    await store.putCredentials('p_diskfull0001', 'MA_SMALL01', list(1_000, 'small'));
    // Far more than 3 MB: the write fails part-way.
    await expect(store.putCredentials('p_diskfull0001', 'MA_BIG0001', list(200_000, 'big'))).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/disk is full/) });
    // Replacing a good list on a full disk keeps the good one, on disk and in memory.
    await expect(store.putCredentials('p_diskfull0001', 'MA_SMALL01', list(200_000, 'replaced'))).rejects.toMatchObject({ message: expect.stringMatching(/disk is full/) });
    expect((await store.credentials('p_diskfull0001', 'MA_SMALL01'))?.items[0]?.username).toBe('small0');
    const fresh = new LocalStore(fs.dir, async () => key);
    expect((await fresh.credentials('p_diskfull0001', 'MA_SMALL01'))?.items).toHaveLength(1_000);
    expect(await fresh.credentials('p_diskfull0001', 'MA_BIG0001')).toBeUndefined();
    // No half-written temp file left to fill the disk further.
    expect(readdirSync(join(fs.dir, 'store', 'p_diskfull0001')).filter((n) => !n.endsWith('.bin'))).toEqual([]);
  });

  it('a read-only data folder is reported, and stored data is still read', async (ctx) => {
    const fs = tmpfs('8m');
    if (typeof fs === 'string') {
      console.log(`skipped: ${fs}`);
      return ctx.skip();
    }
    const key = randomBytes(32);
    mkdirSync(join(fs.dir, 'store'), { recursive: true });
    await new LocalStore(fs.dir, async () => key).putCredentials('p_readonly0001', 'MA_RO0001', list(500, 'ro'));
    fs.remount('ro');
    const store = new LocalStore(fs.dir, async () => key);
    expect((await store.credentials('p_readonly0001', 'MA_RO0001'))?.items).toHaveLength(500);
    await expect(store.putCredentials('p_readonly0001', 'MA_RO0001', list(10, 'new'))).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/read-only/) });
    expect((await store.credentials('p_readonly0001', 'MA_RO0001'))?.items).toHaveLength(500);
    fs.remount('rw');
  });
});

describe('patches to one stored profile that arrive together', () => {
  it('both survive, in memory and on disk (the partner and the account list are fetched at once)', async () => {
    const dir = tempDir();
    const key = randomBytes(32);
    const store = new LocalStore(dir, async () => key);
    const partner = { value: { name: 'Aurora' } as never, fetchedAt: '2026-12-02T00:00:00.000Z' };
    const accounts = { rows: [{ authId: 'acct1', name: 'Aurora' } as never], fetchedAt: '2026-12-02T00:00:00.000Z' };
    await Promise.all([store.putProfile('p_patches00001', { partner }), store.putProfile('p_patches00001', { accounts })]);
    expect(Object.keys(await store.profile('p_patches00001')).sort()).toEqual(['accounts', 'partner']);
    const reopened = new LocalStore(dir, async () => key);
    expect(Object.keys(await reopened.profile('p_patches00001')).sort()).toEqual(['accounts', 'partner']);
  });
});

describe('what a killed write leaves behind', () => {
  it('is removed when the app next starts, and nothing else is: state files and kept-aside copies stay', async () => {
    const dataDir = tempDir();
    mkdirSync(join(dataDir, 'store', 'p_x'), { recursive: true });
    const leftovers = ['profiles.json.0123456789ab.tmp', 'store/p_x/credentials.bin.abcdef012345.tmp'];
    const kept = ['profiles.json.corrupt-2026-12-01T10-00-00-000Z', 'notes.tmp', 'store/p_x/other.x1.tmp'];
    for (const f of [...leftovers, ...kept]) writeFileSync(join(dataDir, f), 'x');
    const app = await (await import('./support')).mainApp({ dataDir });
    await app.services.close();
    const all = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? all(join(d, e.name)).map((n) => `${e.name}/${n}`) : [e.name]));
    const left = all(dataDir);
    for (const f of leftovers) expect(left).not.toContain(f);
    for (const f of kept) expect(left).toContain(f);
  });
});
