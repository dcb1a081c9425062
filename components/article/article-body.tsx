import { Fragment, type ReactNode } from 'react';
import Image from 'next/image';
import { safeHref, sanitizeBody, videoWatchUrl } from '@/lib/body/sanitize';
import { absoluteUrl } from '@/lib/site/url';
import type {
  BlockNode,
  BodyDoc,
  BodyMedia,
  BulletListNode,
  ImageNode,
  InlineNode,
  OrderedListNode,
  TextNode,
  VideoNode,
} from '@/lib/body/types';
import { AudioPlayer, BodyTable, DocumentCard, Gallery, SocialPost } from './body-embeds';
import { LightboxLink } from './lightbox-link';
import { VideoFacade } from './video-facade';

type Variant = 'web' | 'feed';

const PROVIDER_NAMES: Record<VideoNode['attrs']['provider'], string> = { youtube: 'YouTube', vimeo: 'Vimeo' };

// The article body as semantic HTML, built element by element from the allowlisted document:
// no stored markup ever reaches the page. 'feed' is for RSS readers, which run no scripts, so
// a video becomes a plain link there. Body typography lives in global CSS under .article-body.
export function ArticleBody({
  doc,
  media,
  variant = 'web',
}: {
  doc: BodyDoc;
  media: Record<number, BodyMedia>;
  variant?: Variant;
}) {
  // Callers pass sanitized documents; sanitizing again is cheap and keeps this the boundary.
  const safe = sanitizeBody(doc);
  return (
    <div className="article-body">{safe.content.map((block, index) => renderBlock(block, index, media, variant))}</div>
  );
}

function renderBlock(block: BlockNode, key: number, media: Record<number, BodyMedia>, variant: Variant): ReactNode {
  switch (block.type) {
    case 'paragraph':
      return <p key={key}>{renderInline(block.content)}</p>;
    case 'heading':
      return block.attrs.level === 3 ? (
        <h3 key={key}>{renderInline(block.content)}</h3>
      ) : (
        <h2 key={key}>{renderInline(block.content)}</h2>
      );
    case 'blockquote':
      return (
        <blockquote key={key}>
          {block.content.map((paragraph, index) => (
            <p key={index}>{renderInline(paragraph.content)}</p>
          ))}
        </blockquote>
      );
    case 'pullQuote':
      return (
        <figure key={key} className="pull-quote">
          <blockquote>
            <p>{renderInline(block.content)}</p>
          </blockquote>
          {block.attrs.attribution ? (
            <figcaption>
              — <cite>{block.attrs.attribution}</cite>
            </figcaption>
          ) : null}
        </figure>
      );
    case 'bulletList':
    case 'orderedList':
      return renderList(block, key);
    case 'horizontalRule':
      return <hr key={key} />;
    case 'image':
      return renderImage(block, key, media, variant);
    case 'video':
      return renderVideo(block, key, variant);
    case 'socialPost':
      return <SocialPost key={key} node={block} variant={variant} />;
    case 'gallery':
      return <Gallery key={key} node={block} media={media} variant={variant} />;
    case 'table':
      return <BodyTable key={key} node={block} variant={variant} />;
    case 'document':
      return <DocumentCard key={key} node={block} media={media} variant={variant} />;
    case 'audio':
      return <AudioPlayer key={key} node={block} media={media} variant={variant} />;
    default:
      return null;
  }
}

function renderList(list: BulletListNode | OrderedListNode, key: number): ReactNode {
  const items = list.content.map((item, index) => (
    <li key={index}>
      {item.content.map((child, childIndex) =>
        child.type === 'paragraph' ? (
          <p key={childIndex}>{renderInline(child.content)}</p>
        ) : (
          renderList(child, childIndex)
        ),
      )}
    </li>
  ));
  if (list.type === 'bulletList') return <ul key={key}>{items}</ul>;
  return (
    <ol key={key} start={list.attrs?.start}>
      {items}
    </ol>
  );
}

function renderImage(
  node: ImageNode,
  key: number,
  media: Record<number, BodyMedia>,
  variant: Variant,
): ReactNode {
  const item = Object.hasOwn(media, node.attrs.mediaId) ? media[node.attrs.mediaId] : undefined;
  const src = item ? safeHref(item.src) : null;
  if (!item || !src) return null;
  const alt = node.attrs.alt ?? text(item.alt) ?? '';
  const caption = node.attrs.caption ?? text(item.caption);
  const credit = stripParentheses(node.attrs.credit ?? text(item.credit));
  return (
    <figure key={key}>
      {variant === 'web' && positive(item.width) && positive(item.height) && src.startsWith('/') ? (
        // Responsive AVIF/WebP variants through Next's image optimizer; the link opens the original.
        <LightboxLink href={src} alt={alt} caption={[caption, credit && `(${credit})`].filter(Boolean).join(' ')}>
          <Image
            src={src}
            alt={alt}
            width={item.width}
            height={item.height}
            sizes="(min-width: 768px) 640px, 100vw"
          />
        </LightboxLink>
      ) : (
        // Feeds get the plain original; feed readers do not speak srcset well.
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={src}
          alt={alt}
          width={positive(item.width)}
          height={positive(item.height)}
          loading="lazy"
          decoding="async"
        />
      )}
      {caption || credit ? (
        <figcaption>
          {caption}
          {caption && credit ? ' ' : null}
          {credit ? <span className="credit">({credit})</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}

function renderVideo(node: VideoNode, key: number, variant: Variant): ReactNode {
  const { provider, videoId, title } = node.attrs;
  if (variant === 'web') return <VideoFacade key={key} provider={provider} videoId={videoId} title={title} />;
  return (
    <p key={key}>
      <a href={videoWatchUrl(provider, videoId)} rel="noopener noreferrer">
        {title ? `Watch on ${PROVIDER_NAMES[provider]}: ${title}` : `Watch the video on ${PROVIDER_NAMES[provider]}`}
      </a>
    </p>
  );
}

// Consecutive text nodes under the same link become one <a>, so "see **the report** here"
// is one link, not three.
function renderInline(content: InlineNode[] | undefined): ReactNode[] {
  const nodes = content ?? [];
  const rendered: ReactNode[] = [];
  let index = 0;
  while (index < nodes.length) {
    const node = nodes[index]!;
    if (node.type === 'hardBreak') {
      rendered.push(<br key={index} />);
      index += 1;
      continue;
    }
    const href = linkOf(node);
    if (href === null) {
      rendered.push(renderText(node, index));
      index += 1;
      continue;
    }
    const start = index;
    const run: ReactNode[] = [];
    for (let next = nodes[index]; next?.type === 'text' && linkOf(next) === href; next = nodes[index]) {
      run.push(renderText(next, index));
      index += 1;
    }
    rendered.push(
      <a
        key={start}
        href={href}
        rel={isExternal(href) ? 'noopener noreferrer' : undefined}
        // Print shows each link's address after it (app/styles.css); on paper a site-relative
        // "/city/…" leads nowhere, so the absolute one is printed.
        data-print-href={href.startsWith('/') && !href.startsWith('//') ? absoluteUrl(href) : undefined}
      >
        {run}
      </a>,
    );
  }
  return rendered;
}

function renderText(node: TextNode, key: number): ReactNode {
  let content: ReactNode = node.text;
  if (node.marks?.some((mark) => mark.type === 'italic')) content = <em>{content}</em>;
  if (node.marks?.some((mark) => mark.type === 'bold')) content = <strong>{content}</strong>;
  return <Fragment key={key}>{content}</Fragment>;
}

function linkOf(node: TextNode): string | null {
  const link = node.marks?.find((mark) => mark.type === 'link');
  return link?.type === 'link' ? link.attrs.href : null;
}

function isExternal(href: string): boolean {
  return /^(?:https?:)?\/\//i.test(href);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function positive(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.round(value) : undefined;
}

// Credits are shown as "(Photographer/Agency)"; one already typed in parentheses keeps one pair.
function stripParentheses(credit: string | undefined): string | undefined {
  const stripped = credit?.replace(/^\((.*)\)$/s, '$1').trim();
  return stripped ? stripped : undefined;
}
