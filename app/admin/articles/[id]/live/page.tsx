import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDeskLiveCoverage } from '@/db/queries/live';
import { getSiteSettings } from '@/db/queries/site';
import { requirePermission } from '@/server/session';
import { can, canChangeLiveUpdate } from '@/lib/newsroom/permissions';
import { decideCoverageState } from '@/lib/live/updates';
import { formatDateTime, formatTime } from '@/lib/time/dates';
import { articleIdSchema } from '@/lib/validation/editor';
import { CoverageForm, DeleteUpdateForm, EditUpdateForm, PostUpdateForm } from './live-forms';

export const metadata: Metadata = { title: 'Live updates' };

// The live desk of one story: post an update in a couple of seconds (phone first), the updates
// as readers see them with edit and delete, and the coverage's start, end and key points.
export default async function LiveDeskPage({ params }: PageProps<'/admin/articles/[id]/live'>) {
  const id = articleIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const desk = await getDeskLiveCoverage(id.data);
  if (!desk) {
    await requirePermission('admin.access');
    notFound();
  }
  const user = await requirePermission('live.post');
  const articleOwnerId = desk.article.createdBy;
  const canManage = can(user, 'live.manage', { ownerId: articleOwnerId });
  const { timeZone } = await getSiteSettings();
  const state = decideCoverageState(desk.coverage) ?? 'none';
  const isPublic = desk.article.status === 'published';

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <p className="text-sm">
          <a href={`/admin/articles/${desk.article.id}`} className="font-semibold text-accent hover:underline">
            ← Back to the editor
          </a>
        </p>
        <h1 className="mt-2 font-serif text-3xl font-bold">Live updates</h1>
        <p className="mt-1 font-semibold">{desk.article.title}</p>
        <p data-testid="live-status" className="mt-1 text-sm text-muted">
          {state === 'live'
            ? `Live since ${formatDateTime(new Date(desk.coverage!.startedAt), timeZone)}.`
            : state === 'ended'
              ? `Coverage ended ${formatDateTime(new Date(desk.coverage!.endedAt!), timeZone)}.`
              : 'This story is not live.'}{' '}
          {desk.updates.length === 1 ? '1 update.' : `${desk.updates.length} updates.`}{' '}
          {isPublic ? (
            <a href={desk.article.url} target="_blank" rel="noopener" className="font-semibold text-accent hover:underline">
              Open the story ↗
            </a>
          ) : (
            'Readers see it once the story is published.'
          )}
        </p>
      </div>

      {state === 'live' ? (
        <section aria-labelledby="post-title" className="rounded-lg border border-rule bg-paper p-4 sm:p-6">
          <h2 id="post-title" className="mb-3 text-lg font-bold">
            Post an update
          </h2>
          <PostUpdateForm articleId={desk.article.id} />
        </section>
      ) : null}

      {canManage ? (
        <section aria-labelledby="coverage-title" className="rounded-lg border border-rule bg-paper p-4 sm:p-6">
          <h2 id="coverage-title" className="mb-3 text-lg font-bold">
            Coverage
          </h2>
          <CoverageForm
            articleId={desk.article.id}
            version={desk.coverage?.version ?? 0}
            keyPoints={desk.coverage?.keyPoints ?? []}
            state={state}
          />
        </section>
      ) : state === 'none' ? (
        <p className="text-sm text-muted">The story’s author or an editor starts live coverage.</p>
      ) : null}

      <section aria-labelledby="updates-title" className="space-y-3">
        <h2 id="updates-title" className="text-lg font-bold">
          Updates, newest first
        </h2>
        {desk.updates.length === 0 ? <p className="text-sm text-muted">No updates yet.</p> : null}
        <ul className="space-y-3">
          {desk.updates.map((u) => {
            const editable = canChangeLiveUpdate(user, { ownerId: u.authorId, articleOwnerId });
            return (
              <li key={u.id} data-testid="desk-update" className="rounded-lg border border-rule bg-paper p-4">
                <p className="text-sm text-muted">
                  {u.pinned ? <span className="mr-2 font-bold text-accent uppercase">Pinned</span> : null}
                  <time dateTime={u.createdAt} className="font-bold text-ink">
                    {formatTime(new Date(u.createdAt), timeZone)}
                  </time>{' '}
                  · {u.authorName || 'the news desk'}
                </p>
                {u.title ? <p className="mt-1 font-bold">{u.title}</p> : null}
                <p className="mt-1 line-clamp-4 whitespace-pre-line">{u.body}</p>
                {editable ? (
                  <div className="mt-3 flex flex-wrap items-start gap-3">
                    <details className="min-w-0 flex-1">
                      <summary className="inline-flex cursor-pointer rounded-md border border-rule px-3 py-2 text-sm font-semibold hover:border-ink">
                        Edit<span className="sr-only"> the update of {formatTime(new Date(u.createdAt), timeZone)}</span>
                      </summary>
                      <div className="mt-3">
                        <EditUpdateForm
                          key={u.version}
                          articleId={desk.article.id}
                          update={{
                            id: u.id,
                            version: u.version,
                            mediaSrc: u.mediaSrc,
                            values: { title: u.title, body: u.body, embedUrl: u.embedUrl ?? '', mediaId: u.mediaId ? String(u.mediaId) : '', pinned: u.pinned ? 'on' : '' },
                          }}
                        />
                      </div>
                    </details>
                    <DeleteUpdateForm articleId={desk.article.id} updateId={u.id} version={u.version} />
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
