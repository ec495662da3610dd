// VoIPBIN has two credential kinds with separate UUID spaces; the app keeps one id per
// credential, so each id carries its kind: `ext_<uuid>` and `trunk_<uuid>`. The prefix is Trunkdesk's
// own and is stripped before any call.
import { AppError } from '../../net/errors';

export type VoipbinKind = 'extension' | 'trunk';

const PREFIX: Record<VoipbinKind, string> = { extension: 'ext', trunk: 'trunk' };
const ID = /^(ext|trunk)_([0-9a-f-]{36})$/;

export const credentialId = (kind: VoipbinKind, uuid: string): string => `${PREFIX[kind]}_${uuid.toLowerCase()}`;

/** `ext_…`/`trunk_…` → the kind and VoIPBIN's UUID; anything else is refused before it is sent. */
export function parseCredentialId(id: string): { kind: VoipbinKind; uuid: string } {
  const m = ID.exec(id);
  if (!m) {
    throw new AppError('VALIDATION', 'That is not the id of a VoIPBIN extension or trunk.', {
      hint: 'Refresh the list and pick the credential again.',
      retryable: false,
    });
  }
  return { kind: m[1] === 'ext' ? 'extension' : 'trunk', uuid: m[2]! };
}

/** The REST collection of a kind. */
export const collection = (kind: VoipbinKind): '/extensions' | '/trunks' => (kind === 'extension' ? '/extensions' : '/trunks');
