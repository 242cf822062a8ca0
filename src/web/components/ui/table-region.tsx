import type { ReactNode } from 'react';

/**
 * Wide tables scroll sideways on phones; the scroll container must then be focusable and named so
 * keyboard users can scroll it (WCAG 2.1.1).
 */
export function TableRegion({
  children,
  label,
  labelledBy,
}: {
  children: ReactNode;
  label?: string;
  labelledBy?: string;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="bn-table-wrap" tabIndex={0} aria-label={label} aria-labelledby={labelledBy}>
      {children}
    </section>
  );
}
