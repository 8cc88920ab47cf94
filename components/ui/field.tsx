import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';

const CONTROL =
  'w-full rounded-md border border-border bg-surface px-2.5 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-accent aria-invalid:border-danger';

/** What ties a control to its Field: its id, whether it is invalid, and the error that says why. */
type FieldControl = { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined };

/**
 * A labelled control with its error underneath. Give `children` as a function to have the control tied
 * to its error for screen readers (`aria-invalid`, `aria-describedby`):
 *
 * @example <Field id="token-name" label="Name" error={fields.name}>{(control) => <Input {...control} />}</Field>
 */
export function Field({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  children: ReactNode | ((control: FieldControl) => ReactNode);
}) {
  const control: FieldControl = {
    id,
    'aria-invalid': Boolean(error),
    'aria-describedby': error ? errorIdOf(id) : undefined,
  };
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {typeof children === 'function' ? children(control) : children}
      <FieldError id={id} error={error} />
    </div>
  );
}

/** The id of a control's error message, for a control that describes itself by more than its error. */
export const errorIdOf = (controlId: string) => `${controlId}-error`;

/** A control's error message, for controls laid out without a Field (a group of them shares one). */
export function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={errorIdOf(id)} className="text-sm text-danger">
      {error}
    </p>
  ) : null;
}

export function Input({ className = '', ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={`${CONTROL} ${className}`} {...props} />;
}

export function Select({ className = '', ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={`${CONTROL} ${className}`} {...props} />;
}
