import { formatClock } from '../lib/format';

export function FetchedAt({ iso }: { iso: string }) {
  return (
    <p className="fetched-at" data-testid="fetched-at">
      <time dateTime={iso}>Fetched at {formatClock(iso)}</time>
    </p>
  );
}
