// The search box over a list: a GET form that sends `q` back to the list's own address.
// Other parameters are dropped on purpose: a new search starts again at page one.
export function ListSearch({
  action,
  label,
  placeholder = label,
  query,
  wide = false,
}: {
  action: string;
  label: string;
  placeholder?: string;
  query: string;
  // Full width on phones and 16rem from `sm` up, for a placeholder longer than a word or two.
  wide?: boolean;
}) {
  return (
    <form role="search" method="get" action={action} className={wide ? 'flex w-full gap-2 sm:w-auto' : 'flex gap-2'}>
      <label htmlFor="q" className="sr-only">
        {label}
      </label>
      <input
        id="q"
        name="q"
        type="search"
        defaultValue={query}
        placeholder={placeholder}
        className={
          wide
            ? 'min-w-0 flex-1 rounded-md border border-rule bg-paper px-3 py-1.5 text-sm sm:w-64 sm:flex-none'
            : 'rounded-md border border-rule bg-paper px-3 py-1.5 text-sm'
        }
      />
      <button type="submit" className="rounded-md border border-rule px-3 py-1.5 text-sm font-semibold hover:border-ink">
        Search
      </button>
    </form>
  );
}
