import type { Metadata } from 'next';
import { ItemList, ItemTitle, ListPage, RowDisclosure } from '@/components/ui';
import { listAdminBylines, listAvatarChoices, listUserChoices } from '@/db/queries/admin-taxonomy';
import { requirePermission } from '@/server/session';
import { CreateBylineForm, EditBylineForms } from './byline-forms';

export const metadata: Metadata = { title: 'Bylines' };

export default async function BylinesPage() {
  await requirePermission('byline.manage');
  const [bylines, avatars, users] = await Promise.all([listAdminBylines(), listAvatarChoices(), listUserChoices()]);
  return (
    <ListPage
      title="Bylines"
      intro="The names stories are signed with: people and desks, with their bio and avatar."
      create={{ title: 'New byline', children: <CreateBylineForm avatars={avatars} users={users} /> }}
      list={{ title: 'All bylines', count: bylines.length }}
    >
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
                <ItemTitle name={b.name} href={`/author/${b.slug}`} meta={<>{b.articleCount} {b.articleCount === 1 ? 'article' : 'articles'}</>} />
                <p className="mt-1 flex flex-wrap gap-2 text-xs">
                  <span className="rounded bg-panel px-1.5 py-0.5 font-semibold">{b.kind === 'desk' ? 'Desk' : 'Person'}</span>
                  {b.jobTitle ? <span className="text-muted">{b.jobTitle}</span> : null}
                  {b.userName ? <span className="text-muted">· account: {b.userName}</span> : null}
                </p>
                {b.bio ? <p className="mt-1 line-clamp-2 text-sm text-muted">{b.bio}</p> : null}
                <RowDisclosure summary="Edit" subject={b.name} className="mt-2">
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
                </RowDisclosure>
              </div>
            </div>
          </li>
        )}
      </ItemList>
    </ListPage>
  );
}
