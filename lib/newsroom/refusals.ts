// Why the newsroom's door refuses, and the one HTTP status of each: server/door.ts answers with
// it, and components/admin/newsroom-client.ts reads a reason back from the status when something
// in between (a proxy, a crash, a budget) answered instead of the door.
export const REFUSAL_STATUS = {
  unreadable: 400,
  signed_out: 401,
  forbidden: 403,
  cross_site: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  invalid: 422,
} as const;

export type ServerRefusalReason = keyof typeof REFUSAL_STATUS;

/**
 * `offline` and `unavailable` never come from the door: the client reports a failed fetch with
 * the first, and a busy or failing server (429, 5xx) with the second.
 */
export type RefusalReason = ServerRefusalReason | 'offline' | 'unavailable';

/** The reason a bare status stands for (403 reads as forbidden); anything else is `unavailable`. */
export function reasonOfStatus(status: number): RefusalReason {
  const reason = (Object.keys(REFUSAL_STATUS) as ServerRefusalReason[]).find((r) => REFUSAL_STATUS[r] === status);
  return reason ?? 'unavailable';
}
