type Name = 'key' | 'trash' | 'gear' | 'pencil' | 'power';

const PATHS: Record<Name, string> = {
  key: 'M7.6 8a2.9 2.9 0 1 1-5.8 0 2.9 2.9 0 0 1 5.8 0Zm0 0h6.6m-1.8 0v2.4m-2.2-2.4v1.8',
  trash: 'M2.5 4.2h11M6.2 4.2V2.6h3.6v1.6M4 4.2l.7 9.2h6.6l.7-9.2M6.6 6.6v4.6M9.4 6.6v4.6',
  gear: 'M8 10.2a2.2 2.2 0 1 0 0-4.4 2.2 2.2 0 0 0 0 4.4ZM8 1.8v1.6M8 12.6v1.6M14.2 8h-1.6M3.4 8H1.8M12.4 3.6l-1.1 1.1M4.7 11.3l-1.1 1.1M12.4 12.4l-1.1-1.1M4.7 4.7 3.6 3.6',
  pencil: 'M10.6 2.6l2.8 2.8-7.8 7.8-3.4.6.6-3.4 7.8-7.8ZM9.4 3.8l2.8 2.8',
  power: 'M8 1.8v5.6M4.7 3.9a5 5 0 1 0 6.6 0',
};

/** A small line icon; decorative (the button around it carries the name). */
export function Icon({ name }: { name: Name }) {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export type IconName = Name;
