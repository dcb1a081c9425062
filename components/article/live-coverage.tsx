import { ArticleBody } from '@/components/article/article-body';
import { IslandScript } from '@/components/site/island-script';
import type { LiveCoverageView, LiveUpdateView } from '@/db/queries/live';
import { updateAnchor } from '@/lib/live/updates';
import { formatDateTime, formatPublishedDate, formatTime } from '@/lib/time/dates';

// A story's live coverage on its page: the badge by the headline, the key points, and the
// updates, pinned first then newest first, each an <article id="update-N"> with its time, its
// author and a permalink. Complete without JavaScript; while the coverage runs, the live-updates
// island (islands/live-updates.ts) asks for the page again now and then and offers what is new.
// Once the coverage has ended the page reads as an article: no badge, no island, the updates kept
// as a timeline.

export function LiveBadge({ live }: { live: LiveCoverageView | null | undefined }) {
  if (live?.state !== 'live') return null;
  return (
    <span
      data-testid="live-badge"
      className="ml-2 inline-flex items-center gap-1.5 rounded-sm bg-accent px-2 py-0.5 align-middle text-xs font-bold tracking-wider text-accent-ink uppercase"
    >
      <span aria-hidden="true" className="size-2 rounded-full bg-accent-ink motion-safe:animate-pulse" />
      Live
    </span>
  );
}

export function LiveKeyPoints({ live }: { live: LiveCoverageView | null | undefined }) {
  if (!live || live.keyPoints.length === 0) return null;
  return (
    <section aria-labelledby="key-points-title" data-live-key-points className="mt-6 max-w-[40rem] border-l-4 border-accent bg-panel p-4 sm:p-5">
      <h2 id="key-points-title" className="text-sm font-bold tracking-wider uppercase">
        Key points
      </h2>
      <ul className="mt-2 list-disc space-y-1.5 pl-5 font-serif text-lg leading-snug">
        {live.keyPoints.map((point, i) => (
          <li key={i}>{point}</li>
        ))}
      </ul>
    </section>
  );
}

export function LiveUpdates({ live, timeZone }: { live: LiveCoverageView | null | undefined; timeZone: string }) {
  if (!live) return null;
  const running = live.state === 'live';
  const title = running ? 'Live updates' : 'Timeline';
  return (
    <section
      aria-labelledby="live-updates-title"
      data-island={running ? 'live-updates' : undefined}
      data-live-state={live.state}
      className="mt-10 max-w-[40rem]"
    >
      <h2 id="live-updates-title" className="font-serif text-2xl font-bold">
        {title}
      </h2>
      <p className="mt-1 text-sm text-muted">
        {running ? 'Coverage started' : 'Coverage ran from'} <time dateTime={live.startedAt}>{formatDateTime(new Date(live.startedAt), timeZone)}</time>
        {live.endedAt ? (
          <>
            {' '}
            to <time dateTime={live.endedAt}>{formatDateTime(new Date(live.endedAt), timeZone)}</time>
          </>
        ) : null}
        .{' '}
        {live.updates.length === 1 ? '1 update' : `${live.updates.length} updates`}, newest first.
      </p>
      {running ? (
        <>
          <div data-live-new hidden className="sticky top-2 z-10 mt-4">
            <button
              type="button"
              data-live-show
              className="w-full rounded-md bg-accent px-4 py-2.5 text-sm font-bold text-accent-ink shadow-md hover:underline focus-visible:outline-offset-4"
            />
          </div>
          <p role="status" data-live-status className="sr-only" />
          <IslandScript name="live-updates" />
        </>
      ) : null}
      <div data-live-list className="mt-4">
        {live.updates.length === 0 ? (
          <p data-live-empty className="border-t border-rule py-6 text-muted">
            The first updates will appear here.
          </p>
        ) : (
          live.updates.map((update) => <LiveUpdateItem key={update.id} update={update} live={live} timeZone={timeZone} />)
        )}
      </div>
    </section>
  );
}

function LiveUpdateItem({ update, live, timeZone }: { update: LiveUpdateView; live: LiveCoverageView; timeZone: string }) {
  const anchor = updateAnchor(update.id);
  const posted = new Date(update.createdAt);
  const edited = new Date(update.updatedAt).getTime() - posted.getTime() > 60_000;
  return (
    <article
      id={anchor}
      data-update-id={update.id}
      data-pinned={update.pinned ? 'true' : undefined}
      aria-labelledby={update.title ? `${anchor}-title` : undefined}
      aria-label={update.title ? undefined : `Update at ${formatTime(posted, timeZone)}`}
      tabIndex={-1}
      className={`scroll-mt-16 border-t py-6 ${update.pinned ? 'border-t-4 border-accent' : 'border-rule'}`}
    >
      <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
        {update.pinned ? <span className="text-xs font-bold tracking-wider text-accent uppercase">Pinned</span> : null}
        <a href={`#${anchor}`} className="font-bold tabular-nums hover:text-accent hover:underline">
          <span className="sr-only">Permalink: update posted </span>
          <time dateTime={update.createdAt}>{formatTime(posted, timeZone)}</time>
        </a>
        <span className="text-muted">{formatPublishedDate(posted, timeZone)}</span>
        <span className="text-muted">
          by{' '}
          {update.author.slug ? (
            <a href={`/author/${update.author.slug}`} className="font-semibold text-ink hover:text-accent hover:underline">
              {update.author.name}
            </a>
          ) : (
            <span className="font-semibold text-ink">{update.author.name || 'the news desk'}</span>
          )}
        </span>
        {edited ? (
          <span className="text-muted">
            (edited <time dateTime={update.updatedAt}>{formatTime(new Date(update.updatedAt), timeZone)}</time>)
          </span>
        ) : null}
      </header>
      {update.title ? (
        <h3 id={`${anchor}-title`} className="mt-2 font-serif text-xl leading-snug font-bold">
          {update.title}
        </h3>
      ) : null}
      <div className="mt-2">
        <ArticleBody doc={update.doc} media={live.media} />
      </div>
    </article>
  );
}
