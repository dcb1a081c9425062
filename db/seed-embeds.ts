import type { Connection } from './client';
import { sanitizeBody } from '../lib/body/sanitize';
import { bodyToPlainText, countWords } from '../lib/body/text';
import type { BodyDoc } from '../lib/body/types';

// One demo article that shows every embed the body allows (lib/body/embeds.ts): posts from two
// providers, a gallery, a table, a pull quote, a document card and an audio player, set between
// the blocks of an old published story (the third oldest: journeys that read the newest, or tag
// the two oldest, are not disturbed), so the seed's counts and the story's words stay what they
// were. All text is invented; the addresses are on reserved example names, and nothing on the page
// fetches them before a click.

const text = (value: string) => ({ type: 'text', text: value });

export function embedsDemoBody(story: BodyDoc, galleryIds: number[]): BodyDoc {
  const embeds: unknown[] = [
    {
      type: 'socialPost',
      attrs: {
        provider: 'x',
        url: 'https://x.com/gazette_city/status/1864000000000000001',
        authorName: 'Gazette City Desk',
        handle: '@gazette_city',
        text: 'The night market is back at the river port. Stalls open until 1am, ferries every 20 minutes. We are on the quay all evening.',
        postedAt: '2026-11-27',
      },
    },
    {
      type: 'gallery',
      attrs: {
        items: galleryIds.map((mediaId, index) => ({
          mediaId,
          caption: ['Stalls along the old quay after dark.', 'The first ferry of the evening comes in.', 'Lanterns over the harbour master’s house.'][index] ?? '',
          credit: 'Demo Photographer/Gazette',
        })),
      },
    },
    {
      type: 'table',
      attrs: {
        headerRow: true,
        caption: 'Pitch fees and first-night stalls',
        rows: [
          ['Pitch', 'Fee per night', 'Stalls on Friday', 'Waiting list'],
          ['Quay front', '₴1,200', '46', '31'],
          ['Warehouse row', '₴800', '38', '12'],
          ['Ferry steps', '₴500', '22', '4'],
        ],
      },
    },
    { type: 'pullQuote', attrs: { attribution: 'Marta Kovalenko, who sells smoked fish' }, content: [text('We waited four years for one good night. Tonight was it.')] },
    {
      type: 'document',
      attrs: {
        url: 'https://council.gazette.example/documents/river-port-market-plan.pdf',
        title: 'River port night market: the council’s plan',
        description: 'Opening hours, pitch fees, ferry times and the noise rules, as approved in November.',
        size: 1258291,
        pages: 24,
      },
    },
    {
      type: 'socialPost',
      attrs: {
        provider: 'bluesky',
        url: 'https://bsky.app/profile/riverport.bsky.social/post/3lbdemo2seed0',
        authorName: 'River Port Market',
        handle: '@riverport.bsky.social',
        text: 'Thank you to everyone who came tonight.\n\nWe are open again next Friday, same time, with twelve more stalls on the warehouse row.',
        postedAt: '2026-11-28',
      },
    },
    {
      type: 'audio',
      attrs: {
        src: 'https://audio.gazette.example/podcast/river-port-night-market.mp3',
        title: 'The Gazette podcast: a night at the river port',
        duration: 1385,
      },
    },
  ];
  // An embed goes between two paragraphs, or before a heading, at most one every second block
  // (never between a heading or a "Key dates:" line and what it introduces); the rest at the end.
  const content: unknown[] = [];
  let since = 0;
  story.content.forEach((block, index) => {
    content.push(block);
    since += 1;
    const next = story.content[index + 1];
    const last = block.type === 'paragraph' ? block.content?.at(-1) : undefined;
    const introduces = last?.type === 'text' && /:\s*$/.test(last.text);
    if (embeds.length > 0 && since >= 2 && block.type === 'paragraph' && !introduces && (next?.type === 'paragraph' || next?.type === 'heading')) {
      content.push(embeds.shift());
      since = 0;
    }
  });
  content.push(...embeds);
  return sanitizeBody({ type: 'doc', content });
}

/** Turns the third-oldest published story into the embeds demo; returns its id, or null. */
export function seedEmbedsDemo(conn: Connection, galleryIds: number[]): number | null {
  if (galleryIds.length < 3) return null;
  const row = conn.sqlite
    .prepare(
      `SELECT a.id, a.body FROM articles a JOIN sections s ON s.id = a.section_id
        WHERE a.status = 'published' AND a.kind <> 'feed' AND s.slug <> 'news-feed' AND a.video_url IS NULL
        ORDER BY a.published_at ASC, a.id ASC LIMIT 1 OFFSET 2`,
    )
    .get() as { id: number; body: string } | undefined;
  if (!row) return null;
  const body = embedsDemoBody(sanitizeBody(row.body), galleryIds.slice(0, 3));
  const plain = bodyToPlainText(body);
  conn.sqlite
    .prepare('UPDATE articles SET body = ?, body_text = ?, word_count = ? WHERE id = ?')
    .run(JSON.stringify(body), plain, countWords(plain), row.id);
  return row.id;
}
