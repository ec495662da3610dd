import { useState, type FormEvent } from 'react';
import type { CredentialPageDTO } from '../../../../src-preload/contract';
import { TextField } from '../../components/TextField';
import { formatCount } from '../../lib/format';

/**
 * Previous / Next. aria-disabled, not disabled: a disabled button loses focus (to the page body)
 * the moment it is pressed on the last page or while the page loads; this one keeps it, says it is
 * unavailable, and ignores the press.
 */
function PagerButton({ label, unavailable, onPress, className }: { label: string; unavailable: boolean; onPress(): void; className: string }) {
  return (
    <button type="button" className={className} aria-disabled={unavailable || undefined} onClick={() => !unavailable && onPress()}>
      {label}
    </button>
  );
}

type Props = {
  page: CredentialPageDTO;
  loading: boolean;
  onOffset(offset: number): void;
};

/** Where the page sits in the list, shared by the pager above the table and the one below. */
function pageInfo(page: CredentialPageDTO) {
  const limit = Math.max(1, page.limit);
  const pages = Math.max(1, Math.ceil(page.total / limit));
  const current = Math.min(pages, Math.floor(page.offset / limit) + 1);
  const from = page.items.length > 0 ? page.offset + 1 : 0;
  const to = page.offset + page.items.length;
  return { limit, pages, current, from, to };
}

/**
 * The pager above the table: range, Previous and Next, so a long page need not be scrolled to its
 * end to move on. Its buttons say "page" so they are told apart from the footer's.
 */
export function CredentialsTopPager({ page, loading, onOffset }: Props) {
  const { limit, pages, current, from, to } = pageInfo(page);
  return (
    <div className="cred-top-pager">
      <p className="muted" data-testid="credentials-range-top">
        {formatCount(from)}–{formatCount(to)} of {formatCount(page.total)}
      </p>
      <nav className="pager" aria-label="Credential pages, above the table">
        <PagerButton className="btn btn-small" label="Previous page" unavailable={current <= 1 || loading} onPress={() => onOffset(Math.max(0, page.offset - limit))} />
        <span className="pager-text" data-testid="credentials-page-top">
          {current} / {pages}
        </span>
        <PagerButton className="btn btn-small" label="Next page" unavailable={current >= pages || loading} onPress={() => onOffset(page.offset + limit)} />
      </nav>
    </div>
  );
}

/** "Showing A–B of N", Previous / Next, and a jump to any page. */
export function CredentialsFooter({ page, loading, onOffset }: Props) {
  const [jump, setJump] = useState('');
  const [jumpError, setJumpError] = useState<string | undefined>();
  const { limit, pages, current, from, to } = pageInfo(page);

  function onJump(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const n = Number(jump);
    if (!Number.isInteger(n) || n < 1 || n > pages) {
      setJumpError(`Enter a page from 1 to ${pages}.`);
      return;
    }
    setJumpError(undefined);
    setJump('');
    onOffset((n - 1) * limit);
  }

  return (
    <div className="cred-footer">
      {/* Announced when it changes: the new range is the answer to Previous, Next or Go. */}
      <p className="muted" data-testid="credentials-range" role="status">
        Showing {formatCount(from)}–{formatCount(to)} of {formatCount(page.total)}
      </p>
      <nav className="pager" aria-label="Credential pages">
        <PagerButton className="btn" label="Previous" unavailable={current <= 1 || loading} onPress={() => onOffset(Math.max(0, page.offset - limit))} />
        <span className="pager-text" data-testid="credentials-page">
          Page {current} of {pages}
        </span>
        <PagerButton className="btn" label="Next" unavailable={current >= pages || loading} onPress={() => onOffset(page.offset + limit)} />
      </nav>
      <form className="jump" onSubmit={onJump} noValidate>
        <TextField
          label="Go to page"
          type="number"
          name="goToPage"
          inputMode="numeric"
          min={1}
          max={pages}
          value={jump}
          onChange={(e) => {
            setJump(e.target.value);
            setJumpError(undefined);
          }}
          error={jumpError}
          className="field-narrow"
        />
        <button type="submit" className="btn" disabled={loading}>
          Go
        </button>
      </form>
    </div>
  );
}
