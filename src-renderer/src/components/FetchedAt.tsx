import type { DataSource } from '../../../src-preload/contract';
import { useProviderLabel } from '../lib/caps';
import { formatAge, formatClock, formatDateTime } from '../lib/format';
import { useNow } from '../lib/useNow';

/**
 * Where a list's data comes from, so no list passes stored data off as current: "Live" (fetched
 * from Vobiz for this answer) or "Stored · 5 min ago" (this computer's copy, as of its fetch).
 * The exact time is in the tooltip.
 */
export function FetchedAt({ source }: { source: DataSource }) {
  const now = useNow();
  const provider = useProviderLabel();
  const stored = source.kind === 'stored';
  const title = stored
    ? `Stored on this computer; last fetched from ${provider} ${formatDateTime(source.fetchedAt)}`
    : `Fetched from ${provider} at ${formatClock(source.fetchedAt)}`;
  return (
    <p className={`data-source data-source-${source.kind}`} data-testid="data-source" data-source-kind={source.kind} title={title}>
      <span className="data-source-dot" aria-hidden="true" />
      <time dateTime={source.fetchedAt}>{stored ? `Stored · ${formatAge(source.fetchedAt, now)}` : 'Live'}</time>
    </p>
  );
}
