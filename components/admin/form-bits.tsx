'use client';

import { useFormStatus } from 'react-dom';

// The newsroom's one way to show a form field, its errors and a submit button.

export const inputClass =
  'block w-full rounded-md border border-rule bg-paper px-3 py-2 text-base text-ink shadow-sm focus:border-ink focus:outline-none focus-visible:outline-2 focus-visible:outline-accent';

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
  children: React.ReactNode;
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

export function SubmitButton({
  children,
  pendingText,
  variant = 'primary',
  className = '',
}: {
  children: React.ReactNode;
  pendingText?: string;
  variant?: 'primary' | 'secondary' | 'danger';
  className?: string;
}) {
  const { pending } = useFormStatus();
  const look = {
    primary: 'bg-ink text-paper hover:bg-ink/85',
    secondary: 'border border-rule bg-paper text-ink hover:border-ink',
    danger: 'border border-accent bg-paper text-accent hover:bg-accent hover:text-accent-ink',
  }[variant];
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`inline-flex items-center justify-center rounded-md px-4 py-2 text-sm font-semibold transition-colors disabled:opacity-60 ${look} ${className}`}
    >
      {pending && pendingText ? pendingText : children}
    </button>
  );
}

export function FormMessage({ error, message, testId }: { error?: string; message?: string; testId?: string }) {
  if (error) {
    return (
      <p role="status" data-testid={testId ?? 'form-error'} className="rounded-md border border-accent/40 bg-accent/5 px-3 py-2 text-sm font-medium text-accent">
        {error}
      </p>
    );
  }
  if (message) {
    return (
      <p role="status" data-testid={testId ?? 'form-message'} className="rounded-md border border-rule bg-panel px-3 py-2 text-sm">
        {message}
      </p>
    );
  }
  return null;
}
