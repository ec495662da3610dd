// Times as the app shows them, each a <time> with the machine-readable instant and, where the
// text is shortened (an age, a time of day), the full date and time with its zone as a tooltip.
import { formatAge, formatDate, formatDateTime, formatTime } from '../lib/format';
import { useNow } from '../lib/useNow';

type Props = { iso: string; className?: string };

/** "5 Jun 2025, 11:25 GMT+1". */
export function DateTime({ iso, className }: Props) {
  return (
    <time dateTime={iso} className={className}>
      {formatDateTime(iso)}
    </time>
  );
}

/** "5 Jun 2025", the full time in the tooltip. */
export function DateOnly({ iso, className }: Props) {
  return (
    <time dateTime={iso} title={formatDateTime(iso)} className={className}>
      {formatDate(iso)}
    </time>
  );
}

/** "3 min ago" where age matters more than the hour; the full time in the tooltip. */
export function Age({ iso, style = 'short', className }: Props & { style?: 'short' | 'long' }) {
  const now = useNow();
  return (
    <time dateTime={iso} title={formatDateTime(iso)} className={className}>
      {formatAge(iso, now, style)}
    </time>
  );
}

/** A time near now, such as a session's end: "11:25 GMT+1" today, the full date and time otherwise. */
export function TimeOfDay({ iso, className }: Props) {
  const now = useNow();
  return (
    <time dateTime={iso} title={formatDateTime(iso)} className={className}>
      {formatTime(iso, now)}
    </time>
  );
}
