import type { ProfileDTO } from '../../../src-preload/contract';
import { providerLabel, secretNoun } from '../lib/caps';

type Props = { profile: ProfileDTO; onReplace: () => void; showAction: boolean };

/**
 * Why Trunkdesk cannot call Vobiz for this profile: the stored profile breaks a rule (main sends
 * nothing for it), or its token could not be read from the vault.
 */
export function TokenProblemNotice({ profile, onReplace, showAction }: Props) {
  if (profile.attention) {
    return (
      <div className="notice notice-warning" role="alert" data-testid="profile-attention">
        <p className="notice-title">“{profile.displayName}” needs attention. {profile.attention.message}</p>
        {profile.attention.hint && <p className="notice-hint">{profile.attention.hint}</p>}
      </div>
    );
  }
  const what = secretNoun(profile);
  const provider = providerLabel(profile);
  const detail =
    profile.tokenState === 'missing'
      ? `No ${what} is stored for this profile any more. It may have been removed, or the keychain was reset.`
      : `The stored ${what} could not be unlocked. This happens when the keychain item Trunkdesk uses was deleted, the keychain is locked, or you are signed in as a different user.`;
  return (
    <div
      className="notice notice-warning"
      role="alert"
      data-testid="token-problem"
      data-token-state={profile.tokenState}
    >
      <p className="notice-title">
        Trunkdesk could not read the {what} for “{profile.displayName}” from the OS keychain.
      </p>
      <p className="notice-hint">{detail}</p>
      <p className="notice-hint">
        The profile itself is kept. Enter the {what} again to reconnect; it is checked with {provider} before it is saved.
      </p>
      {showAction && (
        <div className="notice-actions">
          <button type="button" className="btn btn-primary" onClick={onReplace}>
            {profile.authMode === 'token' ? 'Replace token' : `Replace ${what}`}
          </button>
        </div>
      )}
    </div>
  );
}
