import type { ReactNode } from 'react';
import Image from 'next/image';
import { IslandScript } from '@/components/site/island-script';
import { LightboxLink } from './lightbox-link';
import { formatBytes, formatDuration, SOCIAL_PROVIDER_NAMES, socialEmbedUrl } from '@/lib/body/embeds';
import { safeHref } from '@/lib/body/sanitize';
import type { AudioNode, BodyMedia, DocumentNode, GalleryNode, SocialPostNode, TableNode } from '@/lib/body/types';

// The embed nodes of the body (lib/body/embeds.ts) as readers get them. 'web' is the article page
// and the preview; 'feed' is RSS, where nothing runs, so every node is a plain equivalent there.
// Nothing here loads a byte from a third party: a social post is the text the editor captured,
// and the provider's player arrives only when the reader asks (islands/social-embed.ts).

type Variant = 'web' | 'feed';

// Players' usual heights; the frame cannot tell us its own without the provider's script.
const EMBED_HEIGHTS: Record<SocialPostNode['attrs']['provider'], number> = {
  x: 560,
  telegram: 480,
  instagram: 640,
  facebook: 560,
  tiktok: 740,
  bluesky: 520,
  mastodon: 480,
};

// A post's day (YYYY-MM-DD, lib/body/embeds.ts) as written: no zone can move a calendar date.
function postDate(postedAt: string): string {
  const date = new Date(`${postedAt}T12:00:00Z`);
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

function withBreaks(text: string): ReactNode[] {
  return text.split('\n').flatMap((line, index) => (index === 0 ? [line] : [<br key={index} />, line]));
}

export function SocialPost({ node, variant }: { node: SocialPostNode; variant: Variant }) {
  const { provider, url, authorName, handle, text, postedAt } = node.attrs;
  const name = SOCIAL_PROVIDER_NAMES[provider];
  const paragraphs = text.split(/\n{2,}/).map((paragraph, index) => <p key={index}>{withBreaks(paragraph)}</p>);
  if (variant === 'feed') {
    return (
      <blockquote cite={url}>
        {paragraphs}
        <p>
          — {authorName}
          {handle ? ` (${handle})` : ''} on {name}
          {postedAt ? `, ${postDate(postedAt)}` : ''}: <a href={url}>View on {name}</a>
        </p>
      </blockquote>
    );
  }
  const embed = socialEmbedUrl(provider, url);
  return (
    <figure
      className="social-post"
      data-island="social-embed"
      data-provider={provider}
      data-embed={embed ?? undefined}
      data-height={EMBED_HEIGHTS[provider]}
      data-title={`Post by ${authorName} on ${name}`}
    >
      <blockquote cite={url} className="social-post-text">
        {paragraphs}
      </blockquote>
      <figcaption className="social-post-meta">
        <span className="social-post-author">{authorName}</span>
        {handle ? <span className="social-post-handle"> {handle}</span> : null}
        <span className="social-post-where">
          {' '}
          on {name}
          {postedAt ? (
            <>
              {', '}
              <time dateTime={postedAt}>{postDate(postedAt)}</time>
            </>
          ) : null}
        </span>
      </figcaption>
      <p className="social-post-actions">
        <a href={url} rel="noopener noreferrer" className="social-post-link">
          View on {name}
        </a>
        {embed ? (
          // Shown by the island: without JavaScript there is nothing to load, only the link.
          <button type="button" className="social-post-load" data-load="" hidden>
            Load post<span className="sr-only"> from {name} by {authorName}</span>
          </button>
        ) : null}
      </p>
      {embed ? (
        <p className="social-post-note" data-load-note="" hidden>
          Loading the post lets {name} see your visit.
        </p>
      ) : null}
      {embed ? <IslandScript name="social-embed" /> : null}
    </figure>
  );
}

function mediaOf(media: Record<number, BodyMedia>, id: number | undefined): (BodyMedia & { href: string }) | null {
  if (id === undefined || !Object.hasOwn(media, id)) return null;
  const item = media[id]!;
  const href = safeHref(item.src);
  return href ? { ...item, href } : null;
}

function stripParentheses(credit: string | undefined): string | undefined {
  const stripped = credit?.replace(/^\((.*)\)$/s, '$1').trim();
  return stripped ? stripped : undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim() !== '' ? value.trim() : undefined;
}

function positive(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.round(value) : undefined;
}

export function Gallery({ node, media, variant }: { node: GalleryNode; media: Record<number, BodyMedia>; variant: Variant }) {
  const items = node.attrs.items.flatMap((item) => {
    const found = mediaOf(media, item.mediaId);
    if (!found) return [];
    return [
      {
        ...found,
        caption: nonEmpty(item.caption) ?? nonEmpty(found.caption),
        credit: stripParentheses(nonEmpty(item.credit) ?? nonEmpty(found.credit)),
      },
    ];
  });
  if (items.length === 0) return null;
  const figures = items.map((item, index) => (
    <figure key={index} className="gallery-item">
      {variant === 'web' && positive(item.width) && positive(item.height) && item.href.startsWith('/') ? (
        <LightboxLink href={item.href} alt={item.alt} caption={[item.caption, item.credit && `(${item.credit})`].filter(Boolean).join(' ')}>
          <Image src={item.href} alt={item.alt} width={item.width} height={item.height} sizes="(min-width: 768px) 640px, 100vw" />
        </LightboxLink>
      ) : (
        // eslint-disable-next-line @next/next/no-img-element -- feeds get the plain original
        <img src={item.href} alt={item.alt} width={positive(item.width)} height={positive(item.height)} loading="lazy" decoding="async" />
      )}
      {item.caption || item.credit ? (
        <figcaption>
          {item.caption}
          {item.caption && item.credit ? ' ' : null}
          {item.credit ? <span className="credit">({item.credit})</span> : null}
        </figcaption>
      ) : null}
    </figure>
  ));
  if (variant === 'feed') return <div>{figures}</div>;
  const label = `Photo gallery, ${items.length} ${items.length === 1 ? 'photo' : 'photos'}`;
  return (
    <section className="gallery" aria-label={label} data-island="gallery">
      <ul className="gallery-list">
        {figures.map((figure, index) => (
          <li key={index} className="gallery-slide">
            {figure}
          </li>
        ))}
      </ul>
      <IslandScript name="gallery" />
    </section>
  );
}

export function BodyTable({ node, variant }: { node: TableNode; variant: Variant }) {
  const { headerRow, rows, caption } = node.attrs;
  const [head, ...rest] = rows;
  const body = headerRow ? rest : rows;
  const table = (
    <table>
      {caption ? <caption>{caption}</caption> : null}
      {headerRow && head ? (
        <thead>
          <tr>
            {head.map((cell, index) => (
              <th key={index} scope="col">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
      ) : null}
      <tbody>
        {body.map((row, r) => (
          <tr key={r}>
            {row.map((cell, c) => (
              <td key={c}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (variant === 'feed') return table;
  // A wide table scrolls inside its own box on a phone instead of widening the page; the box
  // takes focus so a keyboard can scroll it too.
  return (
    <div className="table-scroll" role="region" aria-label={caption ? `Table: ${caption}` : 'Table'} tabIndex={0}>
      {table}
    </div>
  );
}

function DocumentIcon() {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" className="document-card-icon">
      <path d="M6 2h8l5 5v15H6z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
      <path d="M14 2v5h5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
      <path d="M9 13h7M9 16h7M9 19h4" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

export function DocumentCard({ node, media, variant }: { node: DocumentNode; media: Record<number, BodyMedia>; variant: Variant }) {
  const { title, description, pages } = node.attrs;
  const file = mediaOf(media, node.attrs.mediaId);
  const href = file?.href ?? (node.attrs.url ? safeHref(node.attrs.url) : null);
  if (!href) return null;
  const size = node.attrs.size ?? positive(file?.size);
  const isPdf = file ? file.mimeType === 'application/pdf' : /\.pdf$/i.test(new URL(href, 'https://gazette.invalid').pathname);
  const details = [isPdf ? 'PDF' : 'Document', size ? formatBytes(size) : null, pages ? `${pages} ${pages === 1 ? 'page' : 'pages'}` : null]
    .filter(Boolean)
    .join(', ');
  const external = !href.startsWith('/');
  if (variant === 'feed') {
    return (
      <p>
        <a href={href}>{title}</a> ({details}){description ? ` — ${description}` : ''}
      </p>
    );
  }
  return (
    <div className="document-card">
      <a href={href} rel={external ? 'noopener noreferrer' : undefined} className="document-card-link">
        <DocumentIcon />
        <span className="document-card-text">
          <span className="document-card-title">{title}</span>
          {description ? <span className="document-card-description">{description}</span> : null}
          <span className="document-card-details">{details}</span>
        </span>
      </a>
    </div>
  );
}

export function AudioPlayer({ node, media, variant }: { node: AudioNode; media: Record<number, BodyMedia>; variant: Variant }) {
  const { title, duration } = node.attrs;
  const file = mediaOf(media, node.attrs.mediaId);
  const src = file?.href ?? (node.attrs.src ? safeHref(node.attrs.src) : null);
  if (!src) return null;
  const length = duration ? formatDuration(duration) : null;
  if (variant === 'feed') {
    return (
      <p>
        <a href={src}>
          Listen: {title}
          {length ? ` (${length})` : ''}
        </a>
      </p>
    );
  }
  return (
    <figure className="audio-player">
      <figcaption className="audio-player-title">
        <span aria-hidden="true">♫ </span>
        {title}
        {length ? <span className="audio-player-length"> · {length}</span> : null}
      </figcaption>
      {/* Nothing is fetched until the reader presses play. */}
      <audio controls preload="none" src={src} aria-label={`Listen: ${title}`}>
        <a href={src}>Download the audio: {title}</a>
      </audio>
    </figure>
  );
}
