import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PreviewLinks } from '@/components/admin/preview-links';
import { RevisionDiffView } from '@/components/admin/revision-diff';
import { Card, ListPanel } from '@/components/ui';
import { getRevisionArticle, getRevisionLookups, getRevisionSnapshots, listRevisions } from '@/db/queries/revisions';
import { getSiteSettings } from '@/db/queries/site';
import { requirePermission } from '@/server/session';
import { decideArticleControls } from '@/lib/newsroom/permissions';
import { formatDateTime } from '@/lib/time/dates';
import { diffSnapshots } from '@/lib/articles/revision-diff';
import { RestoreRevisionForm } from './restore-form';

export const metadata: Metadata = { title: 'Revisions' };

function pick(value: string | string[] | undefined): number | null {
  const n = Number(typeof value === 'string' ? value : NaN);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

// One end of the comparison (?a= is "from", ?b= is "to"): a radio that submits with the form in
// the History header, checked on the revision the page compares.
function CompareCell({ end, label, revisionId, chosen }: { end: 'a' | 'b'; label: string; revisionId: number; chosen: number | null }) {
  return (
    <td className="px-4 py-3">
      <input type="radio" name={end} value={revisionId} form="compare-form" defaultChecked={revisionId === chosen} aria-label={label} className="size-4 accent-ink" />
    </td>
  );
}

export default async function RevisionsPage({ params, searchParams }: PageProps<'/admin/articles/[id]/revisions'>) {
  const [{ id: rawId }, query] = await Promise.all([params, searchParams]);
  const articleId = pick(rawId);
  const article = articleId ? await getRevisionArticle(articleId) : null;
  if (!article) {
    // Who may see anything at all is still decided first: a stranger goes to /login.
    await requirePermission('admin.access');
    notFound();
  }
  const resource = { ownerId: article.createdBy, status: article.status };
  const user = await requirePermission('article.edit', resource);
  const { canRestoreRevision } = decideArticleControls(user, resource);
  const [revisions, { timeZone }] = await Promise.all([listRevisions(article.id), getSiteSettings()]);

  // Two revisions to compare, from the URL (?a=&b=) so it works without JavaScript; by default
  // the latest against the one before it. The older one is always shown as the "before".
  const known = new Set(revisions.map((r) => r.id));
  const chosenA = pick(query.a);
  const chosenB = pick(query.b);
  const b = chosenB && known.has(chosenB) ? chosenB : (revisions[0]?.id ?? null);
  const a = chosenA && known.has(chosenA) ? chosenA : (revisions.find((r) => r.id !== b)?.id ?? null);
  const snapshots = await getRevisionSnapshots(article.id, [a, b].flatMap((x) => (x ? [x] : [])));
  const [older, newer] = [snapshots.get(a ?? 0), snapshots.get(b ?? 0)].sort((x, y) =>
    !x || !y ? 0 : x.version - y.version || x.createdAt.getTime() - y.createdAt.getTime(),
  );
  const lookups = older && newer ? await getRevisionLookups([older.snapshot, newer.snapshot]) : null;
  const diffs = older && newer && lookups ? diffSnapshots(older.snapshot, newer.snapshot, lookups, { timeZone }) : [];
  const editorHref = `/admin/articles/${article.id}`;

  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm">
          <a href={editorHref} className="font-semibold text-accent hover:underline">
            ← Back to the editor
          </a>
        </p>
        <h1 className="mt-2 font-serif text-3xl font-bold">Revisions</h1>
        <p className="mt-1 text-muted">
          <span className="font-semibold text-ink">{article.title}</span> · every save is kept. Restoring one saves its
          content as a new revision — on a live or scheduled story, as pending changes to check and publish with Update;
          the status, publication time and address stay as they are.
        </p>
        {canRestoreRevision ? null : (
          <p className="mt-2 text-sm text-muted" data-testid="restore-unavailable">
            This article is live: only someone who may publish it can restore an earlier version.
          </p>
        )}
      </div>

      <Card headingId="preview-title" title="Preview" className="p-6" headingClassName="mb-3 text-lg font-bold">
        <PreviewLinks articleId={article.id} timeZone={timeZone} />
      </Card>

      <ListPanel
        headingId="list-title"
        title="History"
        count={revisions.length}
        search={
          <form id="compare-form" method="get" action={`/admin/articles/${article.id}/revisions`}>
            <button type="submit" className="rounded-md border border-rule px-3 py-1.5 text-sm font-semibold hover:border-ink">
              Compare selected
            </button>
          </form>
        }
      >
        <div className="relative overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">
              Revisions of this article, newest first. Choose two to compare: one as “from”, one as “to”.
            </caption>
            <thead className="border-b border-rule text-xs tracking-wider text-muted uppercase">
              <tr>
                <th scope="col" className="px-4 py-2 font-semibold">
                  From
                </th>
                <th scope="col" className="px-4 py-2 font-semibold">
                  To
                </th>
                <th scope="col" className="px-4 py-2 font-semibold">
                  Version
                </th>
                <th scope="col" className="px-4 py-2 font-semibold">
                  Saved
                </th>
                <th scope="col" className="hidden px-4 py-2 font-semibold md:table-cell">
                  Note
                </th>
                <th scope="col" className="px-4 py-2 font-semibold">
                  <span className="sr-only">Restore</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-rule">
              {revisions.map((r, index) => {
                const who = r.userName ?? r.userEmail ?? (r.note.startsWith('Status:') ? 'Scheduler' : 'System');
                const selected = r.id === a || r.id === b;
                return (
                  <tr key={r.id} data-testid={`revision-row-${r.version}`} className={selected ? 'bg-panel' : undefined}>
                    <CompareCell end="a" label={`Compare from version ${r.version}`} revisionId={r.id} chosen={a} />
                    <CompareCell end="b" label={`Compare to version ${r.version}`} revisionId={r.id} chosen={b} />
                    <td className="px-4 py-3 font-semibold whitespace-nowrap">
                      v{r.version}
                      {index === 0 ? <span className="ml-2 rounded bg-ink px-1.5 py-0.5 text-[0.65rem] font-bold text-paper uppercase">Current</span> : null}
                    </td>
                    <td className="px-4 py-3">
                      <span className="block font-semibold">{who}</span>
                      <time dateTime={r.createdAt.toISOString()} className="text-xs text-muted">
                        {formatDateTime(r.createdAt, timeZone)}
                      </time>
                      {r.note ? <span className="mt-1 block text-xs md:hidden">{r.note}</span> : null}
                    </td>
                    <td className="hidden px-4 py-3 md:table-cell">{r.note || <span className="text-muted">—</span>}</td>
                    <td className="px-4 py-3 text-right">
                      {index === 0 || !canRestoreRevision ? null : (
                        <RestoreRevisionForm articleId={article.id} revisionId={r.id} version={r.version} expectedVersion={article.version} />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </ListPanel>

      <Card
        headingId="diff-title"
        title={older && newer ? `Changes from version ${older.version} to version ${newer.version}` : 'Changes'}
        className="px-6 py-4"
        headingClassName="text-lg font-bold"
      >
        {older && newer ? (
          <>
            <p className="mt-1 text-xs text-muted">
              <del className="line-through">Struck through</del> text was removed, <ins className="underline">underlined</ins> text
              was added.
            </p>
            <div className="mt-2">
              <RevisionDiffView diffs={diffs} />
            </div>
          </>
        ) : (
          <p className="mt-2 text-muted">Only one revision so far: there is nothing to compare yet.</p>
        )}
      </Card>
    </div>
  );
}
