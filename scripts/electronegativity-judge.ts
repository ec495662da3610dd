// The judging half of scripts/electronegativity.ts, pure so it can be tested and run on a planted
// finding list as the check's negative control: every finding must match a reviewed entry (same
// check, same file) that carries a written reason. No finding at all is a pass; a finding with no
// entry, or whose entry has no real reason, fails.

export interface Finding {
  check: string;
  /** Relative to the repository root, e.g. out/main/index.js. */
  file: string;
  message: string;
}

export interface Review {
  check: string;
  file: string;
  why: string;
}

export interface Judgement {
  findings: number;
  reviewedWithReason: number;
  unreviewed: number;
  /** Review entries no finding matched any more: worth deleting, not a failure. */
  stale: Review[];
  lines: string[];
}

/** A reason is a sentence someone wrote: not empty, not a placeholder. */
export const MIN_REASON_LENGTH = 20;

export function hasReason(r: Review): boolean {
  const why = (r.why ?? '').trim();
  return why.length >= MIN_REASON_LENGTH && !/^(todo|tbd|fixme|n\/?a|ok|safe|reviewed)\b/i.test(why);
}

export function judgeFindings(findings: readonly Finding[], reviewed: readonly Review[]): Judgement {
  let reviewedWithReason = 0;
  let unreviewed = 0;
  const used = new Set<Review>();
  const lines: string[] = [];
  for (const f of findings) {
    const entry = reviewed.find((r) => r.check === f.check && r.file === f.file);
    if (entry) used.add(entry);
    if (entry && hasReason(entry)) {
      reviewedWithReason++;
      lines.push(`reviewed   ${f.check} in ${f.file} — ${entry.why.trim()}`);
    } else {
      unreviewed++;
      lines.push(`UNREVIEWED ${f.check} in ${f.file}: ${f.message}${entry ? ' (its review entry gives no reason)' : ''}`);
    }
  }
  const stale = reviewed.filter((r) => !used.has(r));
  for (const r of stale) lines.push(`stale review entry (no such finding now): ${r.check} in ${r.file}`);
  return { findings: findings.length, reviewedWithReason, unreviewed, stale, lines };
}

/**
 * The negative control: the real review list plus two planted findings it cannot cover, one with
 * no entry and one whose entry has no reason. The judge must count both as unreviewed.
 */
export function controlCaught(reviewed: readonly Review[]): boolean {
  const planted: Finding[] = [
    { check: 'CONTROL_PLANTED_CHECK', file: 'out/main/control.js', message: 'a deliberately planted finding with no review entry' },
    { check: 'CONTROL_NO_REASON_CHECK', file: 'out/main/control.js', message: 'a deliberately planted finding whose entry has no reason' },
  ];
  const j = judgeFindings(planted, [...reviewed, { check: 'CONTROL_NO_REASON_CHECK', file: 'out/main/control.js', why: 'TODO' }]);
  return j.unreviewed === 2 && j.reviewedWithReason === 0;
}
