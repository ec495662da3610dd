import type { ReactNode } from 'react';
import type { ErrorDTO } from '../../../src-preload/contract';

type Props = {
  error: ErrorDTO;
  /** Shown as "Try again" when the error is retryable. */
  onRetry?: () => void;
  /** Extra actions (e.g. "Replace token"). */
  actions?: ReactNode;
  testId?: string;
};

/** An error from main, in the admin's words: message as the headline, hint below, what to do next. */
export function ErrorNotice({ error, onRetry, actions, testId = 'error-notice' }: Props) {
  const retry = error.retryable && onRetry;
  return (
    <div className="notice notice-error" role="alert" data-testid={testId} data-code={error.code}>
      <p className="notice-title">{error.message}</p>
      {error.hint && <p className="notice-hint">{error.hint}</p>}
      {(retry || actions) && (
        <div className="notice-actions">
          {retry && (
            <button type="button" className="btn" onClick={onRetry}>
              Try again
            </button>
          )}
          {actions}
        </div>
      )}
      {/* A code is a reference for support, labelled as one after the words above, never shown alone. */}
      <p className="notice-code">
        Error code {error.code}
        {error.status !== undefined && ` · HTTP ${error.status}`}
      </p>
    </div>
  );
}
