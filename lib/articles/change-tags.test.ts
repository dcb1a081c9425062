import { describe, expect, it } from 'vitest';
import { tagsForArticleChange, type ArticleCacheFacts } from './change-tags';

const draft: ArticleCacheFacts = {
  id: 7,
  status: 'draft',
  kind: 'news',
  sectionId: 2,
  slug: 'harbour-bridge',
  publishedAt: null,
  tagIds: [1, 2],
  bylineIds: [5],
};
const live: ArticleCacheFacts = { ...draft, status: 'published', publishedAt: Date.UTC(2026, 11, 1, 9) };
const sorted = (tags: string[]) => [...tags].sort();

describe('tagsForArticleChange', () => {
  it('touches nothing public while an article stays unpublished', () => {
    expect(tagsForArticleChange(draft, { ...draft, tagIds: [3] })).toEqual([]);
    expect(tagsForArticleChange(null, draft)).toEqual([]);
  });

  it('on publish, expires the article, every list it joins, the sitemaps and cached "not found" answers', () => {
    expect(sorted(tagsForArticleChange(draft, live))).toEqual(
      sorted(['article:7', 'latest', 'section:2', 'tag-list:1', 'tag-list:2', 'byline-list:5', 'sitemaps', 'not-found']),
    );
  });

  it('never expires what only shows names or other stories: tag and byline pages, every card list', () => {
    const tags = tagsForArticleChange(draft, live);
    for (const broad of ['article-lists', 'tag:1', 'byline:5', 'news-feed', 'popular', 'sections']) expect(tags).not.toContain(broad);
  });

  it('a News Feed item also expires the News Feed rail beside every article', () => {
    expect(tagsForArticleChange({ ...draft, kind: 'feed' }, { ...live, kind: 'feed' })).toContain('news-feed');
  });

  it('an edit that leaves the lists as they were expires only the article (its page and its cards) and the sitemaps', () => {
    expect(sorted(tagsForArticleChange(live, { ...live }))).toEqual(['article:7', 'sitemaps']);
  });

  it('a published article moved between section and tags expires only the lists it left and joined', () => {
    const after = { ...live, sectionId: 3, tagIds: [2, 9], bylineIds: [5] };
    expect(sorted(tagsForArticleChange(live, after))).toEqual(
      sorted(['article:7', 'section:2', 'section:3', 'tag-list:1', 'tag-list:9', 'sitemaps', 'not-found']),
    );
  });

  it('a new publication time moves it in every list it is in', () => {
    const tags = tagsForArticleChange(live, { ...live, publishedAt: live.publishedAt! + 60_000 });
    expect(tags).toEqual(expect.arrayContaining(['latest', 'section:2', 'tag-list:1', 'tag-list:2', 'byline-list:5']));
    expect(tags).not.toContain('not-found');
  });

  it('on unpublish, expires the lists it leaves and the article, but no "not found" answer', () => {
    const tags = tagsForArticleChange(live, { ...live, status: 'unpublished' });
    expect(tags).toEqual(expect.arrayContaining(['article:7', 'latest', 'section:2', 'tag-list:1', 'byline-list:5']));
    expect(tags).not.toContain('not-found');
  });

  it('a new address replaces cached "not found" answers there', () => {
    expect(tagsForArticleChange(live, { ...live, slug: 'harbour-bridge-opens' })).toContain('not-found');
  });

  it('the corrections page, whenever the public notes change: published or withdrawn with notes, notes added to a live story', () => {
    const notes = JSON.stringify([{ at: '2026-12-01T10:00:00.000Z', text: 'An earlier version misspelt a name.' }]);
    const noted = { ...live, notes };
    expect(tagsForArticleChange({ ...draft, notes }, noted)).toContain('corrections');
    expect(tagsForArticleChange(noted, { ...noted, status: 'unpublished' })).toContain('corrections');
    expect(tagsForArticleChange({ ...live, notes: '[]' }, noted)).toContain('corrections');
    // Nothing public about the notes moved: a draft's notes, a live story without any, an edit that keeps them.
    expect(tagsForArticleChange({ ...draft, notes: '[]' }, { ...draft, notes })).toEqual([]);
    expect(tagsForArticleChange(draft, live)).not.toContain('corrections');
    expect(tagsForArticleChange(noted, { ...noted, slug: 'harbour-bridge-opens' })).not.toContain('corrections');
  });
});
