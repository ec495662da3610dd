import { useState } from 'react';
import { useDebouncedEffect } from '../lib/useDebounced';
import { TextField, type TextFieldProps } from './TextField';

type Props = Omit<TextFieldProps, 'type' | 'value' | 'defaultValue' | 'onChange'> & {
  /** What the field starts with: the search already applied. */
  initial: string;
  /** Called with what is typed, once typing pauses for `pauseMs`. */
  onSearch(value: string): void;
  /**
   * How long typing must pause before searching. The default spares the network for searches the
   * provider answers; a search over the local store passes 0 and applies every keystroke.
   */
  pauseMs?: number;
};

/** A search input that applies what is typed once typing pauses (or on every key, `pauseMs={0}`). */
export function SearchField({ initial, onSearch, pauseMs = 300, ...input }: Props) {
  const [value, setValue] = useState(initial);
  useDebouncedEffect(value, pauseMs, onSearch);
  return <TextField {...input} type="search" value={value} onChange={(e) => setValue(e.target.value)} />;
}
