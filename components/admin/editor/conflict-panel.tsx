'use client';

import { diffWords } from 'diff';
import type { EditorArticle } from '@/db/queries/editor';
import {
  changedDraftFields,
  DRAFT_FIELD_LABELS,
  draftFieldText,
  type EditorDraft,
} from '@/lib/articles/draft';

// Shown when a save met a newer version: who saved, what they changed compared with my text,
// and two ways on. My text stays in the editor (and in this browser) whatever happens.
export function ConflictPanel({
  savedBy,
  theirs,
  mine,
  sectionName,
  onKeepMine,
  onTakeTheirs,
}: {
  savedBy: string | null;
  theirs: { article: EditorArticle; draft: EditorDraft } | null;
  mine: EditorDraft;
  sectionName: (id: number) => string;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const fields = theirs ? changedDraftFields(theirs.draft, mine) : [];
  return (
    <section
      aria-labelledby="conflict-title"
      data-testid="conflict-panel"
      className="rounded-lg border-2 border-accent bg-paper p-5 shadow-sm"
    >
      <h2 id="conflict-title" className="font-serif text-xl font-bold">
        {savedBy ?? 'Someone else'} saved this article while you were editing
      </h2>
      <p className="mt-1 text-sm">
        Your text was <strong>not</strong> saved over theirs, and nothing you typed is lost: it is still in the editor and kept
        in this browser. Compare below, then choose.
      </p>
      {theirs ? (
        fields.length > 0 ? (
          <dl className="mt-4 space-y-3">
            {fields.map((field) => (
              <div key={field} className="rounded-md border border-rule p-3">
                <dt className="text-xs font-bold tracking-widest text-muted uppercase">{DRAFT_FIELD_LABELS[field]}</dt>
                <dd className="mt-1 text-sm leading-relaxed" data-testid={`conflict-${field}`}>
                  {diffWords(draftFieldText(theirs.draft, field, sectionName), draftFieldText(mine, field, sectionName)).map((part, i) =>
                    part.added ? (
                      <ins key={i} className="bg-green-100 text-green-900 no-underline dark:bg-green-900/40 dark:text-green-100">
                        <span className="sr-only">yours: </span>
                        {part.value}
                      </ins>
                    ) : part.removed ? (
                      <del key={i} className="bg-red-100 text-red-900 dark:bg-red-900/40 dark:text-red-100">
                        <span className="sr-only">theirs: </span>
                        {part.value}
                      </del>
                    ) : (
                      <span key={i}>{part.value}</span>
                    ),
                  )}
                </dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="mt-3 text-sm">Your text and theirs are the same now.</p>
        )
      ) : (
        <p className="mt-3 text-sm text-muted">Loading their version…</p>
      )}
      <p className="mt-3 text-xs text-muted">
        <del className="bg-red-100 px-1 text-red-900">struck</del> = only in their version ·{' '}
        <ins className="bg-green-100 px-1 text-green-900 no-underline">marked</ins> = only in yours
      </p>
      <div className="mt-4 flex flex-wrap gap-2">
        <button type="button" onClick={onKeepMine} disabled={!theirs} className="rounded-md bg-ink px-4 py-2 text-sm font-semibold text-paper disabled:opacity-50">
          Save my version on top
        </button>
        <button type="button" onClick={onTakeTheirs} disabled={!theirs} className="rounded-md border border-rule px-4 py-2 text-sm font-semibold disabled:opacity-50">
          Discard mine, load theirs
        </button>
      </div>
      <p className="mt-2 text-xs text-muted">Either way, both versions stay in the article&apos;s revision history.</p>
    </section>
  );
}
