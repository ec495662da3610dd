import { useState } from 'react';
import { useDebouncedEffect } from '../lib/useDebounced';
import { TextField, type TextFieldProps } from './TextField';

type Props = Omit<TextFieldProps, 'type' | 'value' | 'defaultValue' | 'onChange'> & {
  /** What the field starts with: the search already applied. */
  initial: string;
  /** Called with what is typed, once typing pauses. */
  onSearch(value: string): void;
};

/** A search input that applies what is typed once typing pauses (not on every key). */
export function SearchField({ initial, onSearch, ...input }: Props) {
  const [value, setValue] = useState(initial);
  useDebouncedEffect(value, 300, onSearch);
  return <TextField {...input} type="search" value={value} onChange={(e) => setValue(e.target.value)} />;
}
