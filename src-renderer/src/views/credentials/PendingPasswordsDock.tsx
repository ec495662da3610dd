import { useShallow } from 'zustand/react/shallow';
import { oneTimeKey, useOneTime } from '../../store/one-time';
import { OneTimePassword } from './OneTimePassword';

/**
 * Generated passwords not yet copied, for a customer whose list is not on screen: the admin moved
 * to another customer, tab or profile. They follow the admin until copied or closed on purpose.
 */
export function PendingPasswordsDock() {
  const away = useOneTime(useShallow((s) => s.pending.filter((p) => oneTimeKey(p.profileId, p.customerAuthId) !== s.onScreen)));
  if (away.length === 0) return null;
  return (
    <section className="pending-passwords" data-testid="pending-passwords" aria-label="Generated passwords not yet copied">
      {away.map((p) => (
        <OneTimePassword key={p.secretId} pending={p} away />
      ))}
    </section>
  );
}
