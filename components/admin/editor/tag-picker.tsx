'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { newsroom } from '@/components/admin/newsroom-client';

interface TagRef {
  id: number;
  name: string;
}

// Tags with autocomplete (GET /api/admin/tags?q=) and, for authors and up, "create on the fly"
// (POST /api/admin/tags). A combobox: arrows move, Enter picks, Escape closes.
export function TagPicker({
  value,
  onChange,
  canCreate,
  error,
}: {
  value: TagRef[];
  onChange: (tags: TagRef[]) => void;
  canCreate: boolean;
  error?: string;
}) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<TagRef[]>([]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    const mine = ++seq.current;
    const timer = setTimeout(async () => {
      const answer = await newsroom.searchTags(q);
      if (mine === seq.current) setResults(answer.ok ? answer.tags.filter((t) => !value.some((v) => v.id === t.id)) : []);
    }, 150);
    return () => clearTimeout(timer);
  }, [query, value]);

  const shown = query.trim() ? results : [];
  const exact = shown.some((t) => t.name.toLowerCase() === query.trim().toLowerCase());
  const options: ({ kind: 'tag'; tag: TagRef } | { kind: 'create'; name: string })[] = [
    ...shown.map((tag) => ({ kind: 'tag' as const, tag })),
    ...(canCreate && query.trim() && !exact ? [{ kind: 'create' as const, name: query.trim() }] : []),
  ];

  async function choose(index: number) {
    const option = options[index];
    if (!option) return;
    setMessage(null);
    if (option.kind === 'tag') {
      onChange([...value, { id: option.tag.id, name: option.tag.name }]);
    } else {
      const answer = await newsroom.createTag(option.name);
      if (!answer.ok) {
        setMessage(answer.error);
        return;
      }
      const { tag } = answer;
      if (!value.some((v) => v.id === tag.id)) onChange([...value, { id: tag.id, name: tag.name }]);
    }
    setQuery('');
    setOpen(false);
    setActive(0);
  }

  return (
    <div className="space-y-2">
      <label htmlFor={id} className="block text-sm font-semibold">
        Tags
      </label>
      {value.length > 0 ? (
        <ul className="flex flex-wrap gap-1.5" aria-label="Chosen tags">
          {value.map((tag) => (
            <li key={tag.id} className="inline-flex items-center gap-1 rounded-full border border-rule bg-panel py-0.5 pr-1 pl-2.5 text-sm">
              {tag.name}
              <button
                type="button"
                aria-label={`Remove tag ${tag.name}`}
                onClick={() => onChange(value.filter((t) => t.id !== tag.id))}
                className="rounded-full px-1.5 text-muted hover:bg-paper hover:text-ink"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="relative">
        <input
          id={id}
          type="text"
          role="combobox"
          aria-expanded={open && options.length > 0}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={open && options[active] ? `${id}-opt-${active}` : undefined}
          aria-describedby={`${id}-hint`}
          value={query}
          autoComplete="off"
          placeholder="Type to find a tag"
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setOpen(true);
              setActive((a) => Math.min(a + 1, options.length - 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((a) => Math.max(a - 1, 0));
            } else if (e.key === 'Enter') {
              if (open && options.length > 0) {
                e.preventDefault();
                void choose(active);
              }
            } else if (e.key === 'Escape') {
              setOpen(false);
            }
          }}
          className="block w-full rounded-md border border-rule bg-paper px-3 py-2 text-sm"
        />
        {open && options.length > 0 ? (
          <ul id={`${id}-list`} role="listbox" aria-label="Matching tags" className="absolute z-20 mt-1 max-h-60 w-full overflow-auto rounded-md border border-rule bg-paper shadow-lg">
            {options.map((option, index) => (
              <li
                key={option.kind === 'tag' ? option.tag.id : 'create'}
                id={`${id}-opt-${index}`}
                role="option"
                aria-selected={index === active}
                onMouseDown={(e) => {
                  e.preventDefault();
                  void choose(index);
                }}
                className={`cursor-pointer px-3 py-2 text-sm ${index === active ? 'bg-ink text-paper' : ''}`}
              >
                {option.kind === 'tag' ? option.tag.name : `Create tag “${option.name}”`}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <p id={`${id}-hint`} className="text-xs text-muted">
        {canCreate ? 'Pick an existing tag, or create one.' : 'Pick existing tags; an author or editor can create new ones.'}
      </p>
      {message || error ? <p className="text-sm font-medium text-accent">{message ?? error}</p> : null}
    </div>
  );
}
