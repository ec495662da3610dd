import type { ReactNode } from 'react';

/** One labelled value of a details list (`<dl>`), addressable by `data-field`. */
export function DetailField({ name, label, children }: { name: string; label: string; children: ReactNode }) {
  return (
    <div className="detail" data-field={name}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A value the provider may leave empty. */
export const orNone = (v: string | null): ReactNode =>
  v && v.trim() !== '' ? v : <span className="muted">Not provided</span>;
