import { useEffect } from 'react';
import type { ProfileDTO } from '../../../src-preload/contract';
import { ErrorNotice } from '../components/ErrorNotice';
import { capsOf, isSelfAccount, secretNoun } from '../lib/caps';
import { canCallVobiz, isSessionProfile } from '../lib/profile';
import { FetchedAt } from '../components/FetchedAt';
import { Skeleton } from '../components/Skeleton';
import { selectPartnerEntry, usePartner } from '../store/partner';
import { useUi } from '../store/ui';
import { PartnerDetails } from './PartnerDetails';
import { TokenProblemNotice } from './TokenProblemNotice';

/**
 * The active profile's partner account. Fetches on activation (and when the token becomes
 * usable again); everything it reads is keyed by this profile's id.
 */
export function PartnerView({ profile }: { profile: ProfileDTO }) {
  const entry = usePartner(selectPartnerEntry(profile.id));
  const fetchPartner = usePartner((s) => s.fetch);
  const openSettings = useUi((s) => s.openSettings);
  const tokenUsable = canCallVobiz(profile);

  useEffect(() => {
    if (tokenUsable) void fetchPartner(profile.id);
  }, [profile.id, tokenUsable, fetchPartner]);

  const replaceToken = () => openSettings('rotate');
  const { dto, loading, error } = entry;
  // Until the first answer arrives (including the frame before the fetch starts) we are loading.
  const pending = loading || (!dto && !error);
  const state = !tokenUsable ? 'token-problem' : error ? 'error' : dto ? 'ready' : 'loading';

  return (
    <section
      className="partner-view"
      data-testid="partner-view"
      data-profile-id={profile.id}
      data-state={state}
      aria-busy={tokenUsable && pending}
      aria-label={isSelfAccount(profile) ? 'Account' : 'Partner account'}
    >
      {!tokenUsable ? (
        <TokenProblemNotice profile={profile} onReplace={replaceToken} showAction />
      ) : (
        <>
          <div className="toolbar">
            <div className="toolbar-status">
              {dto && <FetchedAt source={dto.source} />}
              {pending && dto && (
                <p role="status" className="status">
                  Refreshing…
                </p>
              )}
            </div>
            <button
              type="button"
              className="btn"
              onClick={() => void fetchPartner(profile.id)}
              disabled={loading}
              aria-busy={tokenUsable && pending}
            >
              Refresh
            </button>
          </div>

          {error && (
            <ErrorNotice
              error={error}
              testId="partner-error"
              onRetry={() => void fetchPartner(profile.id)}
              actions={
                error.code === 'UNAUTHORIZED' && !isSessionProfile(profile) ? (
                  <button type="button" className="btn btn-primary" onClick={replaceToken}>
                    {profile.authMode === 'token' ? 'Replace token' : `Replace ${secretNoun(profile)}`}
                  </button>
                ) : undefined
              }
            />
          )}

          {/* The first answer is on its way: the shape of the details, not a blank screen. */}
          {pending && !dto && (
            <Skeleton
              label={isSelfAccount(profile) ? 'Loading the account…' : 'Loading the partner account…'}
              testId="partner-skeleton"
              shape="details"
              rows={6}
              className="card"
            />
          )}

          {dto && <PartnerDetails partner={dto} caps={capsOf(profile)} />}
        </>
      )}
    </section>
  );
}
