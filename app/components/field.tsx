import type { ReactNode } from 'react';

/** A labelled form field whose hint and errors are announced with it (RGAA 11.1, 11.10). */
export function Field({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {hint ? (
          <span id={`${id}-hint`} className="hint">
            {' '}
            {hint}
          </span>
        ) : null}
      </label>
      {children({
        id,
        'aria-describedby': describedBy || undefined,
        'aria-invalid': errors?.length ? true : undefined,
      })}
      {errors?.length ? (
        <p id={`${id}-error`} className="error-text">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
