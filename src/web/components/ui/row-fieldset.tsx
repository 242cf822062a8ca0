import type { ReactNode } from 'react';
import { Button } from './button';

/** One row of a repeatable group in a form (a section, a new field, …): legend, fields, remove button. */
export function RowFieldset({
  legend,
  removeLabel,
  onRemove,
  children,
}: {
  legend: string;
  removeLabel: string;
  onRemove: () => void;
  children: ReactNode;
}) {
  return (
    <fieldset className="kern-fieldset bn-row">
      <legend className="kern-label kern-label--large">{legend}</legend>
      <div className="kern-fieldset__body bn-stack">
        {children}
        <div>
          <Button variant="tertiary" small icon="delete" onClick={onRemove}>
            {removeLabel}
          </Button>
        </div>
      </div>
    </fieldset>
  );
}
