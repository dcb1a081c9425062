import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { BodyDoc, BodyMedia } from '@/lib/body/types';
import { ArticleBody } from './article-body';

const media: Record<number, BodyMedia> = {
  1: { id: 1, src: '/media/1/a.jpg', width: 1200, height: 800, alt: 'Crowd at the square', caption: 'Library caption', credit: 'Lib' },
  2: { id: 2, src: '/media/2/b.jpg', width: 1200, height: 800, alt: 'Lanterns', caption: '', credit: '' },
  3: { id: 3, src: '/media/3/c.jpg', width: 1200, height: 800, alt: 'Stage', caption: '', credit: '' },
  5: { id: 5, src: '/media/5/report.pdf', width: 0, height: 0, alt: '', caption: '', credit: '', mimeType: 'application/pdf', size: 1258291 },
};

const doc: BodyDoc = {
  type: 'doc',
  content: [
    {
      type: 'socialPost',
      attrs: {
        provider: 'x',
        url: 'https://x.com/citydesk/status/123',
        authorName: 'City Desk',
        handle: '@citydesk',
        text: 'Bridge open.\n\n<b>Not bold</b>',
        postedAt: '2026-11-30',
      },
    },
    {
      type: 'socialPost',
      attrs: { provider: 'mastodon', url: 'https://mastodon.social/@desk/42', authorName: 'Desk', text: 'Hello fediverse' },
    },
    {
      type: 'gallery',
      attrs: { items: [{ mediaId: 1, caption: 'The square at noon', credit: 'Ana Ruiz' }, { mediaId: 2 }, { mediaId: 3, caption: 'Stage' }] },
    },
    { type: 'table', attrs: { headerRow: true, caption: 'Turnout', rows: [['Ward', 'Votes'], ['North', '1,200']] } },
    { type: 'pullQuote', attrs: { attribution: 'The mayor' }, content: [{ type: 'text', text: 'We open today.' }] },
    { type: 'document', attrs: { mediaId: 5, title: 'The budget', description: 'All 48 pages', pages: 48 } },
    { type: 'audio', attrs: { src: 'https://cdn.example.com/ep1.mp3', title: 'The Gazette podcast, episode 1', duration: 1805 } },
  ],
};

const web = renderToStaticMarkup(<ArticleBody doc={doc} media={media} />);
const feed = renderToStaticMarkup(<ArticleBody doc={doc} media={media} variant="feed" />);

describe('embeds on the web', () => {
  it('shows a social post as the captured text with a link, loading nothing from the provider', () => {
    expect(web).toContain('<blockquote cite="https://x.com/citydesk/status/123" class="social-post-text"><p>Bridge open.</p><p>&lt;b&gt;Not bold&lt;/b&gt;</p></blockquote>');
    expect(web).toContain('<span class="social-post-author">City Desk</span>');
    expect(web).toContain('<time dateTime="2026-11-30">November 30, 2026</time>');
    expect(web).toContain('>View on X</a>');
    expect(web).toContain('data-embed="https://platform.twitter.com/embed/Tweet.html?id=123&amp;dnt=true"');
    expect(web).toMatch(/<button type="button" class="social-post-load" data-load="" hidden="">Load post/);
    expect(web).not.toMatch(/<iframe|<img[^>]+(twitter|x\.com|mastodon)/);
    expect(web).toContain('/islands/social-embed.js');
  });

  it('gives a Mastodon post only its link: there is no one player origin to allow', () => {
    const mastodon = web.slice(web.indexOf('data-provider="mastodon"'), web.indexOf('class="gallery"'));
    expect(mastodon).toContain('View on Mastodon');
    expect(mastodon).not.toContain('data-embed');
    expect(mastodon).not.toContain('Load post');
  });

  it('shows a gallery as a list of figures with captions and credits', () => {
    expect(web).toContain('<section class="gallery" aria-label="Photo gallery, 3 photos" data-island="gallery">');
    expect(web.match(/<li class="gallery-slide">/g)).toHaveLength(3);
    expect(web).toContain('The square at noon <span class="credit">(Ana Ruiz)</span>');
    expect(web).toContain('alt="Lanterns"');
    // Each photo opens full size (the lightbox), like the body's images.
    expect(web).toContain('<a href="/media/1/a.jpg" data-island="lightbox" data-alt="Crowd at the square" data-caption="The square at noon (Ana Ruiz)"');
    expect(web).toContain('/islands/gallery.js');
  });

  it('shows a table with its caption and column headers, in a scrolling region', () => {
    expect(web).toContain(
      '<div class="table-scroll" role="region" aria-label="Table: Turnout" tabindex="0"><table><caption>Turnout</caption><thead><tr><th scope="col">Ward</th><th scope="col">Votes</th></tr></thead><tbody><tr><td>North</td><td>1,200</td></tr></tbody></table></div>',
    );
  });

  it('shows a document card and an audio player that fetches nothing before play', () => {
    expect(web).toContain('href="/media/5/report.pdf"');
    expect(web).toContain('<span class="document-card-details">PDF, 1.2 MB, 48 pages</span>');
    expect(web).toContain('<audio controls="" preload="none" src="https://cdn.example.com/ep1.mp3"');
    expect(web).toContain('The Gazette podcast, episode 1<span class="audio-player-length"> · 30:05</span>');
  });

  it('links images to their full size for the lightbox', () => {
    const html = renderToStaticMarkup(
      <ArticleBody doc={{ type: 'doc', content: [{ type: 'image', attrs: { mediaId: 1 } }] }} media={media} />,
    );
    expect(html).toMatch(/<a href="\/media\/1\/a.jpg" data-island="lightbox" data-alt="Crowd at the square" data-caption="Library caption \(Lib\)"/);
    expect(html).toContain('/islands/lightbox.js');
  });
});

describe('embeds in a feed', () => {
  it('are plain, script-free equivalents', () => {
    expect(feed).not.toMatch(/<script|<button|<iframe|data-island|<audio/);
    expect(feed).toContain('— City Desk (@citydesk) on X, November 30, 2026: <a href="https://x.com/citydesk/status/123">View on X</a>');
    expect(feed).toContain('<img src="/media/1/a.jpg" alt="Crowd at the square"');
    expect(feed).toContain('<figcaption>The square at noon <span class="credit">(Ana Ruiz)</span></figcaption>');
    expect(feed).toContain('<table><caption>Turnout</caption>');
    expect(feed).toContain('<blockquote><p>We open today.</p></blockquote>');
    expect(feed).toContain('<a href="/media/5/report.pdf">The budget</a> (PDF, 1.2 MB, 48 pages) — All 48 pages');
    expect(feed).toContain('<a href="https://cdn.example.com/ep1.mp3">Listen: The Gazette podcast, episode 1 (30:05)</a>');
  });
});
