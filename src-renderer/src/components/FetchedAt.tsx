import type { DataSource } from '../../../src-preload/contract';
import { useProviderLabel } from '../lib/caps';
import { formatAge, formatDateTime } from '../lib/format';
import { useNow } from '../lib/useNow';

/**
 * Where a list's data comes from, so no list passes stored data off as current: "Live · fetched
 * 3 min ago" (fetched from the provider for this answer) or "Stored · fetched 3 min ago" (this
 * computer's copy, as of its fetch). The age is what matters at a glance; the exact time, with its
 * zone, is in the tooltip and the <time> element.
 */
export function FetchedAt({ source }: { source: DataSource }) {
  const now = useNow();
  const provider = useProviderLabel();
  const stored = source.kind === 'stored';
  const age = formatAge(source.fetchedAt, now);
  const at = formatDateTime(source.fetchedAt);
  const title = stored
    ? `Stored on this computer; last fetched from ${provider} ${age}, ${at}`
    : `Fetched from ${provider} ${age}, ${at}`;
  return (
    <p className={`data-source data-source-${source.kind}`} data-testid="data-source" data-source-kind={source.kind} title={title}>
      <span className="data-source-dot" aria-hidden="true" />
      <span>
        {stored ? 'Stored' : 'Live'} · fetched{' '}
        <time dateTime={source.fetchedAt} title={at}>
          {age}
        </time>
      </span>
    </p>
  );
}
