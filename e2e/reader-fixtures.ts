import { openTestDb } from './fixtures';

// Look-ups for the reader-site journeys (fronts, News Feed, search, Most Popular), read from
// the seeded test database in the order the pages must show things.

const LIVE = `a.status = 'published' AND a.deleted_at IS NULL`;

export interface ListedArticle {
  id: number;
  url: string;
  title: string;
}

function rows(query: string, ...params: unknown[]): ListedArticle[] {
  return openTestDb().prepare(query).all(...params) as ListedArticle[];
}

const SELECT = `SELECT a.id, '/' || s.slug || '/' || a.slug AS url, a.title
  FROM articles a JOIN sections s ON s.id = a.section_id`;
const ORDER = `ORDER BY a.published_at DESC, a.id DESC`;

export function listSectionInOrder(sectionSlug: string): ListedArticle[] {
  return rows(`${SELECT} WHERE ${LIVE} AND s.slug = ? ${ORDER}`, sectionSlug);
}

export function listNewsFeedInOrder(): ListedArticle[] {
  return rows(`${SELECT} WHERE ${LIVE} AND a.kind = 'feed' ${ORDER}`);
}

export function listTagInOrder(tagSlug: string): ListedArticle[] {
  return rows(
    `${SELECT} JOIN article_tags at ON at.article_id = a.id JOIN tags t ON t.id = at.tag_id
      WHERE ${LIVE} AND t.slug = ? ${ORDER}`,
    tagSlug,
  );
}

export function listBylineInOrder(bylineSlug: string): ListedArticle[] {
  return rows(
    `${SELECT} JOIN article_bylines ab ON ab.article_id = a.id JOIN bylines b ON b.id = ab.byline_id
      WHERE ${LIVE} AND b.slug = ? ${ORDER}`,
    bylineSlug,
  );
}

// The section, tag and byline with the most published articles (so they have several pages).
export function biggest(kind: 'section' | 'tag' | 'byline'): { slug: string; name: string; count: number } {
  const sql = {
    section: `SELECT s.slug, s.name, count(*) AS count FROM sections s JOIN articles a ON a.section_id = s.id
               WHERE ${LIVE} AND s.slug <> 'news-feed' GROUP BY s.id ORDER BY count DESC LIMIT 1`,
    tag: `SELECT t.slug, t.name, count(*) AS count FROM tags t JOIN article_tags at ON at.tag_id = t.id
           JOIN articles a ON a.id = at.article_id WHERE ${LIVE} GROUP BY t.id ORDER BY count DESC LIMIT 1`,
    byline: `SELECT b.slug, b.name, count(*) AS count FROM bylines b JOIN article_bylines ab ON ab.byline_id = b.id
              JOIN articles a ON a.id = ab.article_id WHERE ${LIVE} GROUP BY b.id ORDER BY count DESC LIMIT 1`,
  }[kind];
  return openTestDb().prepare(sql).get() as { slug: string; name: string; count: number };
}

export function getCuratedLead(): ListedArticle | undefined {
  return openTestDb()
    .prepare(`${SELECT} JOIN curation c ON c.article_id = a.id WHERE ${LIVE} AND c.slot = 'lead'`)
    .get() as ListedArticle | undefined;
}

// Views of the last 7 UTC days per published article, most first (what Most Popular ranks).
export function listPopularity(): { id: number; url: string; title: string; views: number }[] {
  const since = new Date(Date.now() - 6 * 86_400_000).toISOString().slice(0, 10);
  return openTestDb()
    .prepare(
      `SELECT a.id, '/' || s.slug || '/' || a.slug AS url, a.title, sum(v.count) AS views
         FROM page_views v JOIN articles a ON a.id = v.article_id JOIN sections s ON s.id = a.section_id
        WHERE v.day >= ? AND ${LIVE}
        GROUP BY a.id ORDER BY views DESC, a.id DESC`,
    )
    .all(since) as { id: number; url: string; title: string; views: number }[];
}

export function getViewsToday(articleId: number): number {
  const day = new Date().toISOString().slice(0, 10);
  const row = openTestDb()
    .prepare(`SELECT count FROM page_views WHERE article_id = ? AND day = ?`)
    .get(articleId, day) as { count: number } | undefined;
  return row?.count ?? 0;
}

// A published article with a word in its title that no other title has but other articles'
// bodies do: searching it must rank the title match first.
export function getTitleWordAlsoInBodies(): { article: ListedArticle; word: string } {
  const db = openTestDb();
  const all = rows(`${SELECT} WHERE ${LIVE} ${ORDER}`);
  const wordsOf = (title: string) => [...new Set(title.toLowerCase().match(/[a-z]{6,}/g) ?? [])];
  const titles = new Map<string, number>();
  for (const a of all) for (const w of wordsOf(a.title)) titles.set(w, (titles.get(w) ?? 0) + 1);
  const inBodies = db.prepare(
    `SELECT count(*) AS n FROM articles a WHERE ${LIVE} AND a.id <> ? AND instr(lower(a.body_text), ?) > 0`,
  );
  for (const article of all) {
    for (const word of wordsOf(article.title)) {
      if (titles.get(word) !== 1) continue;
      const { n } = inBodies.get(article.id, ` ${word} `) as { n: number };
      if (n > 0) return { article, word };
    }
  }
  throw new Error('No title word of its own that also appears in other bodies in the seed.');
}
