// A trunkdesk:// link, as main hands it over (an `open` event, or the link the app was launched
// with): go to its profile, and its customer if it names one, the way the quick switcher goes
// there. What arrives is checked again here like any input, whatever main promised; a profile or
// customer this computer does not know is said in the shell's note, never silently ignored.
import { DeepLinkDTO } from '../../../src-preload/contract';
import { call } from '../bridge';
import { useCustomers } from '../store/customers';
import { useProfiles } from '../store/profiles';
import { openProfile, openProfileCustomer } from '../store/reveal';
import { useUi } from '../store/ui';
import { focusWhenShown } from './focus';

export const LINK_NOTES = {
  unknownProfile: 'That trunkdesk:// link is for a profile that is not on this computer. Add the profile first, then open the link again.',
  openPanel: 'A trunkdesk:// link was opened while a panel is open: close it (Escape), then open the link again.',
  unknownCustomer: (customer: string, profile: string) => `That trunkdesk:// link is for customer ${customer}, which ${profile} does not have.`,
} as const;

/** Ask main, once the window listens for events, for the link that came before it did. */
export async function takePendingLink(): Promise<void> {
  const r = await call('takePendingLink', {});
  if (r.ok && r.value.link) await openLink(r.value.link);
}

export async function openLink(input: unknown): Promise<void> {
  const parsed = DeepLinkDTO.safeParse(stripType(input));
  if (!parsed.success) {
    console.warn('ignored a link that is not a profile and account id');
    return;
  }
  const { profileId, accountId } = parsed.data;
  const ui = useUi.getState();
  ui.setCommandNote(null);
  // A modal drawer has the page behind it inert; leave the admin's work where it is.
  if (document.querySelector('dialog[open]')) {
    ui.setCommandNote(LINK_NOTES.openPanel);
    return;
  }
  if (ui.quickSwitcher) ui.setQuickSwitcher(false);
  if (!useProfiles.getState().loaded) await useProfiles.getState().load();
  if (!useProfiles.getState().loaded) {
    // The list could not be read (the boot screen says why): go there once it is, not "unknown".
    const off = useProfiles.subscribe((s) => {
      if (!s.loaded) return;
      off();
      void openLink(parsed.data);
    });
    return;
  }
  const profile = useProfiles.getState().profiles.find((p) => p.id === profileId);
  if (!profile) {
    ui.setCommandNote(LINK_NOTES.unknownProfile);
    return;
  }
  if (accountId === undefined) return openProfile(profileId);
  await openProfileCustomer(profileId, accountId);
  const entry = useCustomers.getState().byProfile[profileId];
  if (useProfiles.getState().activeId !== profileId || entry?.selectedId !== accountId) return; // the switch failed (it says why), or the admin moved on
  if (entry.selectError?.code === 'NOT_FOUND') {
    useUi.getState().setCommandNote(LINK_NOTES.unknownCustomer(accountId, profile.displayName));
    return;
  }
  focusWhenShown(() => {
    const panel = document.querySelector(`[data-testid="customer-panel"][data-customer-auth-id="${CSS.escape(accountId)}"]`);
    return panel ? document.getElementById('customer-name') : document.getElementById('account-name');
  }, 120);
}

/** The event's `type` is not part of the link; anything else extra makes the strict parse fail. */
function stripType(input: unknown): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  const { type: _type, ...rest } = input as Record<string, unknown>;
  return rest;
}
