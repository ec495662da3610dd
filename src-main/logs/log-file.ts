// The app's log file: `trunkdesk.log` in the app's log folder (Electron's app.getPath('logs'),
// injected, so tests under Node pass a folder of their own), rotated by size.
//
// Rotation is rotating-file-stream's (classic logrotate naming: trunkdesk.log, trunkdesk.log.1 …
// trunkdesk.log.N, the oldest dropped), not ours: it never splits one write across two files and
// renames rather than copies. What this file adds is the promise the logger makes to its callers:
// - every line it is handed is already redacted (net/redact.ts formats and redacts; this file
//   never sees an unredacted line);
// - it never throws and never blocks: writes are asynchronous, and when the stream cannot keep up
//   (a full or failing disk) lines are dropped and counted rather than queued without bound; a
//   stream that failed is reopened after a pause, and its first line says how many were lost;
// - the folder is 0700 and every file 0600: a log names profiles and accounts.
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';
import type { LogSink } from '../net/redact';

export const LOG_FILE_NAME = 'trunkdesk.log';

export interface LogFileOptions {
  dir: string;
  /** Rotate when the file reaches this size (default 1 MB). */
  maxBytes?: number;
  /** Rotated files kept besides the current one (default 5). */
  files?: number;
  /** Lines waiting to be written, in bytes, before new ones are dropped (default 1 MB). */
  maxBufferedBytes?: number;
  /** After a write error, how long before the file is opened again (default 30 s). */
  reopenAfterMs?: number;
}

/** Classic logrotate names (the library calls this with the rotation's number, or null for the live file). */
const rotatedName = (n: number | Date | null): string => (typeof n === 'number' && n > 0 ? `${LOG_FILE_NAME}.${n}` : LOG_FILE_NAME);

export class LogFile implements LogSink {
  readonly dir: string;
  readonly path: string;
  /** Lines dropped since the file was opened (full buffer, failed disk, closed). */
  dropped = 0;
  /** Lines dropped and not yet reported in the file. */
  private unreported = 0;
  private stream: RotatingFileStream | null = null;
  private failedAt = 0;
  private closed = false;
  private readonly o: Required<Omit<LogFileOptions, 'dir'>>;

  constructor(o: LogFileOptions) {
    this.dir = o.dir;
    this.path = join(o.dir, LOG_FILE_NAME);
    this.o = { maxBytes: o.maxBytes ?? 1024 * 1024, files: o.files ?? 5, maxBufferedBytes: o.maxBufferedBytes ?? 1024 * 1024, reopenAfterMs: o.reopenAfterMs ?? 30_000 };
    this.open();
  }

  write(line: string): void {
    try {
      if (this.closed) return void this.drop();
      if (!this.stream && !this.open()) return void this.drop();
      const s = this.stream!;
      if (s.writableLength > this.o.maxBufferedBytes) return void this.drop();
      if (this.unreported > 0) {
        s.write(`${new Date().toISOString()} WARN  ${this.unreported} log line(s) were dropped (the disk was full or too slow)\n`);
        this.unreported = 0;
      }
      s.write(line);
    } catch {
      this.drop();
    }
  }

  /** Flushes what is buffered and closes the file. Later lines are dropped. */
  async close(): Promise<void> {
    this.closed = true;
    const s = this.stream;
    this.stream = null;
    if (!s || s.destroyed) return;
    await new Promise<void>((resolve) => {
      const done = () => resolve();
      s.once('error', done);
      s.end(done);
    });
  }

  private drop(): void {
    this.dropped++;
    this.unreported++;
  }

  /** Opens the stream; false while a failed one waits out its pause. */
  private open(): boolean {
    if (this.failedAt && Date.now() - this.failedAt < this.o.reopenAfterMs) return false;
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      // mkdir's mode only applies to a folder it creates (and passes the umask): set it outright.
      chmodSync(this.dir, 0o700);
      if (existsSync(this.path)) chmodSync(this.path, 0o600);
      const s = createStream(rotatedName, { path: this.dir, size: `${this.o.maxBytes}B`, rotate: this.o.files, mode: 0o600 });
      s.on('error', () => {
        // The library's stream is finished after an error: drop lines until it is reopened.
        if (this.stream === s) this.stream = null;
        this.failedAt = Date.now();
      });
      // A non-blocking error (a rotated file that could not be removed): the stream goes on.
      s.on('warning', () => undefined);
      this.stream = s;
      this.failedAt = 0;
      return true;
    } catch {
      this.failedAt = Date.now();
      return false;
    }
  }
}
