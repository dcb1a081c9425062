import type { Metadata } from 'next';
import { roleLabel } from '@/components/admin/role-label';
import { requirePermission } from '@/lib/auth-guards';
import { ADMIN_PAGES, can, type Action } from '@/lib/permissions';

export const metadata: Metadata = { title: 'Dashboard' };

// What each role may do, in the newsroom's words (design.md §3), for the dashboard's summary.
const ABILITIES: { action: Action; text: string }[] = [
  { action: 'media.upload', text: 'Write your own drafts, submit them for review and upload images' },
  { action: 'tag.create', text: 'Publish, schedule and unpublish your own articles; create tags' },
  { action: 'section.manage', text: "Edit and publish anyone's articles; manage sections, tags, bylines, the homepage and redirects" },
  { action: 'user.manage', text: 'Manage users and roles, settings and the audit log' },
];

export default async function DashboardPage() {
  const user = await requirePermission('admin.access');
  const pages = ADMIN_PAGES.filter((p) => p.href !== '/admin' && can(user, p.action));
  return (
    <div className="space-y-8">
      <div>
        <h1 className="font-serif text-3xl font-bold">Good to see you, {user.name.split(' ')[0]}</h1>
        <p className="mt-1 text-muted">
          You are signed in as <span data-testid="dashboard-role">{roleLabel(user.role)}</span>.
        </p>
      </div>
      <section aria-labelledby="can-title" className="rounded-lg border border-rule bg-paper p-6">
        <h2 id="can-title" className="text-sm font-bold tracking-widest text-muted uppercase">
          Your role may
        </h2>
        <ul className="mt-3 space-y-2">
          {ABILITIES.filter((a) => can(user, a.action)).map((a) => (
            <li key={a.action} className="flex gap-2">
              <span aria-hidden="true" className="text-accent">✓</span>
              {a.text}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="go-title">
        <h2 id="go-title" className="text-sm font-bold tracking-widest text-muted uppercase">
          Go to
        </h2>
        <ul className="mt-3 grid gap-3 sm:grid-cols-3">
          {pages.map((p) => (
            <li key={p.href}>
              <a href={p.href} className="block rounded-lg border border-rule bg-paper p-4 font-semibold no-underline hover:border-ink">
                {p.label} →
              </a>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
