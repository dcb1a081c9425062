import { collapseUnchanged, type DiffPart, type FieldDiff, type LineDiff } from '@/lib/articles/revision-diff';

// The changes between two revisions, field by field. Insertions are <ins>, deletions <del>;
// colour is not the only signal: each carries a visually hidden "added:"/"removed:" for screen
// readers and a strike-through or underline for everyone.

const insClass =
  'rounded-sm bg-emerald-100 px-0.5 text-emerald-950 underline decoration-emerald-700/60 decoration-2 underline-offset-2 dark:bg-emerald-900/60 dark:text-emerald-50';
const delClass =
  'rounded-sm bg-rose-100 px-0.5 text-rose-950 line-through decoration-rose-700/70 dark:bg-rose-900/60 dark:text-rose-50';

function Added({ children }: { children: React.ReactNode }) {
  return (
    <ins className={insClass}>
      <span className="sr-only">added: </span>
      {children}
    </ins>
  );
}

function Removed({ children }: { children: React.ReactNode }) {
  return (
    <del className={delClass}>
      <span className="sr-only">removed: </span>
      {children}
    </del>
  );
}

function Parts({ parts }: { parts: DiffPart[] }) {
  if (parts.length === 0) return <span className="text-muted">(empty)</span>;
  return (
    <>
      {parts.map((part, i) =>
        part.added ? (
          <Added key={i}>{part.value}</Added>
        ) : part.removed ? (
          <Removed key={i}>{part.value}</Removed>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </>
  );
}

function Line({ line }: { line: LineDiff }) {
  switch (line.type) {
    case 'skipped':
      return (
        <li className="py-1 text-xs text-muted italic">
          … {line.count} unchanged {line.count === 1 ? 'line' : 'lines'}
        </li>
      );
    case 'same':
      return <li className="py-1 text-muted">{line.text}</li>;
    case 'added':
      return (
        <li className="border-l-4 border-emerald-600 py-1 pl-2">
          <Added>{line.text}</Added>
        </li>
      );
    case 'removed':
      return (
        <li className="border-l-4 border-rose-600 py-1 pl-2">
          <Removed>{line.text}</Removed>
        </li>
      );
    case 'changed':
      return (
        <li className="border-l-4 border-amber-500 py-1 pl-2">
          <Parts parts={line.parts} />
        </li>
      );
  }
}

const LIST_BADGES = { added: 'added', removed: 'removed', moved: 'moved', kept: null } as const;

function FieldChange({ diff }: { diff: FieldDiff }) {
  switch (diff.kind) {
    case 'words':
      return (
        <p className="leading-relaxed break-words whitespace-pre-wrap">
          <Parts parts={diff.parts} />
        </p>
      );
    case 'value':
      return (
        <p className="flex flex-wrap items-center gap-2 break-words">
          <Removed>{diff.before}</Removed>
          <span aria-hidden="true" className="text-muted">
            →
          </span>
          <Added>{diff.after}</Added>
        </p>
      );
    case 'lines':
      return (
        <ol className="space-y-0.5 font-serif leading-relaxed break-words whitespace-pre-wrap">
          {collapseUnchanged(diff.lines, 1).map((line, i) => (
            <Line key={i} line={line} />
          ))}
        </ol>
      );
    case 'list':
      return (
        <ul className="flex flex-wrap gap-2">
          {diff.items.map((item, i) => (
            <li key={`${item.name}-${i}`}>
              {item.change === 'added' ? (
                <Added>{item.name}</Added>
              ) : item.change === 'removed' ? (
                <Removed>{item.name}</Removed>
              ) : (
                <span className="rounded-sm bg-panel px-1">
                  {item.name}
                  {LIST_BADGES[item.change] ? (
                    <span className="ml-1 rounded bg-amber-100 px-1 text-xs font-semibold text-amber-950 dark:bg-amber-900/60 dark:text-amber-50">
                      {LIST_BADGES[item.change]}
                    </span>
                  ) : null}
                </span>
              )}
            </li>
          ))}
        </ul>
      );
  }
}

export function RevisionDiffView({ diffs }: { diffs: FieldDiff[] }) {
  if (diffs.length === 0) {
    return <p className="text-muted">These two revisions have the same content.</p>;
  }
  return (
    <dl className="divide-y divide-rule">
      {diffs.map((diff) => (
        <div key={diff.field} data-testid={`diff-${diff.field}`} className="grid gap-2 py-4 sm:grid-cols-[10rem_minmax(0,1fr)]">
          <dt className="text-sm font-bold">{diff.label}</dt>
          <dd className="min-w-0 text-sm">
            <FieldChange diff={diff} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
