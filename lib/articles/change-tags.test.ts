import { describe, expect, it } from 'vitest';
import { tagsForArticleChange } from './change-tags';

const draft = { id: 7, status: 'draft', sectionId: 2, tagIds: [1, 2], bylineIds: [5] };

describe('tagsForArticleChange', () => {
  it('touches nothing public while an article stays unpublished', () => {
    expect(tagsForArticleChange(draft, { ...draft, tagIds: [3] })).toEqual([]);
    expect(tagsForArticleChange(null, draft)).toEqual([]);
  });

  it('on publish, invalidates the article and every list it joins', () => {
    expect(tagsForArticleChange(draft, { ...draft, status: 'published' }).sort()).toEqual(
      ['article-lists', 'article:7', 'section:2', 'tag:1', 'tag:2', 'byline:5'].sort(),
    );
  });

  it('on an edit that moves section and tags, invalidates the old lists and the new', () => {
    const before = { ...draft, status: 'published' };
    const after = { ...before, sectionId: 3, tagIds: [2, 9], bylineIds: [6] };
    expect(tagsForArticleChange(before, after).sort()).toEqual(
      ['article-lists', 'article:7', 'section:2', 'section:3', 'tag:1', 'tag:2', 'tag:9', 'byline:5', 'byline:6'].sort(),
    );
  });

  it('on unpublish, invalidates the lists it leaves', () => {
    const before = { ...draft, status: 'published' };
    expect(tagsForArticleChange(before, { ...before, status: 'unpublished' })).toContain('section:2');
  });
});
