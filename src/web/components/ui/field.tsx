import { type ComponentProps, type ReactNode, type SelectHTMLAttributes, useId } from 'react';

type FieldProps = ComponentProps<'input'> & {
  label: string;
  hint?: ReactNode;
  error?: string | null;
};

/** A KERN text input with label, optional hint and error, wired with aria-describedby. */
export function TextField({ label, hint, error, id, className, ...input }: FieldProps) {
  const { fieldId, hintId } = useFieldIds(id, hint);
  const errorId = error ? `${fieldId}-error` : undefined;
  return (
    <div className={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label className="kern-label" htmlFor={fieldId}>
        {label}
      </label>
      <Hint id={hintId}>{hint}</Hint>
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

/** Ids of a field and its hint: the given id or a generated one. */
function useFieldIds(id: string | undefined, hint: ReactNode) {
  const auto = useId();
  const fieldId = id ?? auto;
  return { fieldId, hintId: hint ? `${fieldId}-hint` : undefined };
}

function Hint({ id, children, className }: { id?: string; children: ReactNode; className?: string }) {
  if (!children || !id) return null;
  return (
    <div className={`kern-hint${className ? ` ${className}` : ''}`} id={id}>
      {children}
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

type Option = { value: string; label: string };
type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  hint?: ReactNode;
  options?: ReadonlyArray<Option>;
  /** Options in named groups (optgroup), after the plain options. */
  groups?: ReadonlyArray<{ label: string; options: ReadonlyArray<Option> }>;
  /** Visually hidden label, e.g. for a select inside a table row. */
  hideLabel?: boolean;
};

export function SelectField({
  label,
  hint,
  options = [],
  groups = [],
  id,
  hideLabel,
  ...select
}: SelectProps) {
  const { fieldId, hintId } = useFieldIds(id, hint);
  return (
    <div className={`kern-form-input${hideLabel ? ' bn-inline-field' : ''}`}>
      <label className={`kern-label${hideLabel ? ' kern-sr-only' : ''}`} htmlFor={fieldId}>
        {label}
      </label>
      <Hint id={hintId}>{hint}</Hint>
      <div className="kern-form-input__select-wrapper">
        <select id={fieldId} className="kern-form-input__select" aria-describedby={hintId} {...select}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
          {groups.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
    </div>
  );
}

type AreaProps = ComponentProps<'textarea'> & { label: string; hint?: ReactNode; error?: string | null };

/** A KERN multi-line input, wired like TextField. */
export function TextAreaField({ label, hint, error, id, rows = 4, ...area }: AreaProps) {
  const { fieldId, hintId } = useFieldIds(id, hint);
  const errorId = error ? `${fieldId}-error` : undefined;
  return (
    <div className={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label className="kern-label" htmlFor={fieldId}>
        {label}
      </label>
      <Hint id={hintId}>{hint}</Hint>
      <textarea
        id={fieldId}
        rows={rows}
        className={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        aria-invalid={error ? true : undefined}
        {...area}
      />
      {error ? <FieldError id={errorId!}>{error}</FieldError> : null}
    </div>
  );
}

type CheckProps = ComponentProps<'input'> & { label: string; hint?: ReactNode };

export function CheckboxField({ label, hint, id, ...input }: CheckProps) {
  const { fieldId, hintId } = useFieldIds(id, hint);
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
      <Hint id={hintId} className="bn-check__hint">
        {hint}
      </Hint>
    </div>
  );
}
