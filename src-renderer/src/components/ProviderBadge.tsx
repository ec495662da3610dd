import { PROVIDER_LABELS, type ProfileDTO } from '../../../src-preload/contract';
import { providerLabel } from '../lib/caps';

/** Which provider a profile talks to, as a small label (the switcher, the header, the profile form). */
export function ProviderBadge({ profile, className }: { profile: ProfileDTO; className?: string }) {
  return (
    <span
      className={`provider-badge provider-badge-${profile.provider}${className ? ` ${className}` : ''}`}
      data-testid="provider-badge"
      data-provider={profile.provider}
    >
      {providerLabel(profile) || PROVIDER_LABELS[profile.provider]}
    </span>
  );
}
