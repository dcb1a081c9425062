import { describe, expect, it } from 'vitest';
import { articleInputSchema, articleNoteSchema, fieldErrors, readinessProblems } from './article';

const valid = {
  title: '  Night buses return to four routes ',
  slug: 'night-buses-return',
  sectionId: '3',
  kind: 'news',
  body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hello' }] }] },
  bylineIds: [1, 2],
  tagIds: [4],
};

describe('articleInputSchema', () => {
  it('accepts a valid article and normalises it', () => {
    const parsed = articleInputSchema.parse(valid);
    expect(parsed.title).toBe('Night buses return to four routes');
    expect(parsed.sectionId).toBe(3);
    expect(parsed.dek).toBe('');
    expect(parsed.videoUrl).toBeNull();
    expect(parsed.heroMediaId).toBeNull();
  });

  it('sanitises the body on the way in', () => {
    const parsed = articleInputSchema.parse({
      ...valid,
      body: { type: 'doc', content: [{ type: 'script', text: 'x' }, { type: 'paragraph', content: [{ type: 'text', text: 'ok', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] },
    });
    expect(JSON.stringify(parsed.body)).not.toContain('javascript');
    expect(JSON.stringify(parsed.body)).not.toContain('script');
  });

  it('explains each problem in words an editor understands', () => {
    const result = articleInputSchema.safeParse({
      ...valid,
      title: ' ',
      slug: 'Not A Slug!',
      bylineIds: [],
      tagIds: [4, 4],
      videoUrl: 'https://example.com/video',
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrors(result.error)).toEqual({
      title: 'Give the article a title.',
      slug: 'Use lowercase letters, digits and single hyphens only.',
      tagIds: 'A tag is listed twice.',
      videoUrl: 'Use a YouTube or Vimeo address.',
    });
  });

  it('accepts YouTube and Vimeo addresses', () => {
    expect(articleInputSchema.parse({ ...valid, videoUrl: 'https://youtu.be/aqz-KE-bpKQ' }).videoUrl).toBe(
      'https://youtu.be/aqz-KE-bpKQ',
    );
    expect(articleInputSchema.safeParse({ ...valid, videoUrl: 'https://vimeo.com/76979871' }).success).toBe(true);
  });

  it('lets a draft be saved without a byline', () => {
    expect(articleInputSchema.parse({ ...valid, bylineIds: undefined }).bylineIds).toEqual([]);
  });
});

describe('readinessProblems', () => {
  it('asks for a title, a byline and a story before review or publication', () => {
    expect(readinessProblems({ title: ' ', bylineIds: [], wordCount: 0 })).toEqual({
      title: 'Give the article a title.',
      bylineIds: 'Add at least one byline.',
      body: 'Write the story before it goes out.',
    });
    expect(readinessProblems({ title: 'Ready', bylineIds: [3], wordCount: 120 })).toEqual({});
  });
});

describe('articleNoteSchema', () => {
  it('takes a kind and the text readers will see', () => {
    expect(articleNoteSchema.parse({ kind: 'clarification', text: '  The vote was 5–4. ' })).toEqual({
      kind: 'clarification',
      text: 'The vote was 5–4.',
    });
    expect(articleNoteSchema.safeParse({ kind: 'retraction', text: 'x' }).success).toBe(false);
    expect(articleNoteSchema.safeParse({ kind: 'update', text: '   ' }).success).toBe(false);
  });
});
