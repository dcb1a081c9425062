import Image from 'next/image';
import type { ArticleByline } from '@/db/queries/articles';

function joinNames(count: number, index: number): string {
  if (index === 0) return '';
  return index === count - 1 ? ' and ' : ', ';
}

export function Avatar({ byline, size }: { byline: ArticleByline; size: number }) {
  if (byline.avatar) {
    return (
      <Image
        src={byline.avatar.src}
        alt=""
        width={size}
        height={size}
        className="rounded-full bg-panel object-cover ring-2 ring-paper"
        style={{ width: size, height: size }}
      />
    );
  }
  return (
    <span
      aria-hidden="true"
      className="grid place-items-center rounded-full bg-ink font-bold text-paper ring-2 ring-paper"
      style={{ width: size, height: size }}
    >
      {byline.name.charAt(0)}
    </span>
  );
}

// Avatars, then "by" and each byline linking to its author page. A byline can
// be a desk ("The Gazette news desk") as well as a person.
export function Byline({ bylines }: { bylines: ArticleByline[] }) {
  if (bylines.length === 0) return null;
  return (
    <div data-testid="byline" className="flex items-center gap-3">
      <div className="flex -space-x-2">
        {bylines.map((b) => (
          <Avatar key={b.id} byline={b} size={40} />
        ))}
      </div>
      <p className="text-sm">
        <span className="text-muted">by </span>
        {bylines.map((b, i) => (
          <span key={b.id}>
            {joinNames(bylines.length, i)}
            <a href={`/author/${b.slug}`} className="font-semibold hover:text-accent hover:underline">
              {b.name}
            </a>
          </span>
        ))}
      </p>
    </div>
  );
}
