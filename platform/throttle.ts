// Sign-in throttling: after 5 failed attempts for one account, or from one client address, within
// 15 minutes, further attempts wait until the oldest of those failures leaves the window. The
// failures themselves are audit_log rows ('auth.sign_in_failed'); see db/queries/audit.ts and
// docs/security.md.

export const THROTTLE_MAX_FAILURES = 5;
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Decide from the times of recent failures (for the account, for the address) whether another
 * attempt may proceed now. Pure: the caller reads the failures since `now - THROTTLE_WINDOW_MS`.
 */
export function decideThrottle(failureTimes: { account: number[]; address: number[] }, now: number): ThrottleDecision {
  let retryAt = 0;
  for (const times of [failureTimes.account, failureTimes.address]) {
    const recent = times.filter((t) => t > now - THROTTLE_WINDOW_MS).sort((a, b) => b - a);
    if (recent.length >= THROTTLE_MAX_FAILURES) {
      // Once the 5th-newest failure leaves the window, fewer than 5 remain.
      const fifthNewest = recent[THROTTLE_MAX_FAILURES - 1]!;
      retryAt = Math.max(retryAt, fifthNewest + THROTTLE_WINDOW_MS);
    }
  }
  return retryAt > now ? { allowed: false, retryAfterMs: retryAt - now } : { allowed: true };
}

export function describeWait(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return `Too many failed sign-in attempts. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`;
}
