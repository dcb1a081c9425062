// Permanent redirects from old addresses (a changed slug or section, or one an editor adds)
// to current ones. Pure rules here; storage in db/mutations/redirects.ts and
// db/queries/redirects.ts.

export interface RedirectRule {
  from: string;
  to: string;
}

export type RedirectProblem = 'invalid-from' | 'invalid-to' | 'same' | 'loop' | 'chain' | 'duplicate';

// A site path in its one canonical form: leading slash, lowercase, no trailing slash, no
// query, fragment, empty or dot segments. Null when the input is not such a path.
export function normalizeRedirectPath(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed.startsWith('/') || trimmed.startsWith('//')) return null;
  if (/[?#\s\\]/.test(trimmed)) return null;
  const segments = trimmed.split('/').slice(1);
  if (segments.at(-1) === '') segments.pop();
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return null;
  return `/${segments.join('/')}`.toLowerCase();
}

// Where a rule sends a path: the rule's own address, or — for a moved section — the same
// article under the new section ("/old/story" with "/old" → "/new" gives "/new/story").
export function applyRedirect(path: string, rule: RedirectRule): string | null {
  if (path === rule.from) return rule.to;
  if (path.startsWith(`${rule.from}/`)) return `${rule.to}${path.slice(rule.from.length)}`;
  return null;
}

// The rules that may match a path, most specific first: the path itself, then its first
// segment (a moved section).
export function redirectLookupKeys(path: string): string[] {
  const segments = path.split('/').filter(Boolean);
  if (segments.length <= 1) return [path];
  return [path, `/${segments[0]}`];
}

// Why a new rule may not be added next to the existing ones, or null when it may. A rule
// whose target is itself redirected would make crawlers follow two hops (a chain), and one
// whose target leads back to its source never ends (a loop); both are refused so every old
// address answers with one 308 straight to a live page.
export function findRedirectProblem(existing: RedirectRule[], candidate: RedirectRule): RedirectProblem | null {
  const from = normalizeRedirectPath(candidate.from);
  if (!from || from === '/') return 'invalid-from';
  const to = normalizeRedirectPath(candidate.to);
  if (!to) return 'invalid-to';
  if (from === to) return 'same';
  if (existing.some((rule) => rule.from === from)) return 'duplicate';
  // Follow the target through existing rules: reaching `from` again is a loop; any hop is a chain.
  const seen = new Set<string>([from]);
  let current = to;
  let hops = 0;
  for (;;) {
    const next = existing.map((rule) => applyRedirect(current, rule)).find((target) => target !== null);
    if (next === undefined || next === null) break;
    hops += 1;
    if (seen.has(next)) return 'loop';
    seen.add(current);
    current = next;
    if (hops > existing.length) return 'loop';
  }
  if (hops > 0) return 'chain';
  // Existing rules that land on `from` would now take two hops.
  if (existing.some((rule) => rule.to === from || rule.to.startsWith(`${from}/`))) return 'chain';
  return null;
}

export const REDIRECT_PROBLEM_MESSAGES: Record<RedirectProblem, string> = {
  'invalid-from': 'The old address must be a path on this site, such as /news/old-story.',
  'invalid-to': 'The new address must be a path on this site, such as /news/new-story.',
  same: 'The old and new addresses are the same.',
  duplicate: 'That old address already redirects somewhere.',
  loop: 'This redirect would send readers round in a loop.',
  chain: 'The new address is itself redirected (or redirects lead to the old one): point straight at the final page.',
};

// Which form of a requested path the site answers: uppercase letters are folded to one
// lowercase address (slugs are always lowercase). Null when the path is already canonical.
export function decideLowercaseRedirect(path: string): string | null {
  const lower = path.toLowerCase();
  return lower === path ? null : lower;
}
