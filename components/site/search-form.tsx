// A plain GET form: works without JavaScript and gives every search an address.
export function SearchForm({
  defaultValue = '',
  id = 'site-search',
  autoFocus = false,
  compact = false,
  children,
}: {
  defaultValue?: string;
  id?: string;
  autoFocus?: boolean;
  compact?: boolean;
  children?: React.ReactNode;
}) {
  return (
    <form role="search" action="/search" method="get" className={compact ? 'flex gap-2' : 'space-y-3'}>
      <div className="flex gap-2">
        <label htmlFor={id} className="sr-only">
          Search the Gazette
        </label>
        <input
          id={id}
          name="q"
          type="search"
          defaultValue={defaultValue}
          maxLength={200}
          autoFocus={autoFocus}
          placeholder="Search news, people, places"
          className="min-w-0 flex-1 border border-ink bg-paper px-3 py-2 text-base text-ink placeholder:text-muted"
        />
        <button type="submit" className="bg-ink px-4 py-2 font-bold text-paper hover:bg-accent hover:text-accent-ink">
          Search
        </button>
      </div>
      {children}
    </form>
  );
}
