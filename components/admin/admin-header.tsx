import type { SessionUser } from '@/db/queries/users';
import { ADMIN_PAGES, can } from '@/lib/newsroom/permissions';
import { AdminNavLink } from '@/components/admin/admin-nav-link';
import { roleLabel } from '@/components/admin/role-label';

// The newsroom's header: site name, the pages this user's role may open, who is signed in.
export function AdminHeader({
  siteName,
  user,
  signOut,
}: {
  siteName: string;
  user: SessionUser;
  signOut: () => Promise<void>;
}) {
  const pages = ADMIN_PAGES.filter((p) => can(user, p.action));
  return (
    <header className="border-b border-rule bg-paper">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
        <div className="flex items-baseline gap-3">
          <a href="/admin" className="font-serif text-xl font-bold tracking-tight no-underline">
            {siteName}
          </a>
          <span className="rounded bg-ink px-1.5 py-0.5 text-[0.65rem] font-bold tracking-widest text-paper uppercase">
            Newsroom
          </span>
        </div>
        <div className="flex items-center gap-3 text-sm">
          <span data-testid="signed-in-as">
            <span className="font-semibold">{user.name}</span>
            <span className="text-muted"> · </span>
            <span data-testid="signed-in-role" className="text-muted">{roleLabel(user.role)}</span>
          </span>
          <form action={signOut}>
            <button type="submit" className="rounded-md border border-rule px-3 py-1.5 font-semibold hover:border-ink">
              Sign out
            </button>
          </form>
        </div>
      </div>
      <nav aria-label="Newsroom" className="border-t border-rule">
        <ul className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-2 text-sm font-semibold whitespace-nowrap">
          {pages.map((p) => (
            <li key={p.href}>
              <AdminNavLink href={p.href}>{p.label}</AdminNavLink>
            </li>
          ))}
          <li className="ml-auto">
            <a href="/" className="block px-3 py-2.5 text-muted hover:text-ink">
              View site ↗
            </a>
          </li>
        </ul>
      </nav>
    </header>
  );
}
