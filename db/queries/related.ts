import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { getDb, type DB } from '@/db/client';
import { RELATED_STORY_COUNT, relatedMatchExpression } from '@/lib/articles/related';
import { cacheTags } from '@/lib/site/cache-tags';
import { listArticleCardsByIds, type ArticleCard } from './articles';

// The "Related stories" block under an article: what it shows is decided by
// lib/articles/related.ts's rule (the editor's picks, then shared tags, the section, similar text;
// News Feed items last), run here against the database.
//
// Its cache entry is tagged with what it shows and with the lists it was read from, so it is
// expired exactly when its answer could change:
//   - 'article:N' of the story itself (its tags, section, headline or picks changed), of each
//     card shown, and of each story the editor picked even when it is not live now (publishing it
//     again must bring it back);
//   - 'tag-list:T' for each of the story's tags once the tag step ran (a story joined or left a
//     list it could be chosen from);
//   - 'section:S' only if the section step ran, i.e. the picks and shared tags left room;
//   - nothing more for the text step: 'latest' would tie every such page to every publish
//     anywhere (and purge it at the edge); a newly published story that reads like this one
//     joins the block when it is next refreshed (a change to the story, its tags' or section's
//     lists, or a story it shows).
// The article page includes this entry, so a story published under a shared tag now expires the
// pages of the stories it could appear under (and no others).

export interface RelatedChoice {
  // In the order the block shows them.
  ids: number[];
  // The cache tags the answer depends on (above); the cards add their own.
  dependsOn: string[];
}

const live = sql`a.status = 'published' AND a.deleted_at IS NULL`;
const ids = (list: readonly number[]) => sql.join(list.map((id) => sql`${id}`), sql`, `);

// One step of the rule: up to `limit` ids, best first, leaving out `exclude` and taking News Feed
// items only (`feed`) or everything else.
type Step = (exclude: readonly number[], feed: boolean, limit: number) => Promise<number[]>;

function kindIs(feed: boolean): SQL {
  return feed ? sql`a.kind = 'feed'` : sql`a.kind <> 'feed'`;
}

async function idsOf(db: DB, query: SQL): Promise<number[]> {
  return (await db.all<{ id: number }>(query)).map((row) => row.id);
}

// Ranking reads bm25 for each candidate, so, as search does, it looks at the newest 1,000 matches
// only: a common word at 100,000 articles stays a few milliseconds.
const TEXT_WINDOW = 1000;

/** Which stories the block under article `articleId` shows, and what that answer depends on. */
export async function chooseRelatedStories(articleId: number, db: DB = getDb()): Promise<RelatedChoice> {
  const dependsOn = new Set<string>([cacheTags.article(articleId)]);
  const story = await db.get<{ sectionId: number; title: string }>(sql`
    SELECT section_id AS sectionId, title FROM articles WHERE id = ${articleId} AND deleted_at IS NULL`);
  if (!story) return { ids: [], dependsOn: [...dependsOn] };

  const [picked, storyTags] = await Promise.all([
    idsOf(db, sql`SELECT related_id AS id FROM article_related WHERE article_id = ${articleId} ORDER BY position`),
    db.all<{ id: number; name: string }>(sql`
      SELECT t.id AS id, t.name AS name FROM article_tags at JOIN tags t ON t.id = at.tag_id
       WHERE at.article_id = ${articleId} ORDER BY at.position`),
  ]);
  for (const id of picked) dependsOn.add(cacheTags.article(id));
  const chosen: number[] = [];
  const livePicks = picked.length
    ? new Set(await idsOf(db, sql`SELECT a.id AS id FROM articles a WHERE a.id IN (${ids(picked)}) AND ${live}`))
    : new Set<number>();
  for (const id of picked) {
    if (id !== articleId && livePicks.has(id) && !chosen.includes(id) && chosen.length < RELATED_STORY_COUNT) chosen.push(id);
  }

  const tagIds = storyTags.map((t) => t.id);
  const match = relatedMatchExpression(story.title, storyTags.map((t) => t.name));
  const steps: { tags: string[]; run: Step }[] = [
    {
      tags: tagIds.map(cacheTags.tagList),
      run: async (exclude, feed, limit) =>
        tagIds.length === 0
          ? []
          : idsOf(db, sql`
              SELECT a.id AS id FROM article_tags at JOIN articles a ON a.id = at.article_id
               WHERE at.tag_id IN (${ids(tagIds)}) AND ${live} AND ${kindIs(feed)} AND a.id NOT IN (${ids(exclude)})
               GROUP BY a.id
               ORDER BY count(*) DESC, a.published_at DESC, a.id DESC
               LIMIT ${limit}`),
    },
    {
      tags: [cacheTags.section(story.sectionId)],
      run: (exclude, feed, limit) =>
        idsOf(db, sql`
          SELECT a.id AS id FROM articles a
           WHERE a.section_id = ${story.sectionId} AND ${live} AND ${kindIs(feed)} AND a.id NOT IN (${ids(exclude)})
           ORDER BY a.published_at DESC, a.id DESC
           LIMIT ${limit}`),
    },
    {
      tags: [],
      run: async (exclude, feed, limit) =>
        match === null
          ? []
          : idsOf(db, sql`
              WITH candidates AS (
                SELECT rowid AS id, bm25(articles_fts, 10.0, 4.0, 1.0) AS score FROM articles_fts
                 WHERE articles_fts MATCH ${match}
                 ORDER BY rowid DESC LIMIT ${TEXT_WINDOW})
              SELECT a.id AS id FROM candidates c JOIN articles a ON a.id = c.id
               WHERE ${live} AND ${kindIs(feed)} AND a.id NOT IN (${ids(exclude)})
               ORDER BY c.score, a.published_at DESC, a.id DESC
               LIMIT ${limit}`),
    },
  ];

  // Every other story the steps find comes before any News Feed item.
  for (const feed of [false, true]) {
    for (const step of steps) {
      const room = RELATED_STORY_COUNT - chosen.length;
      if (room <= 0) break;
      step.tags.forEach((tag) => dependsOn.add(tag));
      chosen.push(...(await step.run([articleId, ...chosen], feed, room)));
    }
  }
  return { ids: chosen, dependsOn: [...dependsOn] };
}

/** The block under a published article, cached until one of the things it depends on changes. */
export async function listRelatedStories(articleId: number): Promise<ArticleCard[]> {
  'use cache';
  cacheLife('max');
  const choice = await chooseRelatedStories(articleId);
  cacheTag(...choice.dependsOn);
  return listRelatedCards(choice.ids);
}

/** The block as the article's latest save makes it, for the preview (which is never cached). */
export async function listRelatedStoriesForPreview(articleId: number): Promise<ArticleCard[]> {
  return listRelatedCards((await chooseRelatedStories(articleId)).ids);
}

// Cards are built inside a cache entry (db/queries/articles.ts tags it with each card's article).
async function listRelatedCards(ids: number[]): Promise<ArticleCard[]> {
  'use cache';
  cacheLife('max');
  return listArticleCardsByIds(ids);
}
