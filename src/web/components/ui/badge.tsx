import type { ReactNode } from 'react';

/** A KERN badge; `icon` replaces the kind's own icon where that would say more than is meant. */
export function Badge({
  kind,
  icon,
  children,
}: {
  kind: 'info' | 'success' | 'warning' | 'danger';
  icon?: string;
  children: ReactNode;
}) {
  return (
    <span className={`kern-badge kern-badge--${kind}`}>
      <span className={`kern-icon kern-icon--${icon ?? kind}`} aria-hidden="true" />
      <span className="kern-label">{children}</span>
    </span>
  );
}
