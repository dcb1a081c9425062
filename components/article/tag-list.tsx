export function TagList({ tags }: { tags: { id: number; name: string; slug: string }[] }) {
  if (tags.length === 0) return null;
  return (
    <nav aria-label="Tags" className="mt-10">
      <ul className="flex flex-wrap gap-2">
        {tags.map((t) => (
          <li key={t.id}>
            <a
              href={`/tag/${t.slug}`}
              className="inline-block rounded-full border border-rule px-3 py-1 text-sm font-medium hover:border-accent hover:text-accent"
            >
              {t.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
