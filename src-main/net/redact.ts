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

/** The app's only logger in main: one line per event, always redacted. */
export const log = {
  info: (msg: string, extra?: unknown) => write('info', msg, extra),
  warn: (msg: string, extra?: unknown) => write('warn', msg, extra),
  error: (msg: string, extra?: unknown) => write('error', msg, extra),
};

function write(level: 'info' | 'warn' | 'error', msg: string, extra?: unknown): void {
  if (process.env.TRUNKDESK_QUIET === '1' && level === 'info') return;
  const detail = extra === undefined ? '' : ' ' + describe(extra);
  const line = redact(`[trunkdesk] ${level}: ${msg}${detail}`);
  (level === 'error' ? console.error : level === 'warn' ? console.warn : console.log)(line);
}

function describe(x: unknown): string {
  if (x instanceof Error) return `${x.name}: ${x.message}`;
  try {
    return JSON.stringify(x);
  } catch {
    return String(x);
  }
}
