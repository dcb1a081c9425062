import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { articleInputSchema } from '../../lib/validation/article';

// Outside Next, 'use cache' is inert; the cache calls are stubbed.
vi.mock('next/cache', () => ({ cacheTag: () => {}, cacheLife: () => {}, revalidateTag: () => {}, updateTag: () => {} }));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-trash-'));
process.env.GAZETTE_DATA_DIR = dir;

const { getConnection } = await import('../client');
const { createArticle, transitionArticle } = await import('./articles');
const { deleteArticle, restoreArticle, decideRestoredStatus } = await import('./article-trash');
const { publishDueArticles } = await import('./scheduled');
const reader = await import('../queries/articles');

const { sqlite } = getConnection();
const actor = { id: null, email: 'desk@example.org', ip: '127.0.0.1' };
const row = (id: number) =>
  sqlite.prepare('SELECT status, deleted_at AS deletedAt, version, scheduled_at AS scheduledAt FROM articles WHERE id = ?').get(id) as {
    status: string;
    deletedAt: number | null;
    version: number;
    scheduledAt: number | null;
  };

beforeAll(() => {
  sqlite.exec(`
    INSERT INTO sections (id, name, slug, position) VALUES (1, 'City', 'city', 0);
    INSERT INTO tags (id, name, slug) VALUES (1, 'Transit', 'transit');
    INSERT INTO bylines (id, name, slug) VALUES (1, 'Iryna Bondar', 'iryna-bondar');
  `);
});

afterAll(() => {
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function article(slug: string, status: 'draft' | 'published' | 'scheduled' = 'draft', now = new Date()): Promise<number> {
  const result = await createArticle(
    articleInputSchema.parse({
      title: `Story ${slug}`,
      slug,
      sectionId: 1,
      kind: 'news',
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Text.' }] }] },
      bylineIds: [1],
      tagIds: [1],
    }),
    actor,
  );
  if (!result.ok) throw new Error(JSON.stringify(result));
  if (status === 'published') await transitionArticle(result.id, 'published', actor, { now });
  if (status === 'scheduled') await transitionArticle(result.id, 'scheduled', actor, { now, scheduledAt: new Date(now.getTime() + 60_000) });
  return result.id;
}

describe('deleteArticle', () => {
  it('takes a published article off every public page, audits it, and names the tags to refresh', async () => {
    const id = await article('to-delete', 'published');
    expect(await reader.getPublishedArticle('city', 'to-delete')).not.toBeNull();
    const version = row(id).version;
    const result = await deleteArticle(id, actor, version);
    expect(result).toMatchObject({ ok: true, status: 'published', version: version + 1 });
    if (!result.ok) return;
    expect(result.invalidates).toEqual(
      expect.arrayContaining(['latest', `article:${id}`, 'section:1', 'tag-list:1', 'byline-list:1', 'corrections']),
    );
    expect(row(id).deletedAt).not.toBeNull();
    // The row keeps its status for the record; readers never see it.
    expect(row(id).status).toBe('published');
    expect(await reader.getPublishedArticle('city', 'to-delete')).toBeNull();
    expect((await reader.listLatestArticles({ limit: 100 })).map((a) => a.id)).not.toContain(id);
    expect((await reader.listSectionArticles({ sectionId: 1, limit: 100 })).map((a) => a.id)).not.toContain(id);
    const audit = sqlite.prepare(`SELECT action, target_type AS t, actor_email AS e FROM audit_log WHERE target_id = ? ORDER BY id DESC`).get(String(id));
    expect(audit).toEqual({ action: 'article.delete', t: 'article', e: 'desk@example.org' });
  });

  it('refuses a stale version and a second delete, changing nothing', async () => {
    const id = await article('stale-delete');
    const { version } = row(id);
    expect(await deleteArticle(id, actor, version - 1)).toEqual({ ok: false, reason: 'conflict' });
    expect(row(id).deletedAt).toBeNull();
    expect((await deleteArticle(id, actor)).ok).toBe(true);
    expect(await deleteArticle(id, actor)).toEqual({ ok: false, reason: 'already_deleted' });
    expect(await deleteArticle(999_999, actor)).toEqual({ ok: false, reason: 'not_found' });
  });

  it('keeps a deleted scheduled article from going live', async () => {
    const now = new Date('2030-01-01T10:00:00Z');
    const id = await article('scheduled-then-deleted', 'scheduled', now);
    expect((await deleteArticle(id, actor)).ok).toBe(true);
    const run = await publishDueArticles(new Date('2030-01-01T10:05:00Z'));
    expect(run.published).not.toContain(id);
    expect(run.failed.map((f) => f.articleId)).not.toContain(id);
    expect(row(id).status).toBe('scheduled');
  });
});

describe('restoreArticle', () => {
  it('never brings an article back in public: published returns unpublished, scheduled returns a draft', async () => {
    expect(decideRestoredStatus('published')).toBe('unpublished');
    expect(decideRestoredStatus('scheduled')).toBe('draft');
    expect(decideRestoredStatus('in_review')).toBe('in_review');
    const id = await article('restore-me', 'published');
    await deleteArticle(id, actor);
    const result = await restoreArticle(id, actor);
    expect(result).toMatchObject({ ok: true, status: 'unpublished' });
    expect(row(id)).toMatchObject({ status: 'unpublished', deletedAt: null });
    expect(await reader.getPublishedArticle('city', 'restore-me')).toBeNull();
    expect(sqlite.prepare(`SELECT details FROM audit_log WHERE action = 'article.restore' AND target_id = ?`).pluck().get(String(id))).toContain(
      '"to":"unpublished"',
    );

    const scheduled = await article('restore-scheduled', 'scheduled', new Date('2030-02-01T10:00:00Z'));
    await deleteArticle(scheduled, actor);
    expect(await restoreArticle(scheduled, actor)).toMatchObject({ ok: true, status: 'draft' });
    expect(row(scheduled)).toMatchObject({ status: 'draft', scheduledAt: null });
  });

  it('refuses an article that is not deleted', async () => {
    const id = await article('not-deleted');
    expect(await restoreArticle(id, actor)).toEqual({ ok: false, reason: 'not_deleted' });
  });
});
