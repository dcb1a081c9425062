// Security headers (docs/security.md, "Headers"). next.config.ts sends the static ones with every
// response, so public pages stay prerendered and cacheable; proxy.ts adds a per-request nonce
// policy for the newsroom (/admin) and sign-in (/login), which are rendered per request anyway.

// Relative: next.config.ts imports this file, where the @/ alias is not set up.
import { SOCIAL_EMBED_ORIGINS } from '../body/embeds';

// Embeds the video facade may load after a click (components/article/video-facade.tsx).
const VIDEO_FRAMES = ['https://www.youtube-nocookie.com', 'https://player.vimeo.com'];
// Social posts' players, loaded only after "Load post" (islands/social-embed.ts). Each is an
// iframe, so no provider script ever runs in the page's own origin.
const SOCIAL_FRAMES = [...SOCIAL_EMBED_ORIGINS];

function policy(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([name, values]) => (values.length ? `${name} ${values.join(' ')}` : name))
    .join('; ');
}

/**
 * The policy of every public page. Static HTML cannot carry a per-request nonce, and Next.js
 * inlines the page's flight data as `<script>self.__next_f.push(...)</script>`, so inline
 * scripts must be allowed; everything else is locked to our own origin. Stored content never
 * reaches the page as HTML (lib/body/sanitize.ts), which is the XSS boundary.
 */
export function publicContentSecurityPolicy(): string {
  return policy({
    'default-src': ["'self'"],
    'script-src': ["'self'", "'unsafe-inline'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'frame-src': [...VIDEO_FRAMES, ...SOCIAL_FRAMES],
    // Audio in the body plays from our media or from an https address the editor gave
    // (lib/body/embeds.ts); preload="none" fetches nothing until the reader presses play.
    'media-src': ["'self'", 'https:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'self'"],
  });
}

/** The newsroom's policy: scripts and styles only with this response's nonce. */
export function strictContentSecurityPolicy(nonce: string, { dev = false } = {}): string {
  return policy({
    'default-src': ["'self'"],
    // React needs eval in development only, for its error stacks.
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    'style-src': ["'self'", `'nonce-${nonce}'`],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  });
}

/** Sent with every response (next.config.ts). */
export const COMMON_SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()',
  },
];

/** Sent by proxy.ts with every /admin and /login response. */
export function privatePageHeaders(nonce: string, opts: { dev?: boolean } = {}): Record<string, string> {
  return {
    'Content-Security-Policy': strictContentSecurityPolicy(nonce, opts),
    'Cache-Control': 'private, no-store',
    'X-Robots-Tag': 'noindex, nofollow',
  };
}

/** Paths that get the per-request policy instead of the public one. */
export function isPrivatePath(pathname: string): boolean {
  return /^\/(admin|login)(\/|$)/.test(pathname);
}
