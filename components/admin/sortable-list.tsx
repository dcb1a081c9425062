'use client';

import { useEffect, useRef, useState } from 'react';

// An ordered list the desk rearranges by dragging or from the keyboard. Each row has
// "Move up" / "Move down" buttons: after a move, focus stays on the button that was pressed
// (now in the row's new place) and a polite live region says where the row went. The parent
// owns the order; this component only proposes new ones through onReorder.

export interface SortableItem {
  id: number;
  title: string;
  meta?: string;
  warning?: string;
}

export function moveItem<T>(list: T[], from: number, to: number): T[] {
  if (from === to || from < 0 || from >= list.length || to < 0 || to >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

export function SortableList({
  label,
  items,
  onReorder,
  renderActions,
  emptyText = 'Nothing here yet.',
  testId,
}: {
  label: string;
  items: SortableItem[];
  onReorder: (next: SortableItem[], moved: SortableItem) => void;
  renderActions?: (item: SortableItem, index: number) => React.ReactNode;
  emptyText?: string;
  testId?: string;
}) {
  const [announcement, setAnnouncement] = useState('');
  const [dragId, setDragId] = useState<number | null>(null);
  const [overIndex, setOverIndex] = useState<number | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement | null>());
  const pendingFocus = useRef<string | null>(null);

  useEffect(() => {
    if (!pendingFocus.current) return;
    buttons.current.get(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  });

  function move(index: number, to: number, direction: 'up' | 'down' | null) {
    const item = items[index];
    if (!item || to < 0 || to >= items.length || to === index) return;
    const next = moveItem(items, index, to);
    if (direction) pendingFocus.current = `${item.id}-${direction}`;
    setAnnouncement(`“${item.title}” moved to position ${to + 1} of ${items.length}.`);
    onReorder(next, item);
  }

  return (
    <div>
      {items.length === 0 ? (
        <p className="rounded-md border border-dashed border-rule px-4 py-6 text-center text-sm text-muted">{emptyText}</p>
      ) : (
        <ol aria-label={label} data-testid={testId} className="divide-y divide-rule rounded-md border border-rule">
          {items.map((item, index) => (
            <li
              key={item.id}
              draggable
              data-testid="sortable-item"
              onDragStart={(e) => {
                setDragId(item.id);
                e.dataTransfer.effectAllowed = 'move';
                e.dataTransfer.setData('text/plain', String(item.id));
              }}
              onDragOver={(e) => {
                if (dragId === null) return;
                e.preventDefault();
                e.dataTransfer.dropEffect = 'move';
                setOverIndex(index);
              }}
              onDragLeave={() => setOverIndex((current) => (current === index ? null : current))}
              onDrop={(e) => {
                e.preventDefault();
                const from = items.findIndex((i) => i.id === dragId);
                setDragId(null);
                setOverIndex(null);
                if (from >= 0) move(from, index, null);
              }}
              onDragEnd={() => {
                setDragId(null);
                setOverIndex(null);
              }}
              className={`flex flex-wrap items-center gap-x-3 gap-y-2 bg-paper px-3 py-2.5 ${dragId === item.id ? 'opacity-50' : ''} ${
                overIndex === index && dragId !== item.id ? 'outline-2 -outline-offset-2 outline-accent' : ''
              }`}
            >
              <span aria-hidden="true" title="Drag to reorder" className="cursor-grab select-none text-lg leading-none text-muted">
                ⠿
              </span>
              <span aria-hidden="true" className="w-6 shrink-0 text-right font-mono text-sm text-muted">
                {index + 1}
              </span>
              <div className="min-w-0 flex-1 basis-40">
                <p className="font-semibold sm:truncate">{item.title}</p>
                {item.meta || item.warning ? (
                  <p className="truncate text-xs text-muted">
                    {item.meta}
                    {item.warning ? <span className="ml-2 font-semibold text-accent">{item.warning}</span> : null}
                  </p>
                ) : null}
              </div>
              <div className="flex w-full flex-wrap items-center justify-end gap-1.5 sm:w-auto sm:shrink-0">
                {(['up', 'down'] as const).map((direction) => {
                  const to = direction === 'up' ? index - 1 : index + 1;
                  const unavailable = to < 0 || to >= items.length;
                  return (
                    <button
                      key={direction}
                      type="button"
                      ref={(el) => {
                        buttons.current.set(`${item.id}-${direction}`, el);
                      }}
                      // aria-disabled, not disabled: a disabled button would drop the focus.
                      aria-disabled={unavailable}
                      onClick={() => (unavailable ? undefined : move(index, to, direction))}
                      className="rounded-md border border-rule px-2 py-1 text-xs font-semibold hover:border-ink aria-disabled:cursor-not-allowed aria-disabled:opacity-40"
                    >
                      {direction === 'up' ? '↑ Move up' : '↓ Move down'}
                      <span className="sr-only"> {item.title}</span>
                    </button>
                  );
                })}
                {renderActions?.(item, index)}
              </div>
            </li>
          ))}
        </ol>
      )}
      <p aria-live="polite" role="status" data-testid="sortable-announcement" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
