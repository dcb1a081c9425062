// Which client address to record (audit log) and throttle by. Next.js hands a route handler or
// server action no socket; it fills `X-Forwarded-For` with the socket address only when the
// request carries none. So:
//  - TRUSTED_PROXY unset: the app is reached directly. We take the last X-Forwarded-For entry,
//    which is the socket address unless the client sent the header itself (a client can
//    pretend; per-account throttling does not depend on this). See docs/security.md.
//  - TRUSTED_PROXY=N (number of proxies in front, e.g. 1): the client is the Nth entry from
//    the right, the one the outermost trusted proxy saw. `true` means 1.
export function trustedProxyHops(value: string | undefined): number {
  if (!value) return 0;
  if (/^(true|yes|on)$/i.test(value)) return 1;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

const ADDRESS = /^[0-9a-fA-F:.]{2,45}$/;

export function decideClientAddress(forwardedFor: string | null | undefined, hops: number): string | null {
  const entries = (forwardedFor ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  const index = hops > 0 ? Math.max(0, entries.length - hops) : entries.length - 1;
  const candidate = entries[index]!.replace(/^::ffff:/, '');
  return ADDRESS.test(candidate) ? candidate : null;
}
