type Name = 'key' | 'trash';

const PATHS: Record<Name, string> = {
  key: 'M7.6 8a2.9 2.9 0 1 1-5.8 0 2.9 2.9 0 0 1 5.8 0Zm0 0h6.6m-1.8 0v2.4m-2.2-2.4v1.8',
  trash: 'M2.5 4.2h11M6.2 4.2V2.6h3.6v1.6M4 4.2l.7 9.2h6.6l.7-9.2M6.6 6.6v4.6M9.4 6.6v4.6',
};

/** A small line icon; decorative (the button around it carries the name). */
export function Icon({ name }: { name: Name }) {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
