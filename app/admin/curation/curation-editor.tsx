'use client';

import { useId, useState, useTransition } from 'react';
import { FormMessage, inputClass } from '@/components/ui';
import { newsroom } from '@/components/admin/newsroom-client';
import { SortableList, type SortableItem } from '@/components/admin/sortable-list';
import type { ArticleSearchHit, CuratedItem, CurationSlots } from '@/db/queries/admin-taxonomy';
import { CURATION_LIMITS, CURATION_SLOTS, type CurationSlot } from '@/lib/validation/taxonomy';
import { saveCurationAction, type CurationSaveState } from './actions';

const SLOT_LABELS: Record<CurationSlot, string> = { lead: 'Lead story', top: 'Top stories', picks: "Editors' Picks" };
const SLOT_HINTS: Record<CurationSlot, string> = {
  lead: 'The big story at the top of the front page. An empty slot shows the newest story.',
  top: 'Beside and under the lead, in this order. Empty places fill with the newest stories.',
  picks: "The Editors' Picks rail, in this order.",
};

const toItem = (a: { id: number; title: string; section: string; live?: boolean }, timeLabel?: string): SortableItem => ({
  id: a.id,
  title: a.title,
  meta: [a.section, timeLabel].filter(Boolean).join(' · '),
  warning: a.live === false ? 'Not published: hidden on the front' : undefined,
});

function formatWhen(iso: string | null, timeZone: string): string | undefined {
  if (!iso) return undefined;
  return new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

function SlotEditor({
  slot,
  items,
  setItems,
  dirty,
  onSaved,
}: {
  slot: CurationSlot;
  items: SortableItem[];
  setItems: (next: SortableItem[]) => void;
  dirty: boolean;
  onSaved: () => void;
}) {
  const [state, setState] = useState<CurationSaveState>({});
  const [pending, startTransition] = useTransition();
  const headingId = useId();
  const label = SLOT_LABELS[slot];
  return (
    <section aria-labelledby={headingId} data-testid={`slot-${slot}`} className="rounded-lg border border-rule bg-paper p-6">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-lg font-bold">
          {label}{' '}
          <span className="text-sm font-normal text-muted">
            ({items.length} of {CURATION_LIMITS[slot]})
          </span>
        </h2>
        {dirty ? <span className="text-xs font-semibold text-accent">Unsaved changes</span> : null}
      </div>
      <p className="mb-4 text-sm text-muted">{SLOT_HINTS[slot]}</p>
      <SortableList
        label={label}
        items={items}
        emptyText="Empty: add a story from the search above."
        onReorder={(next) => setItems(next)}
        renderActions={(item) => (
          <button
            type="button"
            onClick={() => setItems(items.filter((i) => i.id !== item.id))}
            className="rounded-md border border-accent px-2 py-1 text-xs font-semibold text-accent hover:bg-accent hover:text-accent-ink"
          >
            Remove<span className="sr-only"> {item.title} from {label}</span>
          </button>
        )}
      />
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button
          type="button"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await saveCurationAction(slot, items.map((i) => i.id));
              setState(result);
              if (result.ok) onSaved();
            })
          }
          className="inline-flex items-center justify-center rounded-md bg-ink px-4 py-2 text-sm font-semibold text-paper hover:bg-ink/85 disabled:opacity-60"
        >
          {pending ? 'Saving…' : `Save ${label}`}
        </button>
      </div>
      <div className="mt-3">
        <FormMessage error={state.error} message={dirty ? undefined : state.message} testId={state.error ? `${slot}-error` : `${slot}-message`} />
      </div>
    </section>
  );
}

export function CurationEditor({ initial, timeZone }: { initial: CurationSlots; timeZone: string }) {
  const fromServer = (list: CuratedItem[]) => list.map((a) => toItem(a, formatWhen(a.publishedAt, timeZone)));
  const [saved, setSaved] = useState<Record<CurationSlot, SortableItem[]>>({
    lead: fromServer(initial.lead),
    top: fromServer(initial.top),
    picks: fromServer(initial.picks),
  });
  const [slots, setSlots] = useState(saved);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<ArticleSearchHit[] | null>(null);
  const [searchError, setSearchError] = useState('');
  const [notice, setNotice] = useState('');
  const [searching, startSearch] = useTransition();

  const setSlot = (slot: CurationSlot) => (next: SortableItem[]) => setSlots((current) => ({ ...current, [slot]: next }));
  const isDirty = (slot: CurationSlot) => slots[slot].map((i) => i.id).join(',') !== saved[slot].map((i) => i.id).join(',');

  function search(event: React.FormEvent) {
    event.preventDefault();
    startSearch(async () => {
      const answer = await newsroom.searchArticles(query);
      if (answer.ok) {
        setHits(answer.articles);
        setSearchError('');
      } else setSearchError(`The search failed: ${answer.error}`);
    });
  }

  function add(slot: CurationSlot, hit: ArticleSearchHit) {
    const item = toItem(hit, formatWhen(hit.publishedAt, timeZone));
    const current = slots[slot];
    if (current.some((i) => i.id === hit.id)) {
      setNotice(`“${hit.title}” is already in ${SLOT_LABELS[slot]}.`);
      return;
    }
    // The lead holds one story: adding replaces it.
    const next = slot === 'lead' ? [item] : [...current, item];
    if (next.length > CURATION_LIMITS[slot]) {
      setNotice(`${SLOT_LABELS[slot]} is full (${CURATION_LIMITS[slot]}). Remove a story first.`);
      return;
    }
    setSlot(slot)(next);
    setNotice(`“${hit.title}” added to ${SLOT_LABELS[slot]} at position ${next.length}. Save to publish the change.`);
  }

  return (
    <div className="space-y-8">
      <section aria-labelledby="find-title" className="rounded-lg border border-rule bg-paper p-6">
        <h2 id="find-title" className="mb-3 text-lg font-bold">
          Find a published story
        </h2>
        <form role="search" onSubmit={search} className="flex flex-wrap gap-2">
          <label htmlFor="story-search" className="sr-only">
            Search published stories by title
          </label>
          <input
            id="story-search"
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Search published stories by title"
            className={`${inputClass} max-w-md flex-1`}
          />
          <button type="submit" className="rounded-md border border-rule px-4 py-2 text-sm font-semibold hover:border-ink">
            {searching ? 'Searching…' : 'Search'}
          </button>
        </form>
        <p aria-live="polite" data-testid="curation-notice" className="mt-2 text-sm text-muted">
          {searchError || notice}
        </p>
        {hits ? (
          hits.length === 0 ? (
            <p className="mt-3 text-sm text-muted">No published story has that in its title.</p>
          ) : (
            <ul aria-label="Search results" className="mt-3 divide-y divide-rule rounded-md border border-rule">
              {hits.map((hit) => (
                <li key={hit.id} data-testid="search-hit" className="flex flex-wrap items-center gap-3 px-3 py-2.5">
                  <div className="min-w-0 flex-1">
                    <p className="font-semibold">{hit.title}</p>
                    <p className="text-xs text-muted">
                      {hit.section} · {formatWhen(hit.publishedAt, timeZone)}
                    </p>
                  </div>
                  <div className="flex flex-wrap gap-1.5">
                    {CURATION_SLOTS.map((slot) => (
                      <button
                        key={slot}
                        type="button"
                        onClick={() => add(slot, hit)}
                        aria-label={`${slot === 'lead' ? 'Make lead' : `Add to ${SLOT_LABELS[slot]}`}: ${hit.title}`}
                        className="rounded-md border border-rule px-2 py-1 text-xs font-semibold hover:border-ink"
                      >
                        {slot === 'lead' ? 'Make lead' : `Add to ${SLOT_LABELS[slot]}`}
                      </button>
                    ))}
                  </div>
                </li>
              ))}
            </ul>
          )
        ) : null}
      </section>

      {CURATION_SLOTS.map((slot) => (
        <SlotEditor
          key={slot}
          slot={slot}
          items={slots[slot]}
          setItems={setSlot(slot)}
          dirty={isDirty(slot)}
          onSaved={() => setSaved((current) => ({ ...current, [slot]: slots[slot] }))}
        />
      ))}
    </div>
  );
}
