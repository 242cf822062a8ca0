import { type ComponentProps, type ReactNode, type SelectHTMLAttributes, useId } from 'react';

type FieldProps = ComponentProps<'input'> & {
  label: string;
  hint?: ReactNode;
  error?: string | null;
};

/** A KERN text input with label, optional hint and error, wired with aria-describedby. */
export function TextField({ label, hint, error, id, className, ...input }: FieldProps) {
  const auto = useId();
  const fieldId = id ?? auto;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  const errorId = error ? `${fieldId}-error` : undefined;
  return (
    <div className={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label className="kern-label" htmlFor={fieldId}>
        {label}
      </label>
      {hint ? (
        <div className="kern-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      <input
        id={fieldId}
        className={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}${className ? ` ${className}` : ''}`}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        aria-invalid={error ? true : undefined}
        {...input}
      />
      {error ? <FieldError id={errorId!}>{error}</FieldError> : null}
    </div>
  );
}

export function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p className="kern-error" id={id} role="alert">
      <span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
      <span className="kern-body">{children}</span>
    </p>
  );
}

type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  hint?: ReactNode;
  options: ReadonlyArray<{ value: string; label: string }>;
  /** Visually hidden label, e.g. for a select inside a table row. */
  hideLabel?: boolean;
};

export function SelectField({ label, hint, options, id, hideLabel, ...select }: SelectProps) {
  const auto = useId();
  const fieldId = id ?? auto;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  return (
    <div className={`kern-form-input${hideLabel ? ' bn-inline-field' : ''}`}>
      <label className={`kern-label${hideLabel ? ' kern-sr-only' : ''}`} htmlFor={fieldId}>
        {label}
      </label>
      {hint ? (
        <div className="kern-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      <div className="kern-form-input__select-wrapper">
        <select id={fieldId} className="kern-form-input__select" aria-describedby={hintId} {...select}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

type CheckProps = ComponentProps<'input'> & { label: string; hint?: ReactNode };

export function CheckboxField({ label, hint, id, ...input }: CheckProps) {
  const auto = useId();
  const fieldId = id ?? auto;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  return (
    <div className="bn-check">
      <div className="kern-form-check">
        <input
          id={fieldId}
          type="checkbox"
          className="kern-form-check__checkbox"
          aria-describedby={hintId}
          {...input}
        />
        <label className="kern-label" htmlFor={fieldId}>
          {label}
        </label>
      </div>
      {hint ? (
        <div className="kern-hint bn-check__hint" id={hintId}>
          {hint}
        </div>
      ) : null}
    </div>
  );
}
