import { useId } from 'react';
import { FieldError } from './field';

type Option = { value: string; label: string; hint?: string };

/** KERN radio buttons in a fieldset whose legend names the question; native radios keep arrow keys. */
export function RadioFieldset({
  legend,
  name,
  options,
  value,
  onChange,
  error,
  required,
}: {
  legend: string;
  name: string;
  options: ReadonlyArray<Option>;
  value: string | null;
  onChange: (value: string) => void;
  error?: string | null;
  required?: boolean;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <fieldset
      className={`kern-fieldset${error ? ' kern-fieldset--error' : ''}`}
      aria-describedby={error ? errorId : undefined}
    >
      <legend className="kern-label kern-label--large">{legend}</legend>
      <div className="kern-fieldset__body bn-radios">
        {options.map((o) => (
          <div className="kern-form-check" key={o.value}>
            <input
              type="radio"
              className={`kern-form-check__radio${error ? ' kern-form-check__radio--error' : ''}`}
              id={`${id}-${o.value}`}
              name={name}
              value={o.value}
              checked={value === o.value}
              required={required}
              aria-describedby={o.hint ? `${id}-${o.value}-hint` : undefined}
              onChange={() => onChange(o.value)}
            />
            <label className="kern-label" htmlFor={`${id}-${o.value}`}>
              {o.label}
            </label>
            {o.hint ? (
              <div className="kern-hint bn-radio-hint" id={`${id}-${o.value}-hint`}>
                {o.hint}
              </div>
            ) : null}
          </div>
        ))}
      </div>
      {error ? <FieldError id={errorId}>{error}</FieldError> : null}
    </fieldset>
  );
}
