import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConnection, type Connection } from '@/db/client';
import { listAdminSections, searchTags } from '@/db/queries/admin-taxonomy';
import { bylineInputSchema, sectionInputSchema, tagInputSchema } from '@/lib/validation/taxonomy';
import {
  createByline,
  createSection,
  createTag,
  deleteByline,
  deleteSection,
  deleteTag,
  mergeTags,
  reorderSections,
  updateByline,
  updateSection,
  updateTag,
} from './taxonomy';

// Sections, tags and bylines against a real, migrated SQLite file (one per test).
let dir: string;
let conn: Connection;
const actor = { id: null, email: 'editor@x.test', ip: '192.0.2.1' };

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-taxonomy-'));
  conn = openConnection(path.join(dir, 'gazette.db'));
});
afterEach(() => {
  conn.sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const all = <T>(sql: string, ...params: unknown[]) => conn.sqlite.prepare(sql).all(...params) as T[];
const audits = () => all<{ action: string }>('SELECT action FROM audit_log ORDER BY id').map((r) => r.action);
const redirects = () => all<{ from_path: string; to_path: string }>('SELECT from_path, to_path FROM redirects ORDER BY from_path');

async function section(name: string, slug = '') {
  const r = await createSection(sectionInputSchema.parse({ name, slug, description: '' }), actor, conn.db);
  if (!r.ok) throw new Error(r.message);
  return r.id;
}

function article(sectionId: number, slug: string, status = 'published'): number {
  const row = conn.sqlite
    .prepare(`INSERT INTO articles (slug, section_id, title, body, status, published_at) VALUES (?, ?, ?, '{"type":"doc"}', ?, ?) RETURNING id`)
    .get(slug, sectionId, `Story ${slug}`, status, status === 'published' ? Date.now() : null) as { id: number };
  return row.id;
}

async function tag(name: string) {
  const r = await createTag({ name }, actor, conn.db);
  if (!r.ok) throw new Error(r.message);
  return r.tag.id;
}

const link = (articleId: number, tagId: number, position = 0) =>
  conn.sqlite.prepare('INSERT INTO article_tags (article_id, tag_id, position) VALUES (?, ?, ?)').run(articleId, tagId, position);

describe('sections', () => {
  it('refuses reserved, invalid and duplicate slugs in the schema and the mutation', async () => {
    expect(sectionInputSchema.safeParse({ name: 'Admin', slug: '', description: '' }).success).toBe(false);
    expect(sectionInputSchema.safeParse({ name: 'X', slug: 'rss.xml', description: '' }).success).toBe(false);
    expect(sectionInputSchema.safeParse({ name: 'X', slug: 'Bad Slug', description: '' }).success).toBe(false);
    expect(sectionInputSchema.parse({ name: 'Arts & Culture', slug: '', description: '' }).slug).toBe('arts-and-culture');
    await section('World');
    const dup = await createSection({ name: 'World again', slug: 'world', description: '' }, actor, conn.db);
    expect(dup).toMatchObject({ ok: false, field: 'slug' });
    const reserved = await createSection({ name: 'Tag', slug: 'tag', description: '' }, actor, conn.db);
    expect(reserved).toMatchObject({ ok: false, field: 'slug' });
    expect(all('SELECT slug FROM sections')).toEqual([{ slug: 'world' }]);
    expect(audits()).toEqual(['section.created']);
  });

  it('appends new sections at the end, reorders them, and moves them again', async () => {
    const a = await section('A');
    const b = await section('B');
    const c = await section('C');
    expect((await listAdminSections(conn.db)).map((s) => s.id)).toEqual([a, b, c]);
    expect(await reorderSections([c, a, b], actor, conn.db)).toEqual({ ok: true, invalidates: ['sections', 'sitemaps'] });
    expect((await listAdminSections(conn.db)).map((s) => s.id)).toEqual([c, a, b]);
    expect(await reorderSections([c, b, a], actor, conn.db)).toMatchObject({ ok: true });
    expect((await listAdminSections(conn.db)).map((s) => s.id)).toEqual([c, b, a]);
    // A stale list (a section missing) is refused, nothing moves.
    expect(await reorderSections([a, b], actor, conn.db)).toMatchObject({ ok: false, field: 'order' });
    expect((await listAdminSections(conn.db)).map((s) => s.id)).toEqual([c, b, a]);
  });

  it('a new slug redirects the front and its articles, collapsing older redirects', async () => {
    const id = await section('Politics', 'politics');
    article(id, 'vote');
    conn.sqlite.prepare(`INSERT INTO redirects (from_path, to_path, source) VALUES ('/politics/old-vote', '/politics/vote', 'auto'), ('/elections', '/politics', 'manual')`).run();
    const result = await updateSection(id, { name: 'Politics', slug: 'government', description: '' }, actor, conn.db);
    expect(result).toMatchObject({ ok: true, redirected: true });
    if (result.ok) expect(result.invalidates).toEqual(expect.arrayContaining(['sections', `section:${id}`, 'article-lists', 'redirects']));
    expect(redirects()).toEqual([
      { from_path: '/elections', to_path: '/government' },
      { from_path: '/government/old-vote', to_path: '/government/vote' },
      { from_path: '/politics', to_path: '/government' },
    ]);
    // Moving back takes the address back: no loop is left behind.
    await updateSection(id, { name: 'Politics', slug: 'politics', description: '' }, actor, conn.db);
    expect(redirects()).toEqual([
      { from_path: '/elections', to_path: '/politics' },
      { from_path: '/government', to_path: '/politics' },
      { from_path: '/politics/old-vote', to_path: '/politics/vote' },
    ]);
  });

  it('is deleted only when no article uses it, drafts included', async () => {
    const id = await section('Empty soon');
    const other = await section('Other');
    article(other, 'elsewhere');
    const draft = article(id, 'draft', 'draft');
    expect((await listAdminSections(conn.db)).map((s) => [s.name, s.articleCount, s.publishedCount])).toEqual([
      ['Empty soon', 1, 0],
      ['Other', 1, 1],
    ]);
    const refused = await deleteSection(id, actor, conn.db);
    expect(refused).toMatchObject({ ok: false, reason: 'in_use' });
    if (!refused.ok) expect(refused.message).toContain('1 article');
    conn.sqlite.prepare('DELETE FROM articles WHERE id = ?').run(draft);
    expect(await deleteSection(id, actor, conn.db)).toMatchObject({ ok: true });
    expect(all('SELECT name FROM sections')).toEqual([{ name: 'Other' }]);
    expect(audits()).toEqual(['section.created', 'section.created', 'section.deleted']);
  });
});

describe('tags', () => {
  it('createTag returns the existing tag for the same name or slug instead of a duplicate', async () => {
    const first = await createTag({ name: 'Climate Change' }, actor, conn.db);
    expect(first).toMatchObject({ ok: true, created: true, tag: { name: 'Climate Change', slug: 'climate-change' } });
    expect(await createTag({ name: 'climate change' }, actor, conn.db)).toMatchObject({ ok: true, created: false, tag: { slug: 'climate-change' } });
    expect(await createTag({ name: 'Climate-Change!' }, actor, conn.db)).toMatchObject({ ok: true, created: false });
    expect(await createTag({ name: '   ' }, actor, conn.db)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await createTag({ name: 'Київ' }, actor, conn.db)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(all('SELECT count(*) AS n FROM tags')).toEqual([{ n: 1 }]);
    expect(audits()).toEqual(['tag.created']);
  });

  it('searchTags puts prefix matches first and caps the list', async () => {
    for (const name of ['Urban transport', 'Transport', 'Transit', 'Art']) await tag(name);
    const hits = await searchTags('tran', 10, conn.db);
    expect(hits.map((t) => t.name)).toEqual(['Transit', 'Transport', 'Urban transport']);
    expect(await searchTags('tran', 1, conn.db)).toHaveLength(1);
    expect(await searchTags('100%', 10, conn.db)).toEqual([]);
  });

  it('a rename with a new slug leaves /tag/old → /tag/new; a slug taken is refused', async () => {
    const id = await tag('Transit');
    await tag('Buses');
    const refused = await updateTag(id, tagInputSchema.parse({ name: 'Buses', slug: 'buses' }), actor, conn.db);
    expect(refused).toMatchObject({ ok: false, field: 'slug' });
    const renamed = await updateTag(id, tagInputSchema.parse({ name: 'Public transport', slug: '' }), actor, conn.db);
    expect(renamed).toMatchObject({ ok: true, redirected: true });
    if (renamed.ok) expect(renamed.invalidates).toEqual(expect.arrayContaining([`tag:${id}`, 'redirects', 'not-found']));
    expect(all('SELECT name, slug FROM tags WHERE id = ?', id)).toEqual([{ name: 'Public transport', slug: 'public-transport' }]);
    expect(redirects()).toEqual([{ from_path: '/tag/transit', to_path: '/tag/public-transport' }]);
  });

  it('merge moves every article to the target once, deletes the source and redirects its address', async () => {
    const s = await section('News');
    const [one, two, three] = [article(s, 'one'), article(s, 'two'), article(s, 'three')];
    const a = await tag('Trams');
    const b = await tag('Transport');
    link(one!, a);
    link(two!, a, 1);
    link(two!, b, 0);
    link(three!, b);
    conn.sqlite.prepare(`INSERT INTO redirects (from_path, to_path, source) VALUES ('/tag/streetcars', '/tag/trams', 'auto')`).run();
    const result = await mergeTags(a, b, actor, conn.db);
    expect(result).toMatchObject({ ok: true, moved: 2 });
    if (result.ok) expect(result.invalidates).toEqual(expect.arrayContaining([`tag:${a}`, `tag:${b}`, `tag-list:${a}`, `tag-list:${b}`, 'redirects']));
    expect(all('SELECT article_id, tag_id FROM article_tags ORDER BY article_id')).toEqual([
      { article_id: one, tag_id: b },
      { article_id: two, tag_id: b },
      { article_id: three, tag_id: b },
    ]);
    expect(all('SELECT id FROM tags')).toEqual([{ id: b }]);
    expect(redirects()).toEqual([
      { from_path: '/tag/streetcars', to_path: '/tag/transport' },
      { from_path: '/tag/trams', to_path: '/tag/transport' },
    ]);
    expect(audits()).toContain('tag.merged');
    expect(await mergeTags(b, b, actor, conn.db)).toMatchObject({ ok: false });
  });

  it('delete detaches the tag from its articles', async () => {
    const s = await section('News');
    const id = await tag('Gone');
    link(article(s, 'x'), id);
    expect(await deleteTag(id, actor, conn.db)).toMatchObject({ ok: true, detached: 1 });
    expect(all('SELECT count(*) AS n FROM article_tags')).toEqual([{ n: 0 }]);
  });
});

describe('bylines', () => {
  const input = (over: Record<string, unknown> = {}) =>
    bylineInputSchema.parse({ name: 'Olena Petrenko', slug: '', kind: 'person', jobTitle: 'Reporter', bio: '', avatarMediaId: '', userId: '', ...over });

  it('checks the avatar, the user and the slug; a user writes under one byline', async () => {
    expect(await createByline(input({ avatarMediaId: '999' }), actor, conn.db)).toMatchObject({ ok: false, field: 'avatarMediaId' });
    expect(await createByline(input({ userId: '999' }), actor, conn.db)).toMatchObject({ ok: false, field: 'userId' });
    const user = conn.sqlite.prepare(`INSERT INTO users (email, name, role) VALUES ('o@x.test', 'Olena', 'author') RETURNING id`).get() as { id: number };
    const created = await createByline(input({ userId: String(user.id) }), actor, conn.db);
    expect(created).toMatchObject({ ok: true });
    expect(await createByline(input({ slug: 'other', userId: String(user.id) }), actor, conn.db)).toMatchObject({ ok: false, field: 'userId' });
    expect(await createByline(input(), actor, conn.db)).toMatchObject({ ok: false, field: 'slug' });
    expect(all('SELECT name, slug, kind, job_title, user_id FROM bylines')).toEqual([
      { name: 'Olena Petrenko', slug: 'olena-petrenko', kind: 'person', job_title: 'Reporter', user_id: user.id },
    ]);
  });

  it('a new slug redirects the author page; delete is refused while an article carries it', async () => {
    const created = await createByline(input(), actor, conn.db);
    if (!created.ok) throw new Error(created.message);
    const updated = await updateByline(created.id, input({ name: 'The News Desk', slug: 'news-desk', kind: 'desk' }), actor, conn.db);
    expect(updated).toMatchObject({ ok: true, redirected: true });
    if (updated.ok) expect(updated.invalidates).toEqual(expect.arrayContaining([`byline:${created.id}`, 'article-lists', 'redirects']));
    expect(redirects()).toEqual([{ from_path: '/author/olena-petrenko', to_path: '/author/news-desk' }]);
    const s = await section('News');
    const a = article(s, 'bylined');
    conn.sqlite.prepare('INSERT INTO article_bylines (article_id, byline_id) VALUES (?, ?)').run(a, created.id);
    expect(await deleteByline(created.id, actor, conn.db)).toMatchObject({ ok: false, reason: 'in_use' });
    conn.sqlite.prepare('DELETE FROM article_bylines').run();
    expect(await deleteByline(created.id, actor, conn.db)).toMatchObject({ ok: true });
    expect(audits()).toEqual(['byline.created', 'byline.updated', 'section.created', 'byline.deleted']);
  });
});
