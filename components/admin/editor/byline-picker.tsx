'use client';

import { useId, useState } from 'react';
import type { BylineKind } from '@/lib/domain';

interface BylineRef {
  id: number;
  name: string;
}

// Several bylines, in the order readers see them. Add from the newsroom's list; reorder with
// buttons (keyboard and pointer alike); focus stays on the moved byline's button.
export function BylinePicker({
  value,
  options,
  onChange,
  error,
}: {
  value: BylineRef[];
  options: { id: number; name: string; kind: BylineKind }[];
  onChange: (bylines: BylineRef[]) => void;
  error?: string;
}) {
  const id = useId();
  const [announce, setAnnounce] = useState('');
  const available = options.filter((o) => !value.some((v) => v.id === o.id));

  function move(index: number, by: -1 | 1, focusId: string) {
    const next = [...value];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    onChange(next);
    setAnnounce(`${item!.name} is now byline ${index + by + 1} of ${next.length}.`);
    setTimeout(() => document.getElementById(focusId)?.focus(), 0);
  }

  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-semibold">Bylines</legend>
      {value.length > 0 ? (
        <ol className="space-y-1" aria-label="Bylines in order">
          {value.map((b, index) => (
            <li key={b.id} className="flex items-center gap-1 rounded-md border border-rule bg-paper px-2 py-1 text-sm">
              <span className="flex-1">
                <span className="text-muted">{index + 1}.</span> {b.name}
              </span>
              <button
                type="button"
                id={`${id}-up-${b.id}`}
                aria-label={`Move ${b.name} up`}
                disabled={index === 0}
                onClick={() => move(index, -1, `${id}-up-${b.id}`)}
                className="rounded px-1.5 hover:bg-panel disabled:opacity-30"
              >
                ↑
              </button>
              <button
                type="button"
                id={`${id}-down-${b.id}`}
                aria-label={`Move ${b.name} down`}
                disabled={index === value.length - 1}
                onClick={() => move(index, 1, `${id}-down-${b.id}`)}
                className="rounded px-1.5 hover:bg-panel disabled:opacity-30"
              >
                ↓
              </button>
              <button
                type="button"
                aria-label={`Remove byline ${b.name}`}
                onClick={() => onChange(value.filter((x) => x.id !== b.id))}
                className="rounded px-1.5 text-muted hover:bg-panel hover:text-ink"
              >
                ×
              </button>
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-muted">No byline yet — one is needed before review.</p>
      )}
      <label htmlFor={id} className="sr-only">
        Add a byline
      </label>
      <select
        id={id}
        value=""
        onChange={(e) => {
          const chosen = options.find((o) => o.id === Number(e.target.value));
          if (chosen) onChange([...value, { id: chosen.id, name: chosen.name }]);
        }}
        className="block w-full rounded-md border border-rule bg-paper px-3 py-2 text-sm"
      >
        <option value="">Add a byline…</option>
        {available.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
            {o.kind === 'desk' ? ' (desk)' : ''}
          </option>
        ))}
      </select>
      <p aria-live="polite" className="sr-only">
        {announce}
      </p>
      {error ? <p className="text-sm font-medium text-accent">{error}</p> : null}
    </fieldset>
  );
}
