// What both add-profile variants (API token, session sign-in) share: two fields, what is sent, and
// what happens once the profile is added.
import { TextField, verbatimInput } from '../components/TextField';
import type { TextFieldBinding } from '../lib/useCheckedForm';
import { useUi } from '../store/ui';

/** The checked fields as the bridge takes them: for Vobiz, and with a base URL only if one was given. */
export function profileInput<T extends { baseUrl: string }>({ baseUrl, ...fields }: T) {
  return { ...fields, provider: 'vobiz' as const, ...(baseUrl ? { baseUrl } : {}) };
}

/** The new profile is the active one now and the shell takes over: it opens on its partner account. */
export const openAddedProfile = () => useUi.getState().showPartner();

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
