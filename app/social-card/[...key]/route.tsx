import { cacheLife, cacheTag } from 'next/cache';
import { ImageResponse } from 'next/og';
import { getSectionBySlug, getSiteSettings } from '@/db/queries/site';
import { getTagBySlug } from '@/db/queries/taxonomy';
import { cacheTags } from '@/lib/site/cache-tags';
import { SOCIAL_CARD_SIZE } from '@/lib/seo/fronts';

// Generated 1200×630 social cards for the home page, section fronts and tag pages (articles
// use their hero crop instead). Rendered with next/og's bundled font: nothing is fetched.
// /social-card/home, /social-card/section/{slug}, /social-card/tag/{slug}
export async function GET(_request: Request, ctx: RouteContext<'/social-card/[...key]'>) {
  const { key } = await ctx.params;
  const png = await renderSocialCard(key.join('/'));
  if (!png) return new Response('Not found', { status: 404 });
  return new Response(png as Uint8Array<ArrayBuffer>, {
    headers: {
      'Content-Type': 'image/png',
      'Cache-Control': 'public, max-age=86400, stale-while-revalidate=604800',
    },
  });
}

// The card as PNG bytes, drawn once per page and kept until its section, tag or the site
// name changes.
async function renderSocialCard(path: string): Promise<Uint8Array | null> {
  'use cache';
  cacheTag(cacheTags.settings, cacheTags.sections);
  cacheLife('max');
  const key = path.split('/');
  const settings = await getSiteSettings();
  let eyebrow = '';
  let title = settings.siteName;
  let subtitle = 'News, analysis and the latest from the city';
  if (key.length === 2 && key[0] === 'section') {
    const section = await getSectionBySlug(key[1]!);
    if (!section) return null;
    eyebrow = 'Section';
    title = section.name;
    subtitle = `The latest ${section.name} stories`;
  } else if (key.length === 2 && key[0] === 'tag') {
    const tag = await getTagBySlug(key[1]!);
    if (!tag) return null;
    cacheTag(cacheTags.tag(tag.id));
    eyebrow = 'Topic';
    title = tag.name;
    subtitle = `Every story about ${tag.name}`;
  } else if (!(key.length === 1 && key[0] === 'home')) {
    return null;
  }
  const initial = settings.siteName.replace(/^the\s+/i, '').charAt(0).toUpperCase() || 'G';

  const image = new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', background: '#ffffff' }}>
        <div style={{ height: 18, background: '#b3122b', display: 'flex' }} />
        <div style={{ display: 'flex', alignItems: 'center', padding: '44px 72px 0', gap: 20 }}>
          <div
            style={{
              width: 64,
              height: 64,
              background: '#b3122b',
              color: '#ffffff',
              fontSize: 44,
              fontWeight: 700,
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
            }}
          >
            {initial}
          </div>
          <div style={{ fontSize: 40, fontWeight: 700, color: '#121212', letterSpacing: -1, display: 'flex' }}>
            {settings.siteName}
          </div>
        </div>
        <div style={{ display: 'flex', flexDirection: 'column', flexGrow: 1, justifyContent: 'center', padding: '0 72px' }}>
          {eyebrow ? (
            <div style={{ fontSize: 30, color: '#b3122b', textTransform: 'uppercase', letterSpacing: 4, display: 'flex' }}>
              {eyebrow}
            </div>
          ) : null}
          <div style={{ fontSize: title.length > 28 ? 76 : 104, fontWeight: 700, color: '#121212', lineHeight: 1.05, display: 'flex' }}>
            {title}
          </div>
          <div style={{ fontSize: 34, color: '#555555', marginTop: 20, display: 'flex' }}>{subtitle}</div>
        </div>
        <div style={{ height: 6, margin: '0 72px 48px', background: '#121212', display: 'flex' }} />
      </div>
    ),
    { ...SOCIAL_CARD_SIZE },
  );
  return new Uint8Array(await image.arrayBuffer());
}
