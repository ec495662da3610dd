// Secrets must never reach a log line, an error message or a crash report. Everything main logs
// goes through redact(): every secret main knows (scrub.ts), then the header and query patterns
// that catch a secret main was never told about.
import { scrubText } from './scrub';

export { rememberSecret } from './scrub';

const PATTERNS: Array<[RegExp, string]> = [
  [/(x-auth-token["']?\s*[:=]\s*["']?)[^"',\s}]+/gi, '$1[redacted]'],
  [/(authorization["']?\s*[:=]\s*["']?(?:bearer|basic)?\s*)[^"',\s}]+/gi, '$1[redacted]'],
  [/(\b(?:token|accesskey|access_token|api_key)=)[^&\s"']+/gi, '$1[redacted]'],
  [/("?(?:auth_token|access_token|token|password)"?\s*:\s*")[^"]*(")/gi, '$1[redacted]$2'],
];

export function redact(text: string): string {
  let out = scrubText(text);
  for (const [re, rep] of PATTERNS) out = out.replace(re, rep);
  return out;
}

/** Where log lines go besides the console: the rotating log file (logs/log-file.ts), once opened. */
export interface LogSink {
  /** Must not throw and must not block: a sink that cannot keep up drops the line and counts it. */
  write(line: string): void;
}

let sink: LogSink | null = null;

/** Main's one log file, or none (tests without a log folder). The last one set wins: one app per process. */
export function setLogSink(next: LogSink | null): void {
  sink = next;
}

export const currentLogSink = (): LogSink | null => sink;

export type LogLevel = 'info' | 'warn' | 'error';

/** The app's only logger in main: one line per event, always redacted, to the console and the log file. */
export const log = {
  info: (msg: string, extra?: unknown) => write('info', msg, extra),
  warn: (msg: string, extra?: unknown) => write('warn', msg, extra),
  error: (msg: string, extra?: unknown) => write('error', msg, extra),
};

function write(level: LogLevel, msg: string, extra?: unknown): void {
  // Logging never throws into its caller, whatever it was handed (a getter that throws, a cycle).
  try {
    const detail = extra === undefined ? '' : ' ' + describe(extra);
    // The one redaction of a log line: both exits below get the same redacted text.
    const text = redact(`${msg}${detail}`);
    if (!(process.env.TRUNKDESK_QUIET === '1' && level === 'info')) {
      (level === 'error' ? console.error : level === 'warn' ? console.warn : console.log)(`[trunkdesk] ${level}: ${text}`);
    }
    sink?.write(fileLine(new Date(), level, text));
  } catch {
    // Nothing to do: a logger that fails must not take its caller down with it.
  }
}

/** `2026-12-02T18:46:01.123Z WARN  text`: one line per event, whatever the text held (newlines escaped). */
export function fileLine(at: Date, level: LogLevel, redacted: string): string {
  const oneLine = redacted.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? ' ' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  return `${at.toISOString()} ${level.toUpperCase().padEnd(5)} ${oneLine}\n`;
}

function describe(x: unknown): string {
  if (x instanceof Error) return `${x.name}: ${x.message}`;
  try {
    return JSON.stringify(x) ?? String(x);
  } catch {
    return String(x);
  }
}
