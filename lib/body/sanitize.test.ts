import { describe, expect, it } from 'vitest';
import { parseVideoUrl, safeHref, sanitizeBody, videoEmbedUrl, videoWatchUrl } from './sanitize';
import type { BodyDoc } from './types';

const doc = (...content: unknown[]) => ({ type: 'doc', content });
const p = (...content: unknown[]) => ({ type: 'paragraph', content });
const t = (text: unknown, marks?: unknown) => (marks === undefined ? { type: 'text', text } : { type: 'text', text, marks });
const link = (href: unknown) => ({ type: 'link', attrs: { href } });

describe('safeHref', () => {
  it.each([
    ['https://example.com/story?a=1#top', 'https://example.com/story?a=1#top'],
    ['http://example.com', 'http://example.com'],
    ['HTTPS://Example.com/Path', 'HTTPS://Example.com/Path'],
    ['mailto:desk@gazette.example', 'mailto:desk@gazette.example'],
    ['/news/some-story', '/news/some-story'],
    ['/', '/'],
    ['#section-2', '#section-2'],
    ['//cdn.example.com/a.pdf', '//cdn.example.com/a.pdf'],
    ['https://пример.укр/шлях', 'https://пример.укр/шлях'],
  ])('allows %j', (href, expected) => {
    expect(safeHref(href)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    'java\u0000script:alert(1)',
    ' javascript:alert(1)',
    '\u0001javascript:alert(1)',
    '\u00a0javascript:alert(1)',
    '\ufeffjavascript:alert(1)',
    'javascript\u200b:alert(1)',
    'javascript&colon;alert(1)',
    'javascript:/*https://x.com*/alert(1)',
    '&#106;avascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DATA:image/svg+xml,<svg onload=alert(1)>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com/file',
    'blob:https://example.com/uuid',
    ' https://example.com',
    'https://example.com ',
    'https://exa mple.com',
    'https:\\\\evil.com',
    '/\\evil.com',
    '//',
    '//javascript:alert(1)',
    'http://',
    'https:',
    'example.com/page',
    'page.html',
    '?q=1',
    '',
    'https://example.com/' + 'a'.repeat(3000),
  ])('refuses %j', (href) => {
    expect(safeHref(href)).toBeNull();
  });

  it.each([null, undefined, 42, {}, ['https://example.com'], { toString: () => 'https://x.com' }])(
    'refuses non-strings: %j',
    (href) => {
      expect(safeHref(href)).toBeNull();
    },
  );
});

describe('parseVideoUrl', () => {
  it.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'youtube', 'dQw4w9WgXcQ'],
    ['https://youtube.com/watch?v=dQw4w9WgXcQ&t=42s', 'youtube', 'dQw4w9WgXcQ'],
    ['https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ', 'youtube', 'dQw4w9WgXcQ'],
    ['youtube.com/watch?v=dQw4w9WgXcQ', 'youtube', 'dQw4w9WgXcQ'],
    ['https://youtu.be/dQw4w9WgXcQ', 'youtube', 'dQw4w9WgXcQ'],
    ['https://youtu.be/dQw4w9WgXcQ?si=abc', 'youtube', 'dQw4w9WgXcQ'],
    ['https://www.youtube.com/embed/dQw4w9WgXcQ', 'youtube', 'dQw4w9WgXcQ'],
    ['https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ', 'youtube', 'dQw4w9WgXcQ'],
    ['https://www.youtube.com/shorts/a_b-C1d2E3f', 'youtube', 'a_b-C1d2E3f'],
    ['  https://vimeo.com/76979871  ', 'vimeo', '76979871'],
    ['https://vimeo.com/76979871/abcdef1234', 'vimeo', '76979871'],
    ['https://player.vimeo.com/video/76979871', 'vimeo', '76979871'],
    ['https://player.vimeo.com/video/76979871?h=abc', 'vimeo', '76979871'],
  ])('%s → %s %s', (url, provider, videoId) => {
    expect(parseVideoUrl(url)).toEqual({ provider, videoId });
  });

  it.each([
    '',
    'not a url',
    'https://www.youtube.com/watch?v=short',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ<script>',
    'https://www.youtube.com/watch',
    'https://www.youtube.com/channel/UC1234567890',
    'https://youtube.com.evil.com/watch?v=dQw4w9WgXcQ',
    'https://evil.com/youtu.be/dQw4w9WgXcQ',
    'https://evilyoutube.com/watch?v=dQw4w9WgXcQ',
    'javascript:alert("youtube.com/watch?v=dQw4w9WgXcQ")',
    'ftp://youtu.be/dQw4w9WgXcQ',
    'https://vimeo.com/channels/staffpicks',
    'https://vimeo.com/1234567890123',
    'https://player.vimeo.com/76979871',
    'https://dailymotion.com/video/x7tgad0',
  ])('refuses %j', (url) => {
    expect(parseVideoUrl(url)).toBeNull();
  });

  it('builds watch and embed URLs', () => {
    expect(videoWatchUrl('youtube', 'dQw4w9WgXcQ')).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect(videoWatchUrl('vimeo', '76979871')).toBe('https://vimeo.com/76979871');
    expect(videoEmbedUrl('youtube', 'dQw4w9WgXcQ')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1');
    expect(videoEmbedUrl('vimeo', '76979871')).toBe('https://player.vimeo.com/video/76979871?autoplay=1');
  });
});

describe('sanitizeBody', () => {
  it('keeps a well-formed document as it is', () => {
    const input: BodyDoc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'What happened' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'The council ' },
            { type: 'text', text: 'voted', marks: [{ type: 'bold' }, { type: 'italic' }] },
            { type: 'hardBreak' },
            { type: 'text', text: 'minutes', marks: [{ type: 'link', attrs: { href: 'https://example.com/m' } }] },
          ],
        },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'We will.' }] }] },
        { type: 'pullQuote', attrs: { attribution: 'The mayor' }, content: [{ type: 'text', text: 'Soon.' }] },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [
                { type: 'paragraph', content: [{ type: 'text', text: 'one' }] },
                {
                  type: 'orderedList',
                  attrs: { start: 3 },
                  content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'three' }] }] }],
                },
              ],
            },
          ],
        },
        { type: 'horizontalRule' },
        { type: 'image', attrs: { mediaId: 7, alt: 'A bridge', caption: 'The bridge', credit: 'A. Photographer' } },
        { type: 'video', attrs: { provider: 'youtube', videoId: 'dQw4w9WgXcQ', title: 'Briefing' } },
        { type: 'video', attrs: { provider: 'vimeo', videoId: '76979871' } },
      ],
    };
    expect(sanitizeBody(input)).toEqual(input);
  });

  it('returns an empty document for anything that is not a doc', () => {
    for (const input of [null, undefined, 42, 'hello', [], {}, { type: 'paragraph' }, { type: 'doc', content: 'x' }]) {
      expect(sanitizeBody(input)).toEqual({ type: 'doc', content: [] });
    }
  });

  it('accepts the JSON text of a document', () => {
    expect(sanitizeBody(JSON.stringify(doc(p(t('hi')))))).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'hi' }] }],
    });
    expect(sanitizeBody('{not json')).toEqual({ type: 'doc', content: [] });
  });

  it('drops unknown nodes with everything inside them', () => {
    const result = sanitizeBody(
      doc(
        { type: 'script', content: [t('alert(1)')], text: 'alert(1)' },
        { type: 'iframe', attrs: { src: 'https://evil.com' }, content: [p(t('inside iframe'))] },
        { type: 'html', attrs: { html: '<img src=x onerror=alert(1)>' } },
        { type: 'div', content: [p(t('inside div'))] },
        p(t('kept'), { type: 'mention', attrs: { id: 1 }, content: [t('@someone')] }, { type: 'span', content: [t('wrapped')] }),
      ),
    );
    expect(result).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'kept' }] }] });
    expect(JSON.stringify(result)).not.toMatch(/alert|inside|@someone|wrapped/);
  });

  it('rebuilds attrs from the allowlist, so injected ones vanish', () => {
    const result = sanitizeBody(
      doc(
        { type: 'paragraph', attrs: { onclick: 'alert(1)', style: 'x', class: 'y' }, onclick: 'alert(1)', content: [t('a')] },
        { type: 'heading', attrs: { level: 2, id: 'x', onmouseover: 'alert(1)' }, content: [t('b')] },
        {
          type: 'image',
          attrs: { mediaId: 1, src: 'javascript:alert(1)', onerror: 'alert(1)', width: 9999, alt: 'ok' },
        },
        { type: 'video', attrs: { provider: 'youtube', videoId: 'dQw4w9WgXcQ', src: 'https://evil.com', allow: 'camera' } },
        p(t('c', [{ type: 'link', attrs: { href: 'https://ok.example', target: '_top', onclick: 'alert(1)' } }])),
        p({ type: 'text', text: 'd', onclick: 'alert(1)', marks: [{ type: 'bold', attrs: { style: 'x' } }] }),
      ),
    );
    const json = JSON.stringify(result);
    expect(json).not.toMatch(/onclick|onerror|onmouseover|style|class|javascript|evil|camera|_top|9999|"id"/);
    expect(result.content[2]).toEqual({ type: 'image', attrs: { mediaId: 1, alt: 'ok' } });
    expect(result.content[4]).toEqual({
      type: 'paragraph',
      content: [{ type: 'text', text: 'c', marks: [{ type: 'link', attrs: { href: 'https://ok.example' } }] }],
    });
    expect(result.content[5]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'd', marks: [{ type: 'bold' }] }] });
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    'java\tscript:alert(1)',
    ' javascript:alert(1)',
    'java\u0000script:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    42,
    null,
  ])('removes a link to %j but keeps its text', (href) => {
    const result = sanitizeBody(doc(p(t('click me', [link(href), { type: 'bold' }]))));
    expect(result).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'click me', marks: [{ type: 'bold' }] }] }],
    });
  });

  it('drops unknown marks and duplicate ones', () => {
    const result = sanitizeBody(
      doc(p(t('x', [{ type: 'code' }, { type: 'bold' }, { type: 'bold' }, { type: 'textStyle', attrs: { color: 'red' } }, 'italic']))),
    );
    expect(result.content[0]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'bold' }] }] });
  });

  it('keeps only text that is a string', () => {
    const result = sanitizeBody(
      doc(p(t(42), t({ toString: () => '<script>' }), t(['a']), t(null), t(''), t('ok'), { type: 'text' })),
    );
    expect(result.content).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: 'ok' }] }]);
  });

  it('strips control characters from text and caps absurd lengths', () => {
    const result = sanitizeBody(doc(p(t('a\u0000b\u0007c')), p(t('x'.repeat(1_000_000)))));
    expect(result.content[0]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'abc' }] });
    const long = result.content[1];
    expect(long?.type === 'paragraph' && long.content?.[0]?.type === 'text' && long.content[0].text.length).toBe(20_000);
  });

  it('caps the whole body, not only each text node', () => {
    const paragraphs = Array.from({ length: 100 }, () => p(t('y'.repeat(20_000))));
    const result = sanitizeBody(doc(...paragraphs));
    const total = result.content.reduce(
      (sum, block) => sum + (block.type === 'paragraph' ? (block.content ?? []).reduce((n, node) => n + (node.type === 'text' ? node.text.length : 0), 0) : 0),
      0,
    );
    expect(total).toBe(500_000);
  });

  it('puts nodes only where they belong', () => {
    const result = sanitizeBody(
      doc(
        t('bare text at block level'),
        { type: 'hardBreak' },
        { type: 'listItem', content: [p(t('orphan item'))] },
        p(p(t('nested paragraph')), { type: 'heading', attrs: { level: 2 }, content: [t('heading in paragraph')] }),
        { type: 'bulletList', content: [p(t('paragraph directly in list')), t('text in list'), { type: 'listItem', content: [t('text in item'), p(t('kept item'))] }] },
        { type: 'blockquote', content: [t('bare'), { type: 'image', attrs: { mediaId: 1 } }, p(t('quoted')), { type: 'heading', attrs: { level: 3 }, content: [t('heading')] }] },
        { type: 'heading', attrs: { level: 2 }, content: [p(t('block in heading'))] },
        { type: 'pullQuote', attrs: {}, content: [p(t('block in pull quote'))] },
      ),
    );
    expect(result).toEqual({
      type: 'doc',
      content: [
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'kept item' }] }] }] },
        {
          type: 'blockquote',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'quoted' }] },
            { type: 'paragraph', content: [{ type: 'text', text: 'heading' }] },
          ],
        },
      ],
    });
  });

  it.each([
    [1, 2],
    [2, 2],
    [3, 3],
    [4, 3],
    [6, 3],
    [0, 2],
    [-5, 2],
    [Number.NaN, 2],
    ['3', 2],
    [undefined, 2],
  ])('clamps heading level %j to %j', (level, expected) => {
    const result = sanitizeBody(doc({ type: 'heading', attrs: { level }, content: [t('h')] }));
    expect(result.content[0]).toEqual({ type: 'heading', attrs: { level: expected }, content: [{ type: 'text', text: 'h' }] });
  });

  it('drops empty blocks and edge line breaks', () => {
    const result = sanitizeBody(
      doc(
        p(),
        { type: 'paragraph' },
        p({ type: 'hardBreak' }),
        { type: 'heading', attrs: { level: 2 } },
        { type: 'bulletList', content: [] },
        { type: 'blockquote', content: [p()] },
        p({ type: 'hardBreak' }, t('a'), { type: 'hardBreak' }, t('b'), { type: 'hardBreak' }),
      ),
    );
    expect(result.content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'a' }, { type: 'hardBreak' }, { type: 'text', text: 'b' }] },
    ]);
  });

  it.each([
    [{ provider: 'youtube', videoId: 'dQw4w9WgXcQ' }, true],
    [{ provider: 'youtube', videoId: 'dQw4w9WgXc' }, false],
    [{ provider: 'youtube', videoId: 'dQw4w9WgXcQ"><script>' }, false],
    [{ provider: 'youtube', videoId: '../../evil1' }, false],
    [{ provider: 'vimeo', videoId: '76979871' }, true],
    [{ provider: 'vimeo', videoId: 'abc' }, false],
    [{ provider: 'vimeo', videoId: 76979871 }, false],
    [{ provider: 'vimeo', videoId: '1234567890123' }, false],
    [{ provider: 'dailymotion', videoId: 'x7tgad0' }, false],
    [{ videoId: 'dQw4w9WgXcQ' }, false],
  ])('video %j kept: %s', (attrs, kept) => {
    expect(sanitizeBody(doc({ type: 'video', attrs })).content).toHaveLength(kept ? 1 : 0);
  });

  it.each([
    [1, true],
    [123456, true],
    [0, false],
    [-1, false],
    [1.5, false],
    ['12', false],
    [Number.POSITIVE_INFINITY, false],
    [2 ** 60, false],
    [null, false],
  ])('image mediaId %j kept: %s', (mediaId, kept) => {
    expect(sanitizeBody(doc({ type: 'image', attrs: { mediaId } })).content).toHaveLength(kept ? 1 : 0);
  });

  it('keeps ordered list start only when it is a sensible integer', () => {
    const list = (start: unknown) => ({ type: 'orderedList', attrs: { start }, content: [{ type: 'listItem', content: [p(t('x'))] }] });
    const starts = sanitizeBody(doc(list(5), list(1), list(-3), list('5'), list(2.5), list(10 ** 9))).content.map((block) =>
      block.type === 'orderedList' ? block.attrs?.start : 'not a list',
    );
    expect(starts).toEqual([5, undefined, undefined, undefined, undefined, undefined]);
  });

  it('survives hugely nested lists and limits list depth', () => {
    let node: unknown = { type: 'listItem', content: [p(t('deepest'))] };
    for (let depth = 0; depth < 100_000; depth += 1) {
      node = { type: 'listItem', content: [p(t(`level ${depth}`)), { type: 'bulletList', content: [node] }] };
    }
    const result = sanitizeBody(doc({ type: 'bulletList', content: [node] }));
    let levels = 0;
    let current: unknown = result.content[0];
    while (current && typeof current === 'object' && (current as { type: string }).type === 'bulletList') {
      levels += 1;
      const item = (current as { content: { content: unknown[] }[] }).content[0];
      current = item?.content[1];
    }
    expect(levels).toBe(6);
    expect(JSON.stringify(result)).not.toContain('deepest');
  });

  it('survives hugely nested unknown nodes and cyclic objects', () => {
    let node: Record<string, unknown> = { type: 'paragraph', content: [t('deep')] };
    for (let depth = 0; depth < 100_000; depth += 1) node = { type: 'div', content: [node] };
    expect(sanitizeBody(doc(node, p(t('after'))))).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'after' }] }],
    });

    const item: Record<string, unknown> = { type: 'listItem' };
    const list = { type: 'bulletList', content: [item] };
    item.content = [p(t('loop')), list];
    expect(() => sanitizeBody(doc(list))).not.toThrow();
  });

  it('bounds the work a huge document costs: nodes past the visit budget are never looked at', () => {
    let looked = 0;
    const content: unknown[] = Array.from({ length: 200_000 }, () => ({
      get type() {
        looked += 1;
        return 'script';
      },
    }));
    content.push(p(t('late')));
    const result = sanitizeBody({ type: 'doc', content });
    expect(result.content).toEqual([]);
    // MAX_VISITS in sanitize.ts: reading stops when the budget is spent, far short of 200,000 nodes.
    expect(looked).toBeGreaterThan(0);
    expect(looked).toBeLessThanOrEqual(50_000);
  });

  it('turns a throwing getter into an empty document', () => {
    const hostile = {
      type: 'doc',
      get content() {
        throw new Error('boom');
      },
    };
    expect(sanitizeBody(hostile)).toEqual({ type: 'doc', content: [] });
  });

  it('keeps trimmed, capped image and video text attrs', () => {
    const result = sanitizeBody(
      doc(
        { type: 'image', attrs: { mediaId: 3, alt: '  A\nbridge ', caption: '   ', credit: 'c'.repeat(500) } },
        { type: 'video', attrs: { provider: 'vimeo', videoId: '1', title: 42 } },
      ),
    );
    expect(result.content[0]).toEqual({ type: 'image', attrs: { mediaId: 3, alt: 'A bridge', credit: 'c'.repeat(200) } });
    expect(result.content[1]).toEqual({ type: 'video', attrs: { provider: 'vimeo', videoId: '1' } });
  });
});
