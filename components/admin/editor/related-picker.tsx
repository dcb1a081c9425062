'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { newsroom } from '@/components/admin/newsroom-client';
import { SortableList } from '@/components/admin/sortable-list';
import type { ArticleSearchHit } from '@/db/queries/admin-taxonomy';
import type { RelatedRef } from '@/lib/articles/draft';
import { RELATED_STORY_COUNT } from '@/lib/articles/related';

// The stories an editor puts first under the article (GET /api/admin/articles/search?q= finds
// published ones by headline). The order here is the order readers see; the save checks them
// again (db/mutations/articles.ts).
export function RelatedPicker({
  value,
  onChange,
  articleId,
  error,
}: {
  value: RelatedRef[];
  onChange: (related: RelatedRef[]) => void;
  // The article being edited, never offered as related to itself (null before its first save).
  articleId: number | null;
  error?: string;
}) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<ArticleSearchHit[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const seq = useRef(0);
  const full = value.length >= RELATED_STORY_COUNT;

  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    const mine = ++seq.current;
    const timer = setTimeout(async () => {
      const answer = await newsroom.searchArticles(q);
      if (mine !== seq.current) return;
      setHits(answer.ok ? answer.articles : []);
      setMessage(answer.ok ? null : `The search failed: ${answer.error}`);
    }, 150);
    return () => clearTimeout(timer);
  }, [query]);

  const shown = query.trim() ? hits.filter((h) => h.id !== articleId && !value.some((v) => v.id === h.id)).slice(0, 6) : [];

  function add(hit: ArticleSearchHit) {
    if (full) return;
    onChange([...value, { id: hit.id, title: hit.title, live: true }]);
    setQuery('');
    setHits([]);
  }

  return (
    <div className="space-y-2">
      <SortableList
        label="Chosen related stories"
        testId="related-picked"
        emptyText="None chosen: the block is filled automatically."
        items={value.map((r) => ({ id: r.id, title: r.title, warning: r.live ? undefined : 'Not published: remove it' }))}
        onReorder={(next) => onChange(next.map((item) => value.find((r) => r.id === item.id)!))}
        renderActions={(item) => (
          <button
            type="button"
            onClick={() => onChange(value.filter((r) => r.id !== item.id))}
            className="rounded-md border border-accent px-2 py-1 text-xs font-semibold text-accent hover:bg-accent hover:text-accent-ink"
          >
            Remove<span className="sr-only"> {item.title} from related stories</span>
          </button>
        )}
      />
      <label htmlFor={id} className="block text-sm font-semibold">
        Find a published story
      </label>
      <input
        id={id}
        type="search"
        value={query}
        autoComplete="off"
        disabled={full}
        aria-describedby={`${id}-hint`}
        placeholder={full ? `${RELATED_STORY_COUNT} chosen: remove one to add another` : 'Type words from its headline'}
        onChange={(e) => setQuery(e.target.value)}
        className="block w-full rounded-md border border-rule bg-paper px-3 py-2 text-sm disabled:opacity-60"
      />
      {shown.length > 0 ? (
        <ul aria-label="Matching stories" className="divide-y divide-rule rounded-md border border-rule">
          {shown.map((hit) => (
            <li key={hit.id} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
              <span className="min-w-0">
                <span className="block font-semibold">{hit.title}</span>
                <span className="block text-xs text-muted">{hit.section}</span>
              </span>
              <button type="button" onClick={() => add(hit)} className="shrink-0 rounded-md border border-rule px-2 py-1 text-xs font-semibold hover:border-ink">
                Add<span className="sr-only"> “{hit.title}”</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <p id={`${id}-hint`} className="text-xs text-muted">
        Up to {RELATED_STORY_COUNT} published stories, shown first under the story in this order. Places left over fill
        automatically: stories sharing the most tags, then the newest in the same section, then stories with similar headlines
        (News Feed items only when nothing else is left).
      </p>
      {message || error ? <p className="text-sm font-medium text-accent">{message ?? error}</p> : null}
    </div>
  );
}
