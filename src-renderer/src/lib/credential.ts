import type { CredentialDTO } from '../../../src-preload/contract';

/** How a credential is named in words: "Lab 8 (1040)", or its username, or its name (an IP-auth connection has no username). */
export const credentialLabel = (c: Pick<CredentialDTO, 'id' | 'name' | 'username'>): string =>
  c.name && c.username ? `${c.name} (${c.username})` : c.name || c.username || c.id;

/** Why writes are off for a suspended customer; reads (the list, export) go on from the store. */
export const inactiveWriteReason = (name: string): string => `${name} is inactive (suspended): its credentials cannot be changed.`;
