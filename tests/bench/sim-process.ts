// The simulator in its own Node process for the bench, driven over the fork IPC channel. A real
// Vobiz is another machine: here the simulator's own work (rendering and serialising pages) runs
// on the other core instead of on main's event loop, and main's heap holds only main's data.
//
//   parent: const sim = await forkSimulator();  await sim.call('seed', …);  await sim.close();
//   child:  this file with --bench-sim-child (started by forkSimulator).
import { fork, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { FaultConfig } from '../sim/types';

export interface SeedCustomers {
  partnerAuthId: string;
  label: string;
  customers: number;
  credentialsEach: number;
}

export interface SeededCustomer {
  authId: string;
  name: string;
  /** The customer's own API token, for the recipe baseline's direct GETs. */
  token: string;
}

interface Ops {
  partner: (p: { authId: string; token: string; name: string }) => { authId: string };
  seed: (s: SeedCustomers) => { customers: SeededCustomer[]; credentials: number; addCredentialMs: number; perCredentialUs: number };
  faults: (f: FaultConfig) => { ok: true };
  count: () => { credentials: number; customers: number };
  cpu: () => { ms: number };
  /** Requests the simulator answered at once since the last inFlightReset (writes apart). */
  inFlight: () => { peak: number; peakWrites: number };
  inFlightReset: () => { ok: true };
}

export interface SimProcess {
  url: string;
  partnerBaseUrl: string;
  call<K extends keyof Ops>(op: K, arg?: Parameters<Ops[K]>[0]): Promise<ReturnType<Ops[K]>>;
  close(): Promise<void>;
}

const CHILD_FLAG = '--bench-sim-child';

/** Username stems: a keystroke sequence 'a','ag','age','agen','agent','agent1',… narrows them step by step. */
export const STEMS = ['agent', 'desk', 'trunk', 'pbx', 'office', 'branch', 'queue', 'sales'] as const;

/** The i-th seeded credential of a customer: varied usernames, created and updated at spread times. */
export function seededCredential(i: number, n: number): { username: string; enabled: boolean; createdAt: string; updatedAt: string } {
  const base = Date.UTC(2024, 0, 1);
  // Creation order is a permutation of the username order, so sorting by it is real work.
  const slot = (i * 7919) % Math.max(1, n);
  const createdAt = new Date(base + slot * 37_000).toISOString();
  const updatedAt = new Date(base + slot * 37_000 + (i % 13) * 86_400_000 + (i % 1000) * 1000).toISOString();
  return { username: `${STEMS[i % STEMS.length]}${Math.floor(i / STEMS.length)}`, enabled: i % 7 !== 0, createdAt, updatedAt };
}

export async function forkSimulator(): Promise<SimProcess> {
  const child: ChildProcess = fork(__filename, [CHILD_FLAG], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let next = 0;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  child.on('message', (m: { id: number; ok: boolean; value?: unknown; error?: string }) => {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (m.ok) w.resolve(m.value);
    else w.reject(new Error(`simulator process: ${m.error}`));
  });
  child.on('exit', (code) => {
    for (const w of waiting.values()) w.reject(new Error(`simulator process exited (${code})`));
    waiting.clear();
  });
  const call = (op: string, arg?: unknown) =>
    new Promise<unknown>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      child.send({ id, op, arg });
    });
  const started = (await call('start')) as { url: string; partnerBaseUrl: string };
  return {
    ...started,
    call: call as SimProcess['call'],
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      await call('stop').catch(() => undefined);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000).unref())]);
      if (child.exitCode === null) child.kill();
    },
  };
}

async function runChild(): Promise<void> {
  const { startSimulator } = await import('../sim/server');
  const sim = await startSimulator({ quiet: true, seed: false });
  const ops: Record<string, (arg: never) => unknown> = {
    start: () => ({ url: sim.url, partnerBaseUrl: sim.partnerBaseUrl }),
    partner: (p: { authId: string; token: string; name: string }) => ({ authId: sim.addPartner({ ...p, maxAccounts: 10_000 }).authId }),
    seed: (s: SeedCustomers) => {
      const customers: SeededCustomer[] = [];
      for (let c = 0; c < s.customers; c++) {
        const name = `${s.label} customer ${String(c + 1).padStart(3, '0')}`;
        const rec = sim.addCustomer(s.partnerAuthId, { name, email: `${s.label.toLowerCase().replace(/[^a-z0-9]/g, '')}${c}@bench.example` });
        customers.push({ authId: rec.authId, name, token: rec.authToken });
      }
      // sim.addCredential, as tests use it: each call marks the per-customer index stale (a
      // WeakMap delete) and the next page request rebuilds it once, so this loop is linear.
      const t = performance.now();
      for (const cust of customers) for (let i = 0; i < s.credentialsEach; i++) sim.addCredential(cust.authId, seededCredential(i, s.credentialsEach));
      const addCredentialMs = performance.now() - t;
      const credentials = s.customers * s.credentialsEach;
      return { customers, credentials, addCredentialMs, perCredentialUs: credentials ? (addCredentialMs * 1000) / credentials : 0 };
    },
    faults: (f: FaultConfig) => {
      sim.setFaults(f);
      return { ok: true };
    },
    /** CPU the simulator process has used so far (ms): what serving a sync cost on this machine. */
    cpu: () => {
      const u = process.cpuUsage();
      return { ms: (u.user + u.system) / 1000 };
    },
    count: () => ({ credentials: sim.state.credentials.length, customers: sim.state.customers.length }),
    inFlight: () => ({ peak: sim.inFlight.peak, peakWrites: sim.inFlight.peakWrites }),
    inFlightReset: () => {
      sim.inFlight.reset();
      return { ok: true };
    },
    stop: async () => {
      await sim.close();
      setImmediate(() => process.exit(0));
      return { ok: true };
    },
  };
  process.on('message', async (m: { id: number; op: string; arg: never }) => {
    try {
      const op = ops[m.op];
      if (!op) throw new Error(`unknown op ${m.op}`);
      process.send!({ id: m.id, ok: true, value: await op(m.arg) });
    } catch (e) {
      process.send!({ id: m.id, ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  });
  // The parent went away: do not linger.
  process.on('disconnect', () => process.exit(0));
}

if (process.argv.includes(CHILD_FLAG)) void runChild();
