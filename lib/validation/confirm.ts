import { z } from 'zod';

// What makes a one-click mistake impossible on the server, with or without JavaScript: an
// irreversible form carries `confirm=yes` only from the confirmation dialog's button
// (components/ui/confirm-dialog.tsx), so a plain POST without it is refused, never performed.

export const CONFIRM_VALUE = 'yes';

/** The `confirm` field of a form that does `what` ("disable this account"). */
export function confirmedSchema(what: string) {
  return z.literal(CONFIRM_VALUE, { error: `Nothing was done: confirm that you want to ${what}.` });
}

export const REASON_LIMIT = 500;

/** A reason for the audit log: required, or optional ('' is none). */
export function reasonSchema(options: { required: string } | { required?: undefined } = {}) {
  const text = z.string().trim().max(REASON_LIMIT, { error: `Keep the reason under ${REASON_LIMIT} characters.` });
  return options.required ? text.min(1, { error: options.required }) : text.nullish().transform((v) => v || null);
}
