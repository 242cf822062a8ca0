import { type ReactNode, useLayoutEffect, useRef } from 'react';

/**
 * Every list table sits in this region. On a wide screen it is a table; where the region is narrower
 * than the table needs (a phone, a tablet, a dialog) the rows stack as cards, each cell led by its
 * column's name (styles.css, `.bn-table-wrap` container query), so no page scrolls sideways. The column
 * names are copied from the header row into `data-label` here, once for every table, instead of each
 * page repeating them per cell. Should a table still be wider, the region scrolls and is then
 * focusable and named so keyboard users can scroll it (WCAG 2.1.1).
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
  const ref = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const region = ref.current;
    if (!region) return;
    labelCells(region);
    // Rows arrive later (load more, filters, a changed language): label them as they come.
    const observer = new MutationObserver(() => labelCells(region));
    observer.observe(region, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, []);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section ref={ref} className="bn-table-wrap" tabIndex={0} aria-label={label} aria-labelledby={labelledBy}>
      {children}
    </section>
  );
}

/** Sets each body cell's `data-label` to the text of its column's header (colspans counted). */
export function labelCells(region: HTMLElement) {
  for (const table of region.querySelectorAll('table')) {
    const head = table.tHead?.rows[0];
    if (!head) continue;
    const names: string[] = [];
    for (const th of head.cells) {
      const name = th.textContent?.trim() ?? '';
      for (let i = 0; i < th.colSpan; i++) names.push(name);
    }
    for (const body of table.tBodies) {
      for (const row of body.rows) {
        let column = 0;
        for (const cell of row.cells) {
          const name = names[column] ?? '';
          if (cell.getAttribute('data-label') !== name) cell.setAttribute('data-label', name);
          column += cell.colSpan;
        }
      }
    }
  }
}
