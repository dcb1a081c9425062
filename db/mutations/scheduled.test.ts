import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleInputSchema } from '../../lib/validation/article';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-scheduled-'));
process.env.GAZETTE_DATA_DIR = dir;

const { getConnection } = await import('../client');
const { createArticle, transitionArticle } = await import('./articles');
const { publishDueArticles, decideUnpublishable } = await import('./scheduled');

const { sqlite } = getConnection();
const actor = { id: null, email: 'desk@example.org', ip: null };
const status = (id: number) => sqlite.prepare('SELECT status FROM articles WHERE id = ?').pluck().get(id);
const stored = () => JSON.parse(sqlite.prepare(`SELECT value FROM settings WHERE key = 'scheduler'`).pluck().get() as string);

beforeAll(() => {
  sqlite.exec(`INSERT INTO sections (id, name, slug, position) VALUES (1, 'City', 'city', 0);
    INSERT INTO bylines (id, name, slug) VALUES (1, 'Iryna Bondar', 'iryna-bondar');`);
});

afterAll(() => {
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function scheduled(slug: string, at: Date): Promise<number> {
  const result = await createArticle(
    articleInputSchema.parse({
      title: `Story ${slug}`,
      slug,
      sectionId: 1,
      kind: 'news',
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Text.' }] }] },
      bylineIds: [1],
      tagIds: [],
    }),
    actor,
  );
  if (!result.ok) throw new Error(JSON.stringify(result));
  const moved = await transitionArticle(result.id, 'scheduled', actor, { now: new Date(at.getTime() - 60_000), scheduledAt: at });
  if (!moved.ok) throw new Error(JSON.stringify(moved));
  return result.id;
}

describe('publishDueArticles', () => {
  it('publishes what fell due while the server was down, records the run, and records what it could not publish', async () => {
    const long = await scheduled('fell-due-last-week', new Date('2026-11-19T08:00:00Z'));
    const broken = await scheduled('broken-address', new Date('2026-11-26T09:00:00Z'));
    const future = await scheduled('next-week', new Date('2026-12-03T09:00:00Z'));
    // Its slug became unusable behind the editor's back (a hand edit, an import).
    sqlite.prepare(`UPDATE articles SET slug = 'rss.xml' WHERE id = ?`).run(broken);

    const first = new Date('2026-11-26T10:00:00Z');
    const run = await publishDueArticles(first);
    expect(run.published).toEqual([long]);
    expect(run.invalidates).toContain('latest');
    expect(run.failed).toEqual([
      expect.objectContaining({ articleId: broken, title: 'Story broken-address', reason: expect.stringContaining('rss.xml') }),
    ]);
    expect(status(long)).toBe('published');
    expect(status(broken)).toBe('scheduled');
    expect(status(future)).toBe('scheduled');
    expect(stored()).toMatchObject({
      lastRunAt: first.toISOString(),
      lastPublishedIds: [long],
      failures: [{ articleId: broken, since: first.toISOString() }],
    });

    // Tried again on every run, keeping when the failure began; gone once fixed.
    const second = new Date('2026-11-26T10:00:15Z');
    expect((await publishDueArticles(second)).failed).toEqual([expect.objectContaining({ articleId: broken, since: first.toISOString(), lastTriedAt: second.toISOString() })]);
    sqlite.prepare(`UPDATE articles SET slug = 'fixed-address' WHERE id = ?`).run(broken);
    const third = await publishDueArticles(new Date('2026-11-26T10:00:30Z'));
    expect(third).toMatchObject({ published: [broken], failed: [] });
    expect(stored().failures).toEqual([]);
    // Idempotent.
    expect((await publishDueArticles(new Date('2026-11-26T10:00:45Z'))).published).toEqual([]);
  });

  it('explains each reason an article cannot go live', () => {
    const ok = { id: 1, title: 'T', slug: 'fine', sectionSlug: 'city' };
    expect(decideUnpublishable(ok)).toBeNull();
    expect(decideUnpublishable({ ...ok, sectionSlug: null })).toMatch(/section no longer exists/);
    expect(decideUnpublishable({ ...ok, sectionSlug: 'admin' })).toMatch(/reserved/);
    expect(decideUnpublishable({ ...ok, title: '  ' })).toMatch(/headline/);
  });
});

describe('publishDueArticles and usage rights', () => {
  it('leaves a due article with an expired image scheduled, lists why on the dashboard and audits it once', async () => {
    const image = sqlite
      .prepare(
        `INSERT INTO media (file, original_name, mime_type, size, width, height, alt, hash, rights_expire_at)
         VALUES ('r/x.jpg', 'x.jpg', 'image/jpeg', 1, 10, 10, 'Harbour at dawn', 'h-x', ?) RETURNING id`,
      )
      .pluck()
      .get(Date.parse('2026-11-27T12:00:00Z')) as number;
    // Scheduled while the rights still held; they ran out before its time came.
    const id = await scheduled('rights-lapse-before-due', new Date('2026-11-27T10:00:00Z'));
    sqlite.prepare('UPDATE articles SET hero_media_id = ?, scheduled_at = ? WHERE id = ?').run(image, Date.parse('2026-11-27T13:00:00Z'), id);

    const run = await publishDueArticles(new Date('2026-11-27T13:00:05Z'));
    expect(run.published).not.toContain(id);
    expect(status(id)).toBe('scheduled');
    expect(run.failed).toEqual([expect.objectContaining({ articleId: id, reason: expect.stringContaining('“Harbour at dawn”') })]);
    await publishDueArticles(new Date('2026-11-27T13:00:20Z'));
    const audited = sqlite
      .prepare(`SELECT actor_email, details FROM audit_log WHERE action = 'article.publish_failed' AND target_id = ?`)
      .all(String(id)) as { actor_email: string; details: string }[];
    expect(audited).toHaveLength(1);
    expect(audited[0]!.actor_email).toBe('scheduler');
    expect(JSON.parse(audited[0]!.details).reason).toMatch(/hero image “Harbour at dawn” expired/);
  });
});
