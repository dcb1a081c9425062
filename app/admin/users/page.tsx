import type { Metadata } from 'next';
import { roleLabel } from '@/components/admin/role-label';
import { ItemList, ListPage } from '@/components/ui';
import { getSiteSettings } from '@/db/queries/site';
import { listUsers } from '@/db/queries/users';
import { requirePermission } from '@/server/session';
import { decideUserControls } from '@/lib/newsroom/permissions';
import { formatDateTime } from '@/lib/time/dates';
import { InviteForm, UserRowActions } from './user-forms';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  const me = await requirePermission('user.manage');
  const [users, { timeZone }] = await Promise.all([listUsers(), getSiteSettings()]);
  const activeAdmins = users.filter((u) => u.role === 'admin' && !u.disabled).length;
  return (
    <ListPage
      title="Users"
      intro="Invite people, set their role, disable accounts. Changes apply on the person's next request."
      create={{ headingId: 'invite-title', title: 'Invite someone', children: <InviteForm /> }}
      list={{ title: 'Everyone', count: users.length }}
    >
      <ItemList items={users}>
        {(u) => (
          <li key={u.id} data-testid={`user-row-${u.email}`} className="grid gap-3 px-6 py-4 lg:grid-cols-[minmax(0,1fr)_auto] lg:items-start">
            <div className="min-w-0">
              <p className="font-semibold">
                {u.name}
                {u.id === me.id ? <span className="font-normal text-muted"> (you)</span> : null}
              </p>
              <p className="truncate text-sm text-muted">{u.email}</p>
              <p className="mt-1 flex flex-wrap gap-2 text-xs">
                <span data-testid="role-badge" className="rounded bg-panel px-1.5 py-0.5 font-semibold">{roleLabel(u.role)}</span>
                {u.disabled ? <span className="rounded bg-accent px-1.5 py-0.5 font-semibold text-accent-ink">Disabled</span> : null}
                {!u.hasPassword ? (
                  <span className="rounded border border-rule px-1.5 py-0.5">{u.linkPending ? 'Link sent, no password yet' : 'No password; link expired'}</span>
                ) : null}
                <span className="text-muted">
                  {u.lastSignInAt ? `Last signed in ${formatDateTime(u.lastSignInAt, timeZone)}` : 'Never signed in'}
                </span>
              </p>
            </div>
            <UserRowActions id={u.id} name={u.name} role={u.role} disabled={u.disabled} {...decideUserControls(me, u, activeAdmins)} />
          </li>
        )}
      </ItemList>
    </ListPage>
  );
}
