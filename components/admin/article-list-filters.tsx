import type { FilterOption } from '@/db/queries/admin-articles';
import { ADMIN_SORTS, SORT_LABELS, type AdminArticleFilters } from '@/lib/articles/list-filters';

const selectClass = 'block w-full rounded-md border border-rule bg-paper px-2 py-1.5 text-sm text-ink';

function Select({ name, label, value, options, anyLabel }: { name: string; label: string; value: number | null; options: FilterOption[]; anyLabel: string }) {
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={`filter-${name}`} className="block text-xs font-semibold text-muted">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value ? String(value) : ''} className={selectClass}>
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

// The list's filters as a plain GET form: they live in the URL and work without JavaScript.
export function ArticleListFilters({
  filters,
  options,
}: {
  filters: AdminArticleFilters;
  options: { sections: FilterOption[]; bylines: FilterOption[]; tags: FilterOption[] };
}) {
  return (
    <form method="get" action="/admin/articles" role="search" aria-label="Filter articles" className="grid gap-3 px-5 py-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_1fr_auto] lg:items-end">
      {filters.status !== 'all' ? <input type="hidden" name="status" value={filters.status} /> : null}
      <div className="min-w-0 space-y-1">
        <label htmlFor="filter-q" className="block text-xs font-semibold text-muted">
          Search headline and text
        </label>
        <input id="filter-q" name="q" type="search" defaultValue={filters.q} placeholder="Words in the headline, dek or body" className={selectClass} />
      </div>
      <Select name="section" label="Section" value={filters.sectionId} options={options.sections} anyLabel="All sections" />
      <Select name="byline" label="Byline" value={filters.bylineId} options={options.bylines} anyLabel="All bylines" />
      <Select name="tag" label="Tag" value={filters.tagId} options={options.tags} anyLabel="All tags" />
      <div className="min-w-0 space-y-1">
        <label htmlFor="filter-sort" className="block text-xs font-semibold text-muted">
          Sort by
        </label>
        <select id="filter-sort" name="sort" defaultValue={filters.sort} className={selectClass}>
          {ADMIN_SORTS.map((s) => (
            <option key={s} value={s}>
              {SORT_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="flex gap-2">
        <button type="submit" className="rounded-md bg-ink px-4 py-1.5 text-sm font-semibold text-paper hover:bg-ink/85">
          Filter
        </button>
        <a href={filters.status !== 'all' ? `/admin/articles?status=${filters.status}` : '/admin/articles'} className="rounded-md border border-rule px-3 py-1.5 text-sm font-semibold no-underline hover:border-ink">
          Clear
        </a>
      </div>
    </form>
  );
}
