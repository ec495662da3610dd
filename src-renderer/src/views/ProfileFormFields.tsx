// The fields both add-profile variants (API token, session sign-in) share.
import type { FocusEvent, Ref } from 'react';
import { TextField, verbatimInput } from '../components/TextField';

type Props = {
  value: string;
  onChange(value: string): void;
  onBlur(e: FocusEvent<HTMLInputElement>): void;
  inputRef: Ref<HTMLInputElement>;
  error: string | undefined;
  disabled: boolean;
};

export function ProfileNameField({ value, onChange, ...rest }: Props) {
  return (
    <TextField
      label="Profile name"
      name="displayName"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      help="How this profile is listed in Trunkdesk, e.g. the partner's company name."
      autoComplete="off"
      maxLength={200}
      required
      {...rest}
    />
  );
}

export function BaseUrlField({ value, onChange, ...rest }: Props) {
  return (
    <TextField
      label="Base URL"
      name="baseUrl"
      type="url"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      help="Advanced: leave as it is unless you use a test server or a local simulator."
      {...verbatimInput}
      {...rest}
    />
  );
}
