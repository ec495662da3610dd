// The rotating log file (src-main/logs/log-file.ts) behind main's one logger (net/redact.ts), on
// real files in a temp folder: every line redacted, one line per event with its ISO time and level,
// rotation by size keeping N files, 0600 files in a 0700 folder, and a logger that never throws
// and drops (and counts) lines rather than blocking when the disk fails or cannot keep up.
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOG_FILE_NAME, LogFile } from '../../src-main/logs/log-file';
import { log, rememberSecret, setLogSink } from '../../src-main/net/redact';
import { tempDir } from '../support/tmp';

const mode = (p: string) => (statSync(p).mode & 0o777).toString(8);
const readAll = (dir: string) => readdirSync(dir).sort().map((n) => readFileSync(join(dir, n), 'utf8')).join('');

afterEach(() => setLogSink(null));

describe('the log file', () => {
  it('gets every line the app logs, redacted, one line per event with ISO time and level', async () => {
    const dir = join(tempDir(), 'logs');
    const file = new LogFile({ dir });
    setLogSink(file);
    const secret = `canary-${Math.random().toString(36).slice(2)}-known`;
    rememberSecret(secret);
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJsb2ctdGVzdCJ9.c2lnbmF0dXJlLXZhbHVl';
    log.info(`a known secret ${secret} and a JWT ${jwt}`);
    log.warn('a header', { 'X-Auth-Token': 'unknown-token-value-123' });
    log.error('two\nlines', new Error(`boom ${secret}`));
    await file.close();
    const text = readFileSync(join(dir, LOG_FILE_NAME), 'utf8');
    expect(text).not.toContain(secret);
    expect(text).not.toContain(jwt);
    expect(text).not.toContain('unknown-token-value-123');
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z INFO  a known secret \[redacted\] and a JWT \[redacted\]$/);
    expect(lines[1]).toMatch(/^\S+Z WARN  a header \{"X-Auth-Token":"\[redacted\]"\}$/);
    expect(lines[2]).toMatch(/^\S+Z ERROR two\\nlines Error: boom \[redacted\]$/);
    expect(mode(dir)).toBe('700');
    expect(mode(join(dir, LOG_FILE_NAME))).toBe('600');
  });

  it('rotates by size and keeps the current file plus N rotated ones, all 0600', async () => {
    const dir = join(tempDir(), 'logs');
    const file = new LogFile({ dir, maxBytes: 1000, files: 3 });
    setLogSink(file);
    for (let i = 0; i < 300; i++) {
      log.info(`line ${String(i).padStart(3, '0')} ${'x'.repeat(40)}`);
      // Rotation happens between writes: give the stream a turn now and then.
      if (i % 10 === 9) await new Promise((r) => setTimeout(r, 5));
    }
    await file.close();
    expect(readdirSync(dir).sort()).toEqual([LOG_FILE_NAME, `${LOG_FILE_NAME}.1`, `${LOG_FILE_NAME}.2`, `${LOG_FILE_NAME}.3`]);
    for (const n of readdirSync(dir)) {
      expect(mode(join(dir, n))).toBe('600');
      // A write is never split across two files; a file goes past the limit by at most one line.
      expect(statSync(join(dir, n)).size).toBeLessThan(1000 + 200);
    }
    // The newest lines are in the live file, the oldest were dropped with the oldest file.
    expect(readFileSync(join(dir, LOG_FILE_NAME), 'utf8')).toContain('line 299');
    expect(readAll(dir)).not.toContain('line 000');
    expect(readFileSync(join(dir, `${LOG_FILE_NAME}.3`), 'utf8').split('\n')[0]).toMatch(/line \d{3}/);
    expect(file.dropped).toBe(0);
  });

  it('never throws and drops (and counts) lines when the file cannot be written', async () => {
    const dir = join(tempDir(), 'logs');
    mkdirSync(dir, { recursive: true });
    // A "file" that is a full device: the stream fails, the logger goes on without it.
    symlinkSync('/dev/full', join(dir, LOG_FILE_NAME));
    const file = new LogFile({ dir, reopenAfterMs: 60_000 });
    setLogSink(file);
    log.info('first');
    await new Promise((r) => setTimeout(r, 50));
    for (let i = 0; i < 10; i++) expect(() => log.info(`line ${i}`)).not.toThrow();
    expect(file.dropped).toBeGreaterThanOrEqual(10);
    // Nor does a value that cannot be described.
    const hostile = { toJSON: () => { throw new Error('no'); } };
    expect(() => log.warn('hostile', hostile)).not.toThrow();
    await file.close();
  });

  it('drops lines rather than queueing without bound when the disk cannot keep up, then says how many', async () => {
    const dir = join(tempDir(), 'logs');
    const file = new LogFile({ dir, maxBufferedBytes: 2_000 });
    setLogSink(file);
    // One synchronous burst: nothing is written until it ends, so the buffer fills.
    for (let i = 0; i < 500; i++) log.info(`burst ${i} ${'y'.repeat(60)}`);
    const dropped = file.dropped;
    expect(dropped).toBeGreaterThan(400);
    await new Promise((r) => setTimeout(r, 50));
    log.info('after the burst');
    await file.close();
    const text = readFileSync(join(dir, LOG_FILE_NAME), 'utf8');
    expect(text).toContain(`WARN  ${dropped} log line(s) were dropped`);
    expect(text).toContain('after the burst');
    expect(text).toContain('burst 0 ');
  });
});
