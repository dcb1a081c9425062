import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ArticleBody } from '@/components/article/article-body';
import type { BodyDoc, BodyMedia } from '@/lib/body/types';
import { renderStaticHtml } from './static-html';

const media: Record<number, BodyMedia> = {
  7: { id: 7, src: '/media/seed/a.jpg', width: 1600, height: 900, alt: 'A "quoted" <alt>', caption: 'Caption & more', credit: 'Jo/Agency' },
};

const doc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Sub <heading>' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: "It's " },
        { type: 'text', text: 'bold', marks: [{ type: 'bold' }, { type: 'link', attrs: { href: '/news/x?a=1&b=2' } }] },
        { type: 'hardBreak' },
        { type: 'text', text: 'away', marks: [{ type: 'italic' }, { type: 'link', attrs: { href: 'https://example.com/' } }] },
        { type: 'text', text: '</script><script>alert(1)</script>' },
      ],
    },
    { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Quote' }] }] },
    { type: 'pullQuote', attrs: { attribution: 'Someone' }, content: [{ type: 'text', text: 'Pull' }] },
    {
      type: 'orderedList',
      attrs: { start: 3 },
      content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Item' }] }] }],
    },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'B' }] }] }] },
    { type: 'horizontalRule' },
    { type: 'image', attrs: { mediaId: 7 } },
    { type: 'video', attrs: { provider: 'youtube', videoId: 'dQw4w9WgXcQ', title: 'A clip' } },
    {
      type: 'socialPost',
      attrs: { provider: 'bluesky', url: 'https://bsky.app/profile/a.bsky.social/post/3k', authorName: 'A & B', text: 'Line one\nline <two>', postedAt: '2026-01-02' },
    },
    { type: 'gallery', attrs: { items: [{ mediaId: 7, caption: 'One' }, { mediaId: 7, credit: 'Two' }] } },
    { type: 'table', attrs: { headerRow: true, caption: 'T', rows: [['a', 'b'], ['1', '2']] } },
    { type: 'document', attrs: { url: 'https://example.com/a.pdf?x=1&y=2', title: 'Doc', size: 2048 } },
    { type: 'audio', attrs: { src: 'https://example.com/a.mp3', title: 'Pod', duration: 61 } },
  ],
} as BodyDoc;

describe('renderStaticHtml', () => {
  it('renders the feed body exactly as react-dom/server does', () => {
    const element = <ArticleBody doc={doc} media={media} variant="feed" />;
    const ours = renderStaticHtml(element);
    expect(ours).toBe(renderToStaticMarkup(element));
    expect(ours).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(ours).toContain('<img src="/media/seed/a.jpg"');
  });

  it('refuses what it cannot render faithfully', () => {
    expect(() => renderStaticHtml({} as never)).toThrow();
    expect(() => renderStaticHtml(<svg />)).not.toThrow();
  });
});
