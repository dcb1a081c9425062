// A page the newsroom cannot show (403, 404), inside its header: the status, what happened in a
// line or two, and where to go instead.
export function NewsroomNotice({
  status,
  title,
  text,
  links,
}: {
  status: 403 | 404;
  title: string;
  text: string;
  links: { href: string; label: string }[];
}) {
  const titleId = `notice-${status}-title`;
  return (
    <section aria-labelledby={titleId} className="rounded-lg border border-rule bg-paper p-8">
      <p className="text-xs font-bold tracking-widest text-accent uppercase">{status}</p>
      <h1 id={titleId} className="mt-1 font-serif text-2xl font-bold">
        {title}
      </h1>
      <p className="mt-2 text-sm text-muted">{text}</p>
      <p className="mt-6 flex gap-6 text-sm">
        {links.map((link) => (
          <a key={link.href} href={link.href} className="font-semibold underline">
            {link.label}
          </a>
        ))}
      </p>
    </section>
  );
}
