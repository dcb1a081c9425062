'use client';

import type { ReactNode } from 'react';
import { useFormStatus } from 'react-dom';

// The one client primitive: it reads the pending state of the form it sits in.
export function SubmitButton({
  children,
  pendingText,
  variant = 'primary',
  className = '',
}: {
  children: ReactNode;
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
