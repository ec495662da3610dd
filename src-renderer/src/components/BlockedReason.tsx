/**
 * The visible reason next to writes that are disabled (offline: "changes need Vobiz"). A disabled
 * button cannot take focus, so its title alone would never reach a keyboard or screen-reader
 * user: the buttons point here with aria-describedby as well.
 */
export function BlockedReason({ id, reason, className }: { id: string; reason: string; className?: string }) {
  return (
    <p id={id} className={`blocked-reason${className ? ` ${className}` : ''}`} data-testid="blocked-reason">
      {reason}
    </p>
  );
}

/** A write that cannot be made now: why, and the id of the visible reason its buttons point to. */
export type WriteBlock = { reason: string; describedBy: string } | null;

/** The props that disable a write button with its reason (merge `disabled` with the button's own). */
export function blockedProps(block: WriteBlock) {
  return block ? { title: block.reason, 'aria-describedby': block.describedBy } : {};
}
