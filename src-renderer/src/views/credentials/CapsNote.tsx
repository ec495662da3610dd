import type { ProviderCapsDTO } from '../../../../src-preload/contract';
import { kindsInSentence } from '../../lib/caps';

/**
 * What the provider does not let the admin do with a kind, said once above the list rather than
 * as a disabled button on every row: kinds that can only be looked at, and kinds that cannot be
 * switched off. Nothing for a provider that allows everything (Vobiz).
 */
export function CapsNote({ caps }: { caps: ProviderCapsDTO }) {
  const readOnly = caps.kinds.filter((k) => !k.toggle && !k.changePassword && !k.rename && !k.delete);
  const noToggle = caps.kinds.filter((k) => !k.toggle && !readOnly.includes(k));
  const lines: string[] = [];
  if (noToggle.length > 0) {
    const canDelete = noToggle.some((k) => k.delete);
    lines.push(
      `${caps.label} ${kindsInSentence(caps, noToggle)} cannot be disabled${canDelete ? ': delete one to stop it being used' : ''}.`,
    );
  }
  if (readOnly.length > 0) {
    lines.push(
      `${caps.label} ${kindsInSentence(caps, readOnly)} cannot be changed or deleted from Trunkdesk${
        readOnly.some((k) => k.create) ? '; they can be created and their settings copied' : ''
      }.`,
    );
  }
  if (lines.length === 0) return null;
  return (
    <p className="caps-note muted" data-testid="caps-note">
      {lines.join(' ')}
    </p>
  );
}
