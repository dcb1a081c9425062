import type { Metadata } from 'next';
import { ItemList, ListPanel, PageHeader, Panel } from '@/components/ui';
import { listAdminBylines, listAvatarChoices, listUserChoices } from '@/db/queries/admin-taxonomy';
import { requirePermission } from '@/server/session';
import { CreateBylineForm, EditBylineForms } from './byline-forms';

export const metadata: Metadata = { title: 'Bylines' };

export default async function BylinesPage() {
  await requirePermission('byline.manage');
  const [bylines, avatars, users] = await Promise.all([listAdminBylines(), listAvatarChoices(), listUserChoices()]);
  return (
    <div className="space-y-8">
      <PageHeader title="Bylines" intro="The names stories are signed with: people and desks, with their bio and avatar." />

      <Panel headingId="create-title" title="New byline">
        <CreateBylineForm avatars={avatars} users={users} />
      </Panel>

      <ListPanel headingId="list-title" title="All bylines" count={bylines.length}>
        <ItemList items={bylines}>
          {(b) => (
            <li key={b.id} id={`byline-${b.id}`} data-testid={`byline-row-${b.slug}`} className="scroll-mt-4 px-6 py-4">
              <div className="flex items-start gap-4">
                {b.avatarSrc ? (
                  // eslint-disable-next-line @next/next/no-img-element -- a small preview of a library original
                  <img src={b.avatarSrc} alt="" width={48} height={48} className="size-12 shrink-0 rounded-full object-cover" />
                ) : (
                  <span aria-hidden="true" className="grid size-12 shrink-0 place-items-center rounded-full bg-panel font-serif text-lg font-bold text-muted">
                    {b.name.slice(0, 1)}
                  </span>
                )}
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <p>
                      <span className="font-semibold">{b.name}</span>{' '}
                      <a href={`/author/${b.slug}`} className="font-mono text-sm text-muted underline">
                        /author/{b.slug}
                      </a>
                    </p>
                    <p className="text-sm text-muted">
                      {b.articleCount} {b.articleCount === 1 ? 'article' : 'articles'}
                    </p>
                  </div>
                  <p className="mt-1 flex flex-wrap gap-2 text-xs">
                    <span className="rounded bg-panel px-1.5 py-0.5 font-semibold">{b.kind === 'desk' ? 'Desk' : 'Person'}</span>
                    {b.jobTitle ? <span className="text-muted">{b.jobTitle}</span> : null}
                    {b.userName ? <span className="text-muted">· account: {b.userName}</span> : null}
                  </p>
                  {b.bio ? <p className="mt-1 line-clamp-2 text-sm text-muted">{b.bio}</p> : null}
                  <details className="mt-2">
                    <summary className="cursor-pointer text-sm font-semibold underline">
                      Edit<span className="sr-only"> {b.name}</span>
                    </summary>
                    {b.articleCount > 0 ? (
                      <p className="mt-2 text-sm text-muted">It cannot be deleted while articles carry it.</p>
                    ) : null}
                    <EditBylineForms
                      id={b.id}
                      avatars={avatars}
                      users={users}
                      initial={{
                        name: b.name,
                        slug: b.slug,
                        kind: b.kind,
                        jobTitle: b.jobTitle,
                        bio: b.bio,
                        avatarMediaId: b.avatarMediaId ? String(b.avatarMediaId) : '',
                        userId: b.userId ? String(b.userId) : '',
                      }}
                    />
                  </details>
                </div>
              </div>
            </li>
          )}
        </ItemList>
      </ListPanel>
    </div>
  );
}
