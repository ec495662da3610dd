// Printing and timing helpers for the bench. Every figure is printed next to its target and as a
// ratio against a baseline measured in the same run, marked OK or MISS; nothing here asserts.
import { performance } from 'node:perf_hooks';

export interface Figure {
  /** What was measured, in words. */
  name: string;
  /** The measured value and its unit, already formatted ("2.81 s", "31.2 ms", "64.0 MB"). */
  value: string;
  /** value ÷ baseline (or baseline ÷ value for "times faster" figures); printed as "1.12x". */
  ratio: number;
  /** The baseline, in words, with its own measured value. */
  baseline: string;
  /** The target, in words ("≤ 1.3x the floor", "< 250 ms"). */
  target: string;
  /** Whether the target is met; undefined prints INFO (no target of its own). */
  ok: boolean | undefined;
  /** Extra detail after the line (indented). */
  notes?: string[];
}

const results: Figure[] = [];

export function heading(title: string): void {
  console.log(`\n== ${title}`);
}

export function note(text: string): void {
  console.log(`   ${text}`);
}

export function figure(f: Figure): void {
  results.push(f);
  const mark = f.ok === undefined ? 'INFO' : f.ok ? 'OK  ' : 'MISS';
  const ratio = Number.isFinite(f.ratio) ? `${f.ratio >= 100 ? f.ratio.toFixed(0) : f.ratio.toFixed(2)}x` : '—';
  console.log(`${mark} ${ratio.padStart(8)}  ${f.name}: ${f.value}  [target ${f.target}; baseline ${f.baseline}]`);
  for (const n of f.notes ?? []) console.log(`                ${n}`);
}

export function summary(): { ok: number; miss: number; info: number; misses: Figure[] } {
  const misses = results.filter((r) => r.ok === false);
  return { ok: results.filter((r) => r.ok === true).length, miss: misses.length, info: results.filter((r) => r.ok === undefined).length, misses };
}

export const ms = (v: number): string => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 10 ? 2 : 1)} ms`);
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const int = (n: number): string => n.toLocaleString('en-US');

/** The q-quantile (0..1) of samples, nearest-rank. */
export function quantile(samples: readonly number[], q: number): number {
  const s = [...samples].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}

export async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

/** Median of `runs` timed calls after one warm-up call (bounded). */
export async function median(runs: number, fn: () => Promise<unknown>, warmup = 1): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await time(fn)).ms);
  return quantile(times, 0.5);
}
