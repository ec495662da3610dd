// What the active profile's provider offers, as main reports it in `profile.caps`. Views branch on
// these (one account or many, which credential kinds, which writes), never on a provider's name or
// its API's field names, so a new provider needs no new view code.
import type { CredentialKind, CredentialKindCaps, ProfileDTO, ProviderCapsDTO } from '../../../src-preload/contract';
import { PROVIDER_LABELS } from '../../../src-preload/contract';
import { selectActiveProfile, useProfiles } from '../store/profiles';

/** What a profile whose main predates caps would have been: Vobiz, many customers, SIP credentials. */
export const FALLBACK_CAPS: ProviderCapsDTO = {
  provider: 'vobiz',
  label: PROVIDER_LABELS.vobiz,
  accounts: 'many',
  canCreateAccounts: true,
  kinds: [{ kind: 'sip', label: 'SIP credential', create: true, toggle: true, changePassword: true, rename: false, delete: true, revealPassword: false }],
};

export const capsOf = (p: ProfileDTO | null | undefined): ProviderCapsDTO => p?.caps ?? FALLBACK_CAPS;

/** The profile's provider as the admin knows it ("Vobiz", "VoIPBIN", "Vocobase"). */
export const providerLabel = (p: ProfileDTO | null | undefined): string => (p ? (p.caps?.label ?? PROVIDER_LABELS[p.provider]) : PROVIDER_LABELS.vobiz);

/** A provider without sub-accounts: the profile is the account. */
export const isSelfAccount = (p: ProfileDTO | null | undefined): boolean => capsOf(p).accounts === 'self';

/** The active profile's provider label, for the words on shared components (data source, offline, writes). */
export function useProviderLabel(): string {
  return useProfiles((s) => providerLabel(selectActiveProfile(s)));
}

export function useActiveCaps(): ProviderCapsDTO {
  return useProfiles((s) => capsOf(selectActiveProfile(s)));
}

/** A kind's caps; an unknown kind (a newer main) can be looked at but not changed. */
export function kindCaps(caps: ProviderCapsDTO, kind: CredentialKind): CredentialKindCaps {
  return (
    caps.kinds.find((k) => k.kind === kind) ?? {
      kind,
      label: kind,
      create: false,
      toggle: false,
      changePassword: false,
      rename: false,
      delete: false,
      revealPassword: false,
    }
  );
}

/** "SIP credential" -> "SIP credentials", "Extension" -> "Extensions". */
export const pluralLabel = (label: string): string => (/s$/i.test(label) ? label : `${label}s`);

/** A label inside a sentence: "Extension" -> "extension", "SIP connection" stays. */
export const inSentence = (label: string): string => (/^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label);

/** "Extensions and trunks", "SIP credentials", "SIP connections". */
export function kindsTitle(caps: ProviderCapsDTO): string {
  const labels = caps.kinds.map((k, i) => (i === 0 ? pluralLabel(k.label) : inSentence(pluralLabel(k.label))));
  return joinAnd(labels, 'Credentials');
}

/** The same inside a sentence: "extensions and trunks", "SIP connections". */
export function kindsInSentence(caps: ProviderCapsDTO, kinds: readonly CredentialKindCaps[] = caps.kinds): string {
  return joinAnd(
    kinds.map((k) => inSentence(pluralLabel(k.label))),
    'credentials',
  );
}

function joinAnd(labels: string[], none: string): string {
  if (labels.length === 0) return none;
  if (labels.length === 1) return labels[0]!;
  return `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)!}`;
}

/**
 * What the create button of a kind says. A provider with plain SIP credentials keeps the words it
 * always had ("+ New credential"); other kinds are named ("+ New extension", "+ New SIP connection").
 */
export const newKindLabel = (k: CredentialKindCaps): string => (k.kind === 'sip' ? '+ New credential' : `+ New ${inSentence(k.label)}`);

/** How an account is named in words: a customer under a partner, or the profile's own account. */
export const accountNoun = (caps: ProviderCapsDTO): { one: string; many: string } =>
  caps.accounts === 'self' ? { one: 'account', many: 'accounts' } : { one: 'customer', many: 'customers' };

/** The caps of one profile by id (the one a view was opened for). */
export function useProfileCaps(profileId: string): ProviderCapsDTO {
  return useProfiles((s) => capsOf(s.profiles.find((p) => p.id === profileId)));
}

/** What the profile's stored secret is called: "API token", "access key", "API key", "password". */
export function secretNoun(p: ProfileDTO): string {
  switch (p.authMode) {
    case 'accesskey':
      return 'access key';
    case 'apikey':
      return 'API key';
    case 'login':
      return 'password';
    default:
      return 'API token';
  }
}
