import type { ReactNode } from 'react';

export function Badge({
  kind,
  children,
}: {
  kind: 'info' | 'success' | 'warning' | 'danger';
  children: ReactNode;
}) {
  const icon = { info: 'info', success: 'success', warning: 'warning', danger: 'danger' }[kind];
  return (
    <span className={`kern-badge kern-badge--${kind}`}>
      <span className={`kern-icon kern-icon--${icon}`} aria-hidden="true" />
      <span className="kern-label">{children}</span>
    </span>
  );
}
