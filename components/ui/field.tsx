import type { ReactNode } from 'react';

export const inputClass =
  'block w-full rounded-md border border-rule bg-paper px-3 py-2 text-base text-ink shadow-sm focus:border-ink focus:outline-none focus-visible:outline-2 focus-visible:outline-accent';

// `name` is the control's id: the label points at it, and the hint and the errors take
// `${name}-hint` and `${name}-error` so the control can name them in aria-describedby.
export function Field({
  label,
  name,
  errors,
  hint,
  children,
}: {
  label: string;
  name: string;
  errors?: string[];
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={name} className="block text-sm font-semibold">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${name}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${name}-error`} className="text-sm font-medium text-accent">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
