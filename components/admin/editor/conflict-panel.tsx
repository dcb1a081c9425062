'use client';

import { conflictRows, fieldLines } from '@/lib/articles/conflict-diff';
import { DRAFT_FIELD_LABELS, type DraftField, type EditorDraft } from '@/lib/articles/draft';
import type { DiffPart } from '@/lib/articles/revision-diff';

// Shown when a save met a newer one and both changed the same fields (the rest was merged by
// article-sync.ts): who saved, each field both changed side by side — theirs, mine — paragraph
// by paragraph, and two ways on. Nothing is lost either way: my text stays in the editor (and in
// this browser) until I choose, theirs is in the revisions or stays on screen here to copy.
function Side({ parts, mark }: { parts: DiffPart[] | null; mark: 'removed' | 'added' }) {
  if (!parts) return <span className="text-muted italic">(not in this version)</span>;
  if (parts.length === 0) return <span className="text-muted">(empty)</span>;
  return (
    <>
      {parts.map((part, i) =>
        part[mark] ? (
          mark === 'removed' ? (
            <mark key={i} className="rounded-sm bg-rose-100 px-0.5 text-rose-950 dark:bg-rose-900/60 dark:text-rose-50">
              <span className="sr-only">only theirs: </span>
              {part.value}
            </mark>
          ) : (
            <mark key={i} className="rounded-sm bg-emerald-100 px-0.5 text-emerald-950 dark:bg-emerald-900/60 dark:text-emerald-50">
              <span className="sr-only">only yours: </span>
              {part.value}
            </mark>
          )
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </>
  );
}

function FieldSideBySide({ field, theirs, mine, sectionName }: { field: DraftField; theirs: EditorDraft; mine: EditorDraft; sectionName: (id: number) => string }) {
  const rows = conflictRows(fieldLines(theirs, field, sectionName), fieldLines(mine, field, sectionName));
  return (
    <div className="rounded-md border border-rule p-3" data-testid={`conflict-${field}`}>
      <h3 className="text-xs font-bold tracking-widest text-muted uppercase">{DRAFT_FIELD_LABELS[field]}</h3>
      <table className="mt-2 w-full table-fixed text-sm leading-relaxed">
        <thead className="text-xs text-muted">
          <tr>
            <th scope="col" className="w-1/2 pr-2 text-left font-semibold">Theirs</th>
            <th scope="col" className="w-1/2 pl-2 text-left font-semibold">Yours</th>
          </tr>
        </thead>
        <tbody className="align-top">
          {rows.map((row, i) =>
            row.type === 'skipped' ? (
              <tr key={i}>
                <td colSpan={2} className="py-1 text-xs text-muted italic">
                  … {row.count} unchanged {row.count === 1 ? 'paragraph' : 'paragraphs'}
                </td>
              </tr>
            ) : (
              <tr key={i} className={row.changed ? 'border-l-4 border-amber-500' : 'text-muted'}>
                <td className="py-1 pr-2 pl-2 break-words" data-side="theirs">
                  <Side parts={row.theirs} mark="removed" />
                </td>
                <td className="py-1 pl-2 break-words" data-side="mine">
                  <Side parts={row.mine} mark="added" />
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

export function ConflictPanel({
  savedBy,
  theirs,
  mine,
  conflicts,
  sectionName,
  onKeepMine,
  onTakeTheirs,
  onCombine,
}: {
  savedBy: string | null;
  theirs: EditorDraft | null;
  mine: EditorDraft;
  conflicts: DraftField[];
  sectionName: (id: number) => string;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  // Offered when the two bodies changed different paragraphs.
  onCombine: (() => void) | null;
}) {
  return (
    <section aria-labelledby="conflict-title" data-testid="conflict-panel" className="rounded-lg border-2 border-accent bg-paper p-5 shadow-sm">
      <h2 id="conflict-title" className="font-serif text-xl font-bold">
        {savedBy ?? 'Someone else'} changed the same {conflicts.length === 1 ? 'field' : 'fields'} while you were editing
      </h2>
      <p className="mt-1 text-sm">
        Your text was <strong>not</strong> saved over theirs, and nothing you typed is lost: it is still in the editor and kept in
        this browser. Whatever else either of you changed is already combined. Compare below, then choose.
      </p>
      {theirs ? (
        <div className="mt-4 space-y-3">
          {conflicts.map((field) => (
            <FieldSideBySide key={field} field={field} theirs={theirs} mine={mine} sectionName={sectionName} />
          ))}
        </div>
      ) : (
        <p className="mt-3 text-sm text-muted">Loading their version…</p>
      )}
      <p className="mt-3 text-xs text-muted">
        <mark className="bg-rose-100 px-1 text-rose-950">marked left</mark> = only in their version ·{' '}
        <mark className="bg-emerald-100 px-1 text-emerald-950">marked right</mark> = only in yours
      </p>
      <div className="mt-4 flex flex-wrap gap-2">
        {onCombine ? (
          <button type="button" onClick={onCombine} className="rounded-md bg-ink px-4 py-2 text-sm font-semibold text-paper">
            Keep both: you changed different paragraphs
          </button>
        ) : null}
        <button type="button" onClick={onKeepMine} disabled={!theirs} className="rounded-md bg-ink px-4 py-2 text-sm font-semibold text-paper disabled:opacity-50">
          Keep mine for these
        </button>
        <button type="button" onClick={onTakeTheirs} disabled={!theirs} className="rounded-md border border-rule px-4 py-2 text-sm font-semibold disabled:opacity-50">
          Take theirs for these
        </button>
      </div>
      <p className="mt-2 text-xs text-muted">
        A version saved to the article stays in its revision history; copy from this table anything you want from the side you do not keep.
      </p>
    </section>
  );
}

/** After a conflict was decided: the side not kept, in full, to copy from until dismissed. */
export function SetAsideText({
  side,
  by,
  fields,
  draft,
  sectionName,
  onDismiss,
}: {
  side: 'theirs' | 'yours';
  by: string | null;
  fields: DraftField[];
  draft: EditorDraft;
  sectionName: (id: number) => string;
  onDismiss: () => void;
}) {
  return (
    <details data-testid="set-aside" className="rounded-md border border-rule bg-paper px-3 py-2 text-sm">
      <summary className="cursor-pointer font-semibold">
        {side === 'theirs' ? `${by ?? 'Their'}${by ? '’s' : ''} version you did not keep` : 'Your version you did not keep'} — to copy from
      </summary>
      <dl className="mt-2 space-y-2">
        {fields.map((field) => (
          <div key={field}>
            <dt className="text-xs font-bold tracking-widest text-muted uppercase">{DRAFT_FIELD_LABELS[field]}</dt>
            <dd className="select-text" data-testid={`set-aside-${field}`}>
              {fieldLines(draft, field, sectionName).map((line, i) => (
                <p key={i} className="mt-1">
                  {line}
                </p>
              ))}
            </dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={onDismiss} className="mt-2 rounded-md border border-rule px-3 py-1.5 font-semibold">
        Done with it
      </button>
    </details>
  );
}
