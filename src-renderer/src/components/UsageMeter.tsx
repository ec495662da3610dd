import { formatCount } from '../lib/format';

type Props = { used: number | null; max: number | null };

/** "N of M" customer accounts, with a small meter when both numbers are known. */
export function UsageMeter({ used, max }: Props) {
  if (used === null && max === null) return <span className="muted">Not reported</span>;
  if (used === null) return <span>Up to {formatCount(max ?? 0)}</span>;
  if (max === null) return <span>{formatCount(used)} (no limit reported)</span>;
  const nearlyFull = max > 0 && used / max >= 0.9;
  return (
    <span className="usage">
      <span className="usage-text">
        {formatCount(used)} of {formatCount(max)}
      </span>
      <meter
        className={`usage-meter${nearlyFull ? ' usage-meter-high' : ''}`}
        min={0}
        max={Math.max(max, 1)}
        value={Math.min(used, Math.max(max, 1))}
        high={Math.max(max, 1) * 0.9}
        aria-label={`${used} of ${max} customer accounts used`}
      />
    </span>
  );
}
