// scripts/electronegativity.ts's judge: a finding passes only with a review entry (same check,
// same file) that gives a written reason; no findings is a pass; the negative control is caught.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { controlCaught, judgeFindings, type Review } from '../../scripts/electronegativity-judge';

const reviewed = JSON.parse(readFileSync(resolve(__dirname, '../../scripts/electronegativity-reviewed.json'), 'utf8')) as Review[];
const f = (check: string, file = 'out/main/index.js') => ({ check, file, message: 'm' });

describe('electronegativity judge', () => {
  it('passes no findings', () => {
    expect(judgeFindings([], [])).toMatchObject({ findings: 0, reviewedWithReason: 0, unreviewed: 0 });
  });

  it('passes a finding reviewed with a reason, and fails one with none', () => {
    const why = 'Only allowlisted https links are opened, see security.ts.';
    expect(judgeFindings([f('A')], [{ check: 'A', file: 'out/main/index.js', why }])).toMatchObject({ reviewedWithReason: 1, unreviewed: 0 });
    expect(judgeFindings([f('A')], [])).toMatchObject({ reviewedWithReason: 0, unreviewed: 1 });
  });

  it('a review entry at another file, or without a real reason, does not cover a finding', () => {
    expect(judgeFindings([f('A')], [{ check: 'A', file: 'out/preload/index.cjs', why: 'A long enough reason for some other file.' }]).unreviewed).toBe(1);
    for (const why of ['', 'ok', 'TODO: explain why this is fine later', '   safe   ']) {
      expect(judgeFindings([f('A')], [{ check: 'A', file: 'out/main/index.js', why }]).unreviewed).toBe(1);
    }
  });

  it('names stale review entries without failing on them', () => {
    const j = judgeFindings([], [{ check: 'GONE', file: 'out/main/index.js', why: 'It was reviewed once, long enough.' }]);
    expect(j.unreviewed).toBe(0);
    expect(j.stale).toHaveLength(1);
  });

  it('every checked-in review entry carries a reason', () => {
    expect(reviewed.length).toBeGreaterThan(0);
    expect(judgeFindings(reviewed.map((r) => f(r.check, r.file)), reviewed)).toMatchObject({ unreviewed: 0, reviewedWithReason: reviewed.length });
  });

  it('catches its negative control', () => {
    expect(controlCaught(reviewed)).toBe(true);
  });
});
