import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { BodyDoc, BodyMedia } from '@/lib/body/types';
import { absoluteUrl } from '@/lib/site/url';
import { ArticleBody } from './article-body';

const media: Record<number, BodyMedia> = {
  7: {
    id: 7,
    src: '/media/7/bridge.jpg',
    width: 1600,
    height: 900,
    alt: 'The old bridge at dawn',
    caption: 'The bridge reopened on Monday.',
    credit: 'Olena Photographer/Gazette',
  },
  8: { id: 8, src: 'javascript:alert(1)', width: 10, height: 10, alt: 'x', caption: '', credit: '' },
  9: { id: 9, src: '/media/9/map.png', width: 800, height: 600, alt: 'Map', caption: '', credit: '(Agency)' },
};

// Typed as a BodyDoc by a careless caller; the renderer must not trust it.
const hostile = {
  type: 'doc',
  content: [
    { type: 'script', content: [{ type: 'text', text: 'alert(1)' }] },
    { type: 'html', attrs: { html: '<script>alert(1)</script>' } },
    { type: 'iframe', attrs: { src: 'https://evil.example' } },
    {
      type: 'paragraph',
      attrs: { onclick: 'alert(1)' },
      content: [
        { type: 'text', text: '<script>alert("x")</script>' },
        { type: 'text', text: 'bad link', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)', onclick: 'alert(1)' } }] },
        { type: 'text', text: 'tabbed', marks: [{ type: 'link', attrs: { href: 'java\tscript:alert(1)' } }] },
        { type: 'text', text: 'data', marks: [{ type: 'link', attrs: { href: 'data:text/html,<script>alert(1)</script>' } }] },
        { type: 'text', text: '" onmouseover="alert(1)' },
      ],
    },
    { type: 'heading', attrs: { level: 1, onclick: 'alert(1)' }, content: [{ type: 'text', text: 'Heading' }] },
    { type: 'image', attrs: { mediaId: 8 } },
    { type: 'image', attrs: { mediaId: 404, alt: 'missing' } },
    { type: 'video', attrs: { provider: 'youtube', videoId: '"><script>alert(1)</script>' } },
  ],
} as unknown as BodyDoc;

const story: BodyDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Reopening' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Read ' },
        { type: 'text', text: 'the ', marks: [{ type: 'link', attrs: { href: 'https://example.com/report' } }] },
        {
          type: 'text',
          text: 'full report',
          marks: [{ type: 'bold' }, { type: 'link', attrs: { href: 'https://example.com/report' } }],
        },
        { type: 'text', text: ' or ' },
        { type: 'text', text: 'our story', marks: [{ type: 'link', attrs: { href: '/news/bridge' } }] },
        { type: 'hardBreak' },
        { type: 'text', text: 'quietly', marks: [{ type: 'italic' }] },
      ],
    },
    { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Details' }] },
    { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'It is safe.' }] }] },
    { type: 'pullQuote', attrs: { attribution: 'The mayor' }, content: [{ type: 'text', text: 'A new start.' }] },
    {
      type: 'orderedList',
      attrs: { start: 3 },
      content: [
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Third' }] }] },
        {
          type: 'listItem',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'Fourth' }] },
            {
              type: 'bulletList',
              content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Sub' }] }] }],
            },
          ],
        },
      ],
    },
    { type: 'horizontalRule' },
    { type: 'image', attrs: { mediaId: 7 } },
    { type: 'image', attrs: { mediaId: 9, alt: 'Route map', caption: 'The new route' } },
    { type: 'video', attrs: { provider: 'youtube', videoId: 'dQw4w9WgXcQ', title: 'The bridge from above' } },
    { type: 'video', attrs: { provider: 'vimeo', videoId: '76979871' } },
  ],
};

// React hoists the islands' module scripts (<IslandScript>) ahead of the markup when rendering a
// fragment; the body itself starts after them.
const render = (doc: BodyDoc, variant?: 'web' | 'feed') =>
  renderToStaticMarkup(<ArticleBody doc={doc} media={media} variant={variant} />).replace(/^(<script [^>]*><\/script>)+/, '');

describe('ArticleBody with a hostile document', () => {
  const html = render(hostile);

  it('renders nothing executable', () => {
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/<script/i);
    // No event handler attribute inside any tag (the escaped text may mention one).
    expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
    expect(html).not.toContain('onclick');
    expect(html).not.toMatch(/<iframe/i);
    expect(html).not.toMatch(/data:/i);
    expect(html).not.toContain('evil.example');
  });

  it('keeps the text, escaped, and drops the unsafe links', () => {
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('bad linktabbeddata');
    expect(html).not.toContain('<a');
    expect(html).toContain('<h2>Heading</h2>');
  });

  it('drops images with an unsafe source or missing from the media map', () => {
    expect(html).not.toContain('<img');
    expect(html).not.toContain('missing');
  });
});

describe('ArticleBody on the web', () => {
  const html = render(story);

  it('wraps the body and renders semantic elements', () => {
    expect(html.startsWith('<div class="article-body">')).toBe(true);
    expect(html).toContain('<h2>Reopening</h2>');
    expect(html).toContain('<h3>Details</h3>');
    expect(html).toContain('<blockquote><p>It is safe.</p></blockquote>');
    expect(html).toContain(
      '<figure class="pull-quote"><blockquote><p>A new start.</p></blockquote><figcaption>— <cite>The mayor</cite></figcaption></figure>',
    );
    expect(html).toContain('<ol start="3"><li><p>Third</p></li><li><p>Fourth</p><ul><li><p>Sub</p></li></ul></li></ol>');
    expect(html).toContain('<hr/>');
    expect(html).toContain('<br/><em>quietly</em>');
  });

  it('renders one link per run, with rel only on external links and no target', () => {
    expect(html).toContain(
      `Read <a href="https://example.com/report" rel="noopener noreferrer">the <strong>full report</strong></a> or <a href="/news/bridge" data-print-href="${absoluteUrl('/news/bridge')}">our story</a>`,
    );
    expect(html).not.toContain('target=');
  });

  it('gives links within the site their absolute address for print, and external ones none', () => {
    expect(html).toMatch(/<a href="\/news\/bridge" data-print-href="https?:\/\/[^"]+\/news\/bridge">/);
    expect(html).not.toMatch(/href="https:\/\/example\.com\/report"[^>]*data-print-href/);
  });

  it('renders images as figures with size, lazy loading, caption and credit', () => {
    // On the web, body images go through Next's optimizer: sized, lazy, responsive.
    // Each links to the full-size image (the lightbox island opens it in place).
    const figure = html.match(/<figure><a href="\/media\/7\/bridge\.jpg" data-island="lightbox"[^>]*><img [^>]*alt="The old bridge at dawn"[^>]*\/>[^]*?<\/figure>/)?.[0];
    expect(figure).toBeDefined();
    expect(figure).toContain('width="1600" height="900"');
    expect(figure).toContain('loading="lazy"');
    expect(figure).toMatch(/srcSet="\/_next\/image\?url=%2Fmedia%2F7%2Fbridge\.jpg&amp;w=\d+/);
    expect(figure).toContain(
      '<figcaption>The bridge reopened on Monday. <span class="credit">(Olena Photographer/Gazette)</span></figcaption>',
    );
    // The node's own alt and caption win; a credit typed in parentheses is not doubled.
    expect(html).toContain('alt="Route map"');
    expect(html).toContain('<figcaption>The new route <span class="credit">(Agency)</span></figcaption>');
  });

  it('renders videos as facades that load nothing from the provider', () => {
    expect(html).not.toContain('<iframe');
    // The player's address waits in data-player for the click; nothing loads it.
    expect(html).not.toMatch(/(src|srcSet|href)="[^"]*(ytimg|youtube-nocookie|player\.vimeo)/);
    expect(html).toContain('href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"');
    expect(html).toContain('aria-label="Play video: The bridge from above"');
    expect(html).toContain('Watch on YouTube');
    expect(html).toContain('href="https://vimeo.com/76979871"');
    // Untitled: the name says what the link does, without "Video" twice.
    expect(html).toContain('aria-label="Play video"');
    expect(html).toContain('Watch on Vimeo');
    expect(html).toMatch(/<svg[^>]*aria-hidden="true"/);
  });

  it('never injects raw HTML', () => {
    expect(html).not.toContain('dangerouslySetInnerHTML');
  });
});

describe('ArticleBody in a feed', () => {
  const html = render(story, 'feed');

  it('turns videos into plain links to the video page', () => {
    expect(html).toContain(
      '<p><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" rel="noopener noreferrer">Watch on YouTube: The bridge from above</a></p>',
    );
    expect(html).toContain(
      '<p><a href="https://vimeo.com/76979871" rel="noopener noreferrer">Watch the video on Vimeo</a></p>',
    );
    expect(html).not.toContain('aria-label="Play video');
    expect(html).not.toContain('<iframe');
    expect(html).not.toContain('<svg');
  });
});
