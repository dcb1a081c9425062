// Where to go after signing in: only a newsroom path of our own (never "//evil.example").
export function decideAfterSignIn(next: unknown): string {
  if (typeof next !== 'string') return '/admin';
  return /^\/admin(?:[/?#]|$)/.test(next) && !next.includes('\\') && !next.startsWith('//') ? next : '/admin';
}
