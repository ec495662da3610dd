// The one place a stored credential becomes what the renderer sees. Built field by field on
// purpose: a password the provider returned (SipCredential.secret) and provider extras never cross.
import type { CredentialDTO } from '../../src-preload/contract';
import type { SipCredential } from '../providers/provider';

export function toCredentialDTO(c: SipCredential): CredentialDTO {
  return {
    id: c.id,
    kind: c.kind,
    username: c.username,
    name: c.name,
    realm: c.realm,
    enabled: c.enabled,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    passwordStored: !!c.secret,
  };
}
