// What both add-profile variants (API token, session sign-in) share: two fields, what is sent, and
// what happens once the profile is added.
import { bySelector, focusWhenShown } from '../lib/focus';
import type { ReactNode } from 'react';
import type { ProfileListDTO } from '../../../src-preload/contract';
import { TextField, verbatimInput } from '../components/TextField';
import { isSelfAccount } from '../lib/caps';
import type { TextFieldBinding } from '../lib/useCheckedForm';
import { useUi } from '../store/ui';

/** The checked fields as the bridge takes them: for Vobiz, and with a base URL only if one was given. */
export function profileInput<T extends { baseUrl: string }>({ baseUrl, ...fields }: T) {
  return { ...fields, provider: 'vobiz' as const, ...(baseUrl ? { baseUrl } : {}) };
}

/**
 * The new profile is the active one now and the shell takes over: a partner profile opens on its
 * partner account, a one-account profile (VoIPBIN, Vocobase) on its credentials.
 */
export function openAddedProfile(list?: ProfileListDTO): void {
  const added = list?.profiles.find((p) => p.id === list.activeId);
  const ui = useUi.getState();
  if (added && isSelfAccount(added)) {
    ui.showMain();
    ui.setTab('customers');
    ui.setPane('customer');
  } else ui.showPartner();
  // The new profile's name in the header, not the page body where the form was.
  focusWhenShown(bySelector('[data-testid="active-profile-name"]'));
}

export function ProfileNameField(props: TextFieldBinding) {
  return (
    <TextField
      label="Profile name"
      help="How this profile is listed in Trunkdesk, e.g. the partner's company name."
      autoComplete="off"
      maxLength={200}
      required
      {...props}
    />
  );
}

export function BaseUrlField(props: TextFieldBinding) {
  return (
    <TextField
      label="Base URL"
      type="url"
      help="Advanced: leave as it is unless you use a test server or a local simulator."
      {...verbatimInput}
      {...props}
    />
  );
}

/**
 * Settings most admins never change (the base URL, the registrar base), folded away. It opens by
 * itself when one of its fields has an error, so the error is never hidden.
 */
export function AdvancedFields({ open, onToggle, summary, children }: { open: boolean; onToggle(open: boolean): void; summary: string; children: ReactNode }) {
  return (
    <details className="advanced" open={open} onToggle={(e) => onToggle(e.currentTarget.open)} data-testid="advanced-fields">
      <summary>{summary}</summary>
      <div className="advanced-body">{children}</div>
    </details>
  );
}
