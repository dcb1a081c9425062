import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Pager } from '@/components/article/pager';
import { listCorrectionNotes } from '@/db/queries/corrections';
import { getSiteSettings } from '@/db/queries/site';
import { CORRECTIONS_PAGE_SIZE, NOTE_KIND_LABELS } from '@/lib/articles/corrections';
import { formatDateTime } from '@/lib/time/dates';
import { buildListingMetadata } from '@/lib/seo/fronts';
import { countPages, pageHref } from '@/lib/site/pagination';
import { getSiteUrl } from '@/lib/site/url';

// The public record of every correction, clarification and update, newest first. Page 1 is
// /corrections; "?page=N" is rewritten to ./page/[page] (next.config.ts), so both stay static.

const BASE = '/corrections';
const TITLE = 'Corrections and updates';

export async function correctionsMetadata(page: number): Promise<Metadata> {
  const { siteName, xAccount } = await getSiteSettings();
  return buildListingMetadata({
    siteUrl: getSiteUrl(),
    siteName,
    xAccount,
    path: pageHref(BASE, page),
    title: page > 1 ? `${TITLE} — page ${page}` : TITLE,
    description: `Every correction, clarification and update ${siteName} has made to a published story, newest first.`,
    image: '/social-card/home',
  });
}

export async function CorrectionsList({ page }: { page: number }) {
  const [{ notes: shown, total }, { timeZone, siteName }] = await Promise.all([listCorrectionNotes(page), getSiteSettings()]);
  const totalPages = countPages(total, CORRECTIONS_PAGE_SIZE);
  if (page > totalPages) notFound();
  return (
    <div className="mx-auto max-w-3xl py-8">
      <header className="border-b-4 border-ink pb-6">
        <h1 className="font-serif text-4xl font-bold tracking-tight sm:text-5xl">{page > 1 ? `${TITLE} — page ${page}` : TITLE}</h1>
        <p className="mt-3 max-w-2xl font-serif text-lg text-muted">
          When {siteName} gets something wrong, we fix it and say so at the foot of the story. This page gathers every
          correction, clarification and update, newest first.
        </p>
      </header>
      {shown.length === 0 ? (
        <p className="mt-8 text-muted">No corrections yet.</p>
      ) : (
        <ol className="divide-y divide-rule" data-testid="corrections-list">
          {shown.map((note) => (
            <li key={`${note.articleId}-${note.at}`} className="py-6">
              <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
                <span data-testid="note-kind" className="font-bold tracking-wider text-accent uppercase">
                  {NOTE_KIND_LABELS[note.kind]}
                </span>
                <time dateTime={note.at} className="text-muted">
                  {formatDateTime(new Date(note.at), timeZone)}
                </time>
              </p>
              <p className="mt-2 font-serif text-lg leading-snug">{note.text}</p>
              <p className="mt-2 text-sm">
                <span className="text-muted">In </span>
                <a href={note.url} className="font-semibold hover:text-accent hover:underline">
                  {note.title}
                </a>
              </p>
            </li>
          ))}
        </ol>
      )}
      <Pager base={BASE} page={page} totalPages={totalPages} />
    </div>
  );
}
