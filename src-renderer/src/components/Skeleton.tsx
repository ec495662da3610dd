type Shape = 'table' | 'details' | 'list';

type Props = {
  /** What is loading, said in words to assistive tech ("Loading credentials…"). */
  label: string;
  testId: string;
  /** `table`: rows of four cells; `details`: a title over label/value pairs; `list`: two-line options. */
  shape?: Shape;
  rows?: number;
  className?: string;
};

const CELLS: Record<Shape, ('short' | 'long')[]> = {
  table: ['short', 'long', 'short', 'long'],
  details: ['short', 'long'],
  list: ['long', 'short'],
};

/**
 * Grey placeholders where content will be while its first answer is on the way, so the screen is
 * not blank on a slow network and the layout does not jump when it lands. aria-busy tells
 * assistive tech the content is coming; the bars are hidden from it (they are not data), and a
 * status line says it in words. The one skeleton of the app: tables, details and lists.
 */
export function Skeleton({ label, testId, shape = 'table', rows = 8, className }: Props) {
  return (
    <div className={`skeleton skeleton-${shape}${className ? ` ${className}` : ''}`} data-testid={testId} aria-busy="true">
      <p role="status" className="visually-hidden">
        {label}
      </p>
      <div aria-hidden="true">
        {shape === 'details' && <span className="skeleton-bar skeleton-bar-title" />}
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="skeleton-row">
            {CELLS[shape].map((size, j) => (
              <span key={j} className={`skeleton-bar${size === 'short' ? ' skeleton-bar-short' : ''}`} />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
