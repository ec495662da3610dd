// One error type for everything main reports to the renderer. It carries only words meant for
// the admin (message + hint) and never a secret; toErrorDTO is the single way out over IPC.
import type { ErrorCode, ErrorDTO, ErrorRemedy } from '../../src-preload/contract';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly retryable: boolean;
  readonly status: number | undefined;
  readonly field: string | undefined;
  /** Seconds the provider asked us to wait (429/503), when it said. */
  readonly retryAfterSeconds: number | undefined;
  /** Another way in the renderer can offer (ErrorDTO.remedy). */
  readonly remedy: ErrorRemedy | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    opts: {
      hint?: string;
      retryable?: boolean;
      status?: number;
      field?: string;
      retryAfterSeconds?: number;
      remedy?: ErrorRemedy;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.hint = opts.hint;
    this.retryable = opts.retryable ?? RETRYABLE_BY_DEFAULT.has(code);
    this.status = opts.status;
    this.field = opts.field;
    this.retryAfterSeconds = opts.retryAfterSeconds;
    this.remedy = opts.remedy;
  }
}

const RETRYABLE_BY_DEFAULT = new Set<ErrorCode>(['RATE_LIMITED', 'UPSTREAM', 'OFFLINE', 'TIMEOUT']);

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** Turn anything thrown into the DTO the renderer may see. Unknown errors are not echoed. */
export function toErrorDTO(e: unknown): ErrorDTO {
  if (isAppError(e)) {
    const dto: ErrorDTO = { code: e.code, message: e.message, retryable: e.retryable };
    if (e.hint !== undefined) dto.hint = e.hint;
    if (e.status !== undefined) dto.status = e.status;
    if (e.field !== undefined) dto.field = e.field;
    if (e.remedy !== undefined) dto.remedy = e.remedy;
    return dto;
  }
  // An unexpected error's text may contain anything (paths, headers): it is logged redacted in
  // main, and the renderer only learns that something went wrong.
  return {
    code: 'INTERNAL',
    message: 'Something went wrong inside Trunkdesk.',
    hint: 'Try again. If it keeps happening, restart the app; nothing you saved has been changed.',
    retryable: true,
  };
}

/** An answer that is a web page: HTML where JSON was expected. */
export const looksLikeHtml = (text: string): boolean => /^\s*<(?:!doctype|html|head|body|\?xml)/i.test(text);

/**
 * A 2xx web page instead of the API's JSON (a captive portal, a proxy's sign-in page, a base URL
 * that points at a website): which is what the admin can fix, so that is what it says.
 */
export function htmlError(provider: string, what: string): AppError {
  return new AppError('UPSTREAM', `${provider} sent a web page instead of ${what}.`, {
    hint: 'Check the base URL and that no proxy or sign-in page is in the way, then try again. Nothing was changed.',
    retryable: true,
  });
}
