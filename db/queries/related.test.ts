// The "Related stories" chooser against a real database (migrations, FTS5 triggers and all): what
// it may never show, the editor's picks first, the order of the automatic steps, and the cache
// tags each answer depends on. Also the save's checks on the picks.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { articleInputSchema } from '../../lib/validation/article';

vi.mock('next/cache', () => ({ cacheTag: () => {}, cacheLife: () => {}, revalidateTag: () => {}, updateTag: () => {} }));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-related-'));
process.env.GAZETTE_DATA_DIR = dir;

const { getConnection } = await import('../client');
const { chooseRelatedStories } = await import('./related');
const { createArticle, updateArticle } = await import('../mutations/articles');
const { sqlite } = getConnection();

const T0 = 1_700_000_000_000;
const editor = { id: 1, email: 'ed@example.org', ip: '127.0.0.1' };

function article(
  id: number,
  title: string,
  options: { section: number; tags?: number[]; status?: string; kind?: string; at?: number; trashed?: boolean; body?: string },
) {
  const body = options.body ?? 'A paragraph.';
  const doc = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: body }] }] });
  sqlite
    .prepare(
      `INSERT INTO articles (id, slug, section_id, kind, title, body, body_text, word_count, status, published_at, deleted_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 2, ?, ?, ?)`,
    )
    .run(
      id,
      `a-${id}`,
      options.section,
      options.kind ?? 'news',
      title,
      doc,
      body,
      options.status ?? 'published',
      options.status === 'scheduled' || options.status === 'draft' ? null : T0 + (options.at ?? id) * 1000,
      options.trashed ? T0 : null,
    );
  (options.tags ?? []).forEach((tag, position) =>
    sqlite.prepare('INSERT INTO article_tags (article_id, tag_id, position) VALUES (?, ?, ?)').run(id, tag, position),
  );
}

function pick(articleId: number, relatedIds: number[]) {
  sqlite.prepare('DELETE FROM article_related WHERE article_id = ?').run(articleId);
  relatedIds.forEach((relatedId, position) =>
    sqlite.prepare('INSERT INTO article_related (article_id, related_id, position) VALUES (?, ?, ?)').run(articleId, relatedId, position),
  );
}

beforeAll(() => {
  sqlite.exec(`
    INSERT INTO users (id, email, name, role) VALUES (1, 'ed@example.org', 'Olena Editor', 'editor');
    INSERT INTO bylines (id, name, slug) VALUES (1, 'Iryna Bondar', 'iryna-bondar');
    INSERT INTO sections (id, name, slug) VALUES (1, 'City', 'city'), (2, 'Sport', 'sport'), (3, 'Culture', 'culture'), (4, 'Science', 'science');
    INSERT INTO tags (id, name, slug) VALUES (1, 'Transit', 'transit'), (2, 'Harbour', 'harbour'), (3, 'Budget', 'budget'),
      (4, 'Lanterns', 'lanterns'), (5, 'Quasars', 'quasars');
  `);
  sqlite.transaction(() => {
    // Story 1 and the stories sharing its tags.
    article(1, 'Harbour ferry returns', { section: 1, tags: [1, 2, 3] });
    article(2, 'Council funds the crossing', { section: 1, tags: [1, 2, 3], at: 2 });
    article(3, 'Derby by the water', { section: 2, tags: [1, 2], at: 3 });
    article(4, 'Rowing club moves', { section: 2, tags: [2, 1], at: 4 });
    article(5, 'Night trams', { section: 2, tags: [1], at: 5 });
    article(6, 'Draft on the crossing', { section: 1, tags: [1, 2, 3], status: 'draft' });
    article(7, 'Scheduled crossing story', { section: 1, tags: [1, 2, 3], status: 'scheduled' });
    article(8, 'Withdrawn crossing story', { section: 1, tags: [1, 2, 3], status: 'unpublished' });
    article(9, 'Trashed crossing story', { section: 1, tags: [1, 2, 3], trashed: true });
    article(10, 'Crossing update', { section: 1, tags: [1, 2, 3], kind: 'feed', at: 50 });
    // Story 20: one shared tag, one older story in its section, one that reads like it, one feed item.
    article(20, 'Lantern festival lights the riverside', { section: 3, tags: [4] });
    article(21, 'Paper makers', { section: 2, tags: [4], at: 21 });
    article(22, 'Gallery reopens', { section: 3, at: 15 });
    article(23, 'Draft gallery piece', { section: 3, status: 'draft' });
    article(24, 'Festival season opens', { section: 2, at: 24, body: 'Lanterns and music.' });
    article(25, 'Culture briefing', { section: 3, kind: 'feed', at: 25 });
    // Story 30: two stories sharing its one tag, published at the same moment.
    article(30, 'Zzyzx', { section: 4, tags: [5] });
    article(31, 'Qwv one', { section: 2, tags: [5], at: 31 });
    article(32, 'Qwv two', { section: 2, tags: [5], at: 31 });
  })();
});

afterAll(() => {
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('chooseRelatedStories', () => {
  it('ranks by shared tags, then the newer story; never itself, a draft, a scheduled, withdrawn or trashed story', async () => {
    pick(1, []);
    const choice = await chooseRelatedStories(1);
    expect(choice.ids).toEqual([2, 4, 3, 5]);
  });

  it('leaves News Feed items out while other stories fill the block', async () => {
    pick(1, []);
    expect((await chooseRelatedStories(1)).ids).not.toContain(10);
  });

  it('depends on its tags’ lists only when they filled the block', async () => {
    pick(1, []);
    const { dependsOn } = await chooseRelatedStories(1);
    expect(dependsOn.sort()).toEqual(['article:1', 'tag-list:1', 'tag-list:2', 'tag-list:3']);
  });

  it('puts the editor’s picks first, in their order, and fills the rest without repeating them', async () => {
    pick(1, [5, 3]);
    expect((await chooseRelatedStories(1)).ids).toEqual([5, 3, 2, 4]);
  });

  it('skips a pick that is not live or is the story itself, and still depends on it', async () => {
    pick(1, [8, 1, 4, 6]);
    const choice = await chooseRelatedStories(1);
    expect(choice.ids).toEqual([4, 2, 3, 5]);
    expect(choice.dependsOn).toEqual(expect.arrayContaining(['article:8', 'article:6']));
  });

  it('shows four picks alone, reading no list', async () => {
    pick(1, [5, 4, 3, 2]);
    const choice = await chooseRelatedStories(1);
    expect(choice.ids).toEqual([5, 4, 3, 2]);
    expect(choice.dependsOn.sort()).toEqual(['article:1', 'article:2', 'article:3', 'article:4', 'article:5']);
    pick(1, []);
  });

  it('fills from the section, then similar text, and takes a News Feed item only when nothing else is left', async () => {
    const choice = await chooseRelatedStories(20);
    expect(choice.ids).toEqual([21, 22, 24, 25]);
    expect(choice.dependsOn.sort()).toEqual(['article:20', 'section:3', 'tag-list:4']);
  });

  it('breaks a tie between stories published together by id, the same way every time', async () => {
    const first = await chooseRelatedStories(30);
    expect(first.ids).toEqual([32, 31]);
    expect((await chooseRelatedStories(30)).ids).toEqual(first.ids);
  });

  it('shows nothing for an unknown or trashed story', async () => {
    expect((await chooseRelatedStories(999)).ids).toEqual([]);
    expect((await chooseRelatedStories(9)).ids).toEqual([]);
  });
});

describe('saving related stories', () => {
  const input = (relatedIds: number[], slug = 'related-save') =>
    articleInputSchema.parse({
      title: 'Ferry timetable',
      slug,
      sectionId: 1,
      kind: 'news',
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Boats.' }] }] },
      bylineIds: [1],
      tagIds: [1],
      relatedIds,
    });

  it('keeps the picks in order and records them in the revision', async () => {
    const made = await createArticle(input([4, 2]), editor);
    expect(made).toMatchObject({ ok: true });
    if (!made.ok) return;
    const rows = sqlite.prepare('SELECT related_id AS id FROM article_related WHERE article_id = ? ORDER BY position').all(made.id);
    expect(rows).toEqual([{ id: 4 }, { id: 2 }]);
    const saved = await updateArticle(made.id, made.version, input([2, 4, 5]), editor);
    expect(saved).toMatchObject({ ok: true });
    const revision = sqlite.prepare('SELECT snapshot FROM revisions WHERE article_id = ? ORDER BY id DESC LIMIT 1').get(made.id) as { snapshot: string };
    expect(JSON.parse(revision.snapshot)).toMatchObject({ relatedIds: [2, 4, 5] });
  });

  it('refuses the article itself, an unknown id and an unpublished story, naming it', async () => {
    const made = await createArticle(input([], 'related-refused'), editor);
    if (!made.ok) throw new Error('not created');
    expect(await updateArticle(made.id, made.version, input([made.id], 'related-refused'), editor)).toMatchObject({
      ok: false,
      reason: 'invalid',
      errors: { relatedIds: 'A story cannot be related to itself: remove it from Related stories.' },
    });
    expect(await updateArticle(made.id, made.version, input([2, 999], 'related-refused'), editor)).toMatchObject({
      errors: { relatedIds: 'No story has the id 999: remove it from Related stories.' },
    });
    expect(await updateArticle(made.id, made.version, input([8, 6], 'related-refused'), editor)).toMatchObject({
      errors: { relatedIds: '“Draft on the crossing”, “Withdrawn crossing story” are not published: only published stories can be related.' },
    });
    expect(await updateArticle(made.id, made.version, input([9], 'related-refused'), editor)).toMatchObject({
      errors: { relatedIds: '“Trashed crossing story” is not published: only published stories can be related.' },
    });
  });

  it('allows four picks, each once', () => {
    const five = articleInputSchema.safeParse({ ...input([]), relatedIds: [2, 3, 4, 5, 21] });
    expect(five.success ? null : five.error.issues[0]?.message).toBe('At most 4 related stories.');
    const twice = articleInputSchema.safeParse({ ...input([]), relatedIds: [2, 2] });
    expect(twice.success ? null : twice.error.issues[0]?.message).toBe('A related story is listed twice.');
  });
});
