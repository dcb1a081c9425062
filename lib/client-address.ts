import { trustedProxyHops } from './request-guard.mjs';

// Which client address to record (audit log), throttle by and count views by. Next.js hands a
// route handler or server action no socket, only headers:
//  - TRUSTED_PROXY unset: the app is reached directly. The production server
//    (lib/request-guard.mjs) replaces whatever X-Forwarded-For the client sent with the socket's
//    address, so the last entry is the real client. See docs/security.md.
//  - TRUSTED_PROXY=N (number of proxies in front, e.g. 1): the client is the Nth entry from
//    the right, the one the outermost trusted proxy saw. `true` means 1.

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

export { trustedProxyHops };
