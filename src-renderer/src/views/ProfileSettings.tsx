import { useRef } from 'react';
import type { ProfileDTO } from '../../../src-preload/contract';
import { ProviderBadge } from '../components/ProviderBadge';
import { secretNoun } from '../lib/caps';
import { DateOnly, TimeOfDay } from '../components/Time';
import { isSessionProfile } from '../lib/profile';
import { useEscapeCloses } from '../lib/useEscapeCloses';
import { useUi } from '../store/ui';
import { RemoveProfile } from './RemoveProfile';
import { RenameProfileForm } from './RenameProfileForm';
import { ReplaceTokenForm } from './ReplaceTokenForm';
import { SessionSettings } from './SessionSettings';

const TOKEN_STATE: Record<ProfileDTO['tokenState'], string> = {
  stored: 'Stored encrypted on this computer',
  missing: 'Missing: enter it again below',
  unreadable: 'Could not be read from the OS keychain: enter it again below',
};

/** What the profile's auth id is, by how it signs in. */
const AUTH_ID_LABEL: Record<ProfileDTO['authMode'], string> = {
  token: 'Auth ID',
  session: 'Auth ID',
  login: 'Username',
  accesskey: 'Account ID',
  apikey: 'Account',
};

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Settings for the active profile: rename, rotate the token (or sign out of a session), remove. */
export function ProfileSettings({ profile }: { profile: ProfileDTO }) {
  const settingsFocus = useUi((s) => s.settingsFocus);
  const showMain = useUi((s) => s.showMain);
  const session = isSessionProfile(profile);
  const until = profile.session?.signedInUntil ?? null;
  const sectionRef = useRef<HTMLElement>(null);
  // Escape anywhere in the settings (the rename field, the token field) closes them, as Close settings does.
  useEscapeCloses(() => showMain(), sectionRef);

  return (
    <section ref={sectionRef} className="card settings" data-testid="profile-settings" aria-labelledby="settings-title">
      <div className="settings-head">
        <h2 id="settings-title" className="card-title" tabIndex={-1}>
          Profile settings
        </h2>
        <button type="button" className="btn btn-quiet" onClick={() => showMain()}>
          Close settings
        </button>
      </div>

      <dl className="details details-compact">
        <div className="detail">
          <dt>Provider</dt>
          <dd>
            <ProviderBadge profile={profile} />
          </dd>
        </div>
        <div className="detail">
          <dt>{AUTH_ID_LABEL[profile.authMode]}</dt>
          <dd>
            <code>{profile.authId}</code>
          </dd>
        </div>
        <div className="detail detail-wide">
          <dt>Base URL</dt>
          <dd>
            <code className="wrap">{profile.baseUrl}</code>
          </dd>
        </div>
        {profile.realmBase !== null && (
          <div className="detail" data-field="realmBase">
            <dt>Realm base domain</dt>
            <dd>
              <code className="wrap">{profile.realmBase}</code>
            </dd>
          </div>
        )}
        <div className="detail">
          <dt>Added</dt>
          <dd>
            <DateOnly iso={profile.createdAt} />
          </dd>
        </div>
        {session ? (
          <>
            <div className="detail" data-field="sessionEmail">
              <dt>Sign-in email</dt>
              <dd>{profile.session?.email ?? <span className="muted">Not known</span>}</dd>
            </div>
            <div className="detail" data-field="session">
              <dt>Session</dt>
              <dd>
                {until ? (
                  <>
                    Signed in until <TimeOfDay iso={until} />
                  </>
                ) : (
                  'Signed out'
                )}
              </dd>
            </div>
          </>
        ) : (
          <div className="detail" data-field="tokenState">
            <dt>{upperFirst(secretNoun(profile))}</dt>
            <dd>{TOKEN_STATE[profile.tokenState]}</dd>
          </div>
        )}
      </dl>

      <RenameProfileForm key={`rename-${profile.id}`} profile={profile} />
      {session ? (
        <SessionSettings key={`session-${profile.id}`} profile={profile} />
      ) : (
        <ReplaceTokenForm key={`rotate-${profile.id}`} profile={profile} autoFocus={settingsFocus === 'rotate'} />
      )}
      <RemoveProfile key={`remove-${profile.id}`} profile={profile} />
    </section>
  );
}
