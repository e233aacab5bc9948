/** A small red count after a link's words ("Invitations 2"), read out as "2 unread messages". */
export function CountBadge({ count, label, testId }: { count: number; label: string; testId?: string }) {
  if (count <= 0) return null;
  return (
    <span className="nav-count" data-testid={testId}>
      {count}
      <span className="usa-sr-only"> {label}</span>
    </span>
  );
}
