import type { ReactNode } from 'react';
import { Button } from './button';

type Column = string | { label: string; numeric?: boolean };

/** The header row of a KERN table; `actions` names a last, right-aligned column for row buttons. */
export function TableHead({ columns, actions }: { columns: Column[]; actions?: string | null }) {
  return (
    <thead className="kern-table__head">
      <tr className="kern-table__row">
        {columns.map((c) => {
          const { label, numeric } = typeof c === 'string' ? { label: c, numeric: false } : c;
          return (
            <th
              key={label}
              scope="col"
              className={`kern-table__header${numeric ? ' kern-table__header--numeric' : ''}`}
            >
              {label}
            </th>
          );
        })}
        {actions ? (
          <th scope="col" className="kern-table__header kern-table__header--action">
            {actions}
          </th>
        ) : null}
      </tr>
    </thead>
  );
}

/** The last cell of a row, holding its buttons (see TableHead's `actions`). */
export function ActionsCell({ children }: { children: ReactNode }) {
  return (
    <td className="kern-table__cell kern-table__cell--action">
      <div className="bn-actions">{children}</div>
    </td>
  );
}

/** A small button acting on one row; `label` names the row for screen readers ("X löschen"). */
export function RowButton({
  icon,
  label,
  onClick,
  children,
}: {
  icon: string;
  label: string;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <Button variant="tertiary" small icon={icon} aria-label={label} onClick={onClick}>
      {children}
    </Button>
  );
}
