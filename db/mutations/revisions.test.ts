import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleInputSchema, type ArticleInput } from '../../lib/validation/article';

// The mutations use the app's shared connection: point it at a fresh data dir first.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-revisions-'));
process.env.GAZETTE_DATA_DIR = dir;

const { getConnection } = await import('../client');
const { createArticle, transitionArticle, updateArticle } = await import('./articles');
const { describeDropped, restoreRevision } = await import('./revisions');
const { getRevisionLookups, getRevisionSnapshots, listRevisions } = await import('../queries/revisions');

const { sqlite } = getConnection();
const one = <T>(sql: string, ...params: unknown[]) => sqlite.prepare(sql).get(...params) as T;
const all = <T>(sql: string, ...params: unknown[]) => sqlite.prepare(sql).all(...params) as T[];
let editor: { id: number; email: string; ip: string };

beforeAll(() => {
  sqlite.exec(`
    INSERT INTO users (id, email, name, role) VALUES (1, 'ed@example.org', 'Olena Editor', 'editor');
    INSERT INTO sections (id, name, slug, position) VALUES (1, 'City', 'city', 0), (2, 'Politics', 'politics', 1);
    INSERT INTO tags (id, name, slug) VALUES (1, 'Transit', 'transit'), (2, 'Budget', 'budget'), (3, 'Night life', 'night-life');
    INSERT INTO bylines (id, name, slug) VALUES (1, 'Iryna Bondar', 'iryna-bondar'), (2, 'Nadia Okafor', 'nadia-okafor');
    INSERT INTO media (id, file, original_name, mime_type, size, width, height, alt, hash)
      VALUES (7, '2026/03/a.jpg', 'depot.jpg', 'image/jpeg', 10, 800, 600, 'Tram depot', 'h7'),
             (8, '2026/03/b.jpg', 'chamber.jpg', 'image/jpeg', 10, 800, 600, '', 'h8');
  `);
  editor = { id: 1, email: 'ed@example.org', ip: '127.0.0.1' };
});

afterAll(() => {
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

function input(overrides: Record<string, unknown> = {}): ArticleInput {
  return articleInputSchema.parse({
    title: 'Night buses return',
    dek: 'The pilot starts on Monday.',
    slug: 'night-buses',
    sectionId: 1,
    kind: 'news',
    body: { type: 'doc', content: [para('Trams will run later.')] },
    bylineIds: [1],
    tagIds: [1, 2],
    heroMediaId: 7,
    heroCredit: 'Anna Lys/Gazette',
    ...overrides,
  });
}

async function arrange(slug: string) {
  const created = await createArticle(input({ slug }), editor);
  if (!created.ok) throw new Error(JSON.stringify(created));
  const edited = await updateArticle(
    created.id,
    created.version,
    input({ slug, title: 'Night trams return', tagIds: [3], heroCredit: 'Reuters', body: { type: 'doc', content: [para('Trams will run much later.')] } }),
    editor,
  );
  if (!edited.ok) throw new Error(JSON.stringify(edited));
  const revs = all<{ id: number; version: number }>('SELECT id, version FROM revisions WHERE article_id = ? ORDER BY version', created.id);
  return { id: created.id, version: edited.version, first: revs[0]!, second: revs[1]! };
}

describe('restoreRevision', () => {
  it("saves a draft's old content as a new revision, keeping the address, and audits it", async () => {
    const a = await arrange('restore-basic');
    const moved = await updateArticle(a.id, a.version, input({ slug: 'restore-basic-moved', title: 'Night trams return' }), editor);
    if (!moved.ok) throw new Error('rename failed');

    const result = await restoreRevision(a.id, a.first.id, moved.version, editor);
    expect(result).toMatchObject({ ok: true, id: a.id, version: moved.version + 1, restoredVersion: 1, pending: false });
    if (!result.ok) return;
    expect(result.dropped).toEqual({ tagIds: [], bylineIds: [], mediaIds: [], relatedIds: [] });

    const row = one<{ title: string; slug: string; status: string; hero_credit: string; body_text: string; version: number }>(
      'SELECT title, slug, status, hero_credit, body_text, version FROM articles WHERE id = ?',
      a.id,
    );
    expect(row).toMatchObject({ title: 'Night buses return', slug: 'restore-basic-moved', status: 'draft', hero_credit: 'Anna Lys/Gazette', body_text: 'Trams will run later.' });
    expect(all<{ tag_id: number }>('SELECT tag_id FROM article_tags WHERE article_id = ? ORDER BY position', a.id).map((r) => r.tag_id)).toEqual([1, 2]);

    const newest = one<{ note: string; version: number; user_id: number }>(
      'SELECT note, version, user_id FROM revisions WHERE article_id = ? ORDER BY id DESC LIMIT 1',
      a.id,
    );
    expect(newest).toEqual({ note: 'Restored revision 1', version: result.version, user_id: 1 });
    const audit = one<{ action: string; actor_id: number; details: string }>(
      `SELECT action, actor_id, details FROM audit_log WHERE action = 'article.revision_restored' AND target_id = ?`,
      String(a.id),
    );
    expect(audit.actor_id).toBe(1);
    expect(JSON.parse(audit.details)).toMatchObject({ revisionId: a.first.id, restoredVersion: 1, newVersion: result.version, pending: false });
  });

  it('restores the address too only when asked', async () => {
    const a = await arrange('restore-address');
    const moved = await updateArticle(a.id, a.version, input({ slug: 'restore-address-moved', sectionId: 2 }), editor);
    if (!moved.ok) throw new Error('move failed');
    const result = await restoreRevision(a.id, a.first.id, moved.version, editor, { restoreAddress: true });
    expect(result).toMatchObject({ ok: true, pending: false });
    expect(one('SELECT slug, section_id AS sectionId FROM articles WHERE id = ?', a.id)).toEqual({ slug: 'restore-address', sectionId: 1 });
  });

  it('puts a live article\'s old content into its pending changes: nothing public changes', async () => {
    const a = await arrange('restore-live');
    const published = await transitionArticle(a.id, 'published', editor);
    if (!published.ok) throw new Error('publish failed');
    const revisionsBefore = one<{ n: number }>('SELECT count(*) AS n FROM revisions WHERE article_id = ?', a.id).n;
    const liveBefore = one('SELECT title, slug, body_text, version, modified_at FROM articles WHERE id = ?', a.id);

    const now = new Date('2026-12-02T09:00:00Z');
    const result = await restoreRevision(a.id, a.first.id, published.version, editor, { now });
    expect(result).toMatchObject({ ok: true, pending: true, version: published.version, restoredVersion: 1, invalidates: [] });
    expect(one('SELECT title, slug, body_text, version, modified_at FROM articles WHERE id = ?', a.id)).toEqual(liveBefore);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM revisions WHERE article_id = ?', a.id).n).toBe(revisionsBefore);

    const copy = one<{ base_version: number; revision: number; content: string; saved_by: number; saved_at: number; note: string }>(
      'SELECT base_version, revision, content, saved_by, saved_at, note FROM article_working_copies WHERE article_id = ?',
      a.id,
    );
    expect(copy).toMatchObject({ base_version: published.version, revision: 1, saved_by: 1, saved_at: now.getTime(), note: 'Restored revision 1' });
    // The old words, at the address readers know now.
    expect(JSON.parse(copy.content)).toMatchObject({ title: 'Night buses return', slug: 'restore-live', tagIds: [1, 2], heroCredit: 'Anna Lys/Gazette' });
    const audit = one<{ details: string }>(
      `SELECT details FROM audit_log WHERE action = 'article.revision_restored' AND target_id = ? ORDER BY id DESC LIMIT 1`,
      String(a.id),
    );
    expect(JSON.parse(audit.details)).toMatchObject({ pending: true, newVersion: published.version });

    // Update applies them in one save and clears them.
    const updated = await updateArticle(a.id, published.version, articleInputSchema.parse(JSON.parse(copy.content)), editor);
    expect(updated).toMatchObject({ ok: true, version: published.version + 1 });
    expect(one<{ title: string }>('SELECT title FROM articles WHERE id = ?', a.id).title).toBe('Night buses return');
    expect(one<{ n: number }>('SELECT count(*) AS n FROM article_working_copies WHERE article_id = ?', a.id).n).toBe(0);
  });

  it("refuses to replace a live article's pending changes, which are nobody's revision yet", async () => {
    const a = await arrange('restore-over-pending');
    const published = await transitionArticle(a.id, 'published', editor);
    if (!published.ok) throw new Error('publish failed');
    const at = new Date('2026-12-02T08:00:00Z');
    const first = await restoreRevision(a.id, a.first.id, published.version, editor, { now: at });
    expect(first).toMatchObject({ ok: true, pending: true });
    const again = await restoreRevision(a.id, a.second.id, published.version, editor);
    expect(again).toEqual({ ok: false, reason: 'pending_changes', savedBy: 'Olena Editor', savedAt: at.toISOString() });
    const copy = one<{ revision: number; content: string }>('SELECT revision, content FROM article_working_copies WHERE article_id = ?', a.id);
    expect(copy.revision).toBe(1);
    expect(JSON.parse(copy.content).title).toBe('Night buses return');
  });

  it('refuses a stale restore of a live article and leaves its pending changes alone', async () => {
    const a = await arrange('restore-live-stale');
    const published = await transitionArticle(a.id, 'scheduled', editor, { scheduledAt: new Date(Date.now() + 86_400_000) });
    if (!published.ok) throw new Error('schedule failed');
    const result = await restoreRevision(a.id, a.first.id, published.version - 1, editor);
    expect(result).toMatchObject({ ok: false, reason: 'conflict', current: { version: published.version } });
    expect(one<{ n: number }>('SELECT count(*) AS n FROM article_working_copies WHERE article_id = ?', a.id).n).toBe(0);
  });

  it('keeps the public correction notes and the review fields as they are now', async () => {
    const a = await arrange('restore-notes');
    const notes = [{ at: '2026-03-02T08:00:00.000Z', kind: 'correction', text: 'The route number was wrong.' }];
    sqlite.prepare(`UPDATE articles SET corrections = ?, internal_notes = 'Check twice' WHERE id = ?`).run(JSON.stringify(notes), a.id);
    sqlite
      .prepare(`UPDATE revisions SET snapshot = json_set(snapshot, '$.corrections', json('[]'), '$.internalNotes', 'old') WHERE id = ?`)
      .run(a.first.id);
    expect((await restoreRevision(a.id, a.first.id, a.version, editor)).ok).toBe(true);
    const row = one<{ corrections: string; internal_notes: string }>('SELECT corrections, internal_notes FROM articles WHERE id = ?', a.id);
    expect(JSON.parse(row.corrections)).toEqual(notes);
    expect(row.internal_notes).toBe('Check twice');
  });

  it('does not publish a draft when restoring a published version', async () => {
    const a = await arrange('restore-draft');
    const published = await transitionArticle(a.id, 'published', editor);
    if (!published.ok) throw new Error('publish failed');
    const unpublished = await transitionArticle(a.id, 'unpublished', editor);
    if (!unpublished.ok) throw new Error('unpublish failed');
    const publishedRevision = one<{ id: number }>(
      `SELECT id FROM revisions WHERE article_id = ? AND json_extract(snapshot, '$.status') = 'published'`,
      a.id,
    );
    const result = await restoreRevision(a.id, publishedRevision.id, unpublished.version, editor);
    expect(result.ok).toBe(true);
    expect(one<{ status: string }>('SELECT status FROM articles WHERE id = ?', a.id).status).toBe('unpublished');
  });

  it('refuses on a stale version and changes nothing', async () => {
    const a = await arrange('restore-stale');
    const result = await restoreRevision(a.id, a.first.id, a.version - 1, editor);
    expect(result).toMatchObject({ ok: false, reason: 'conflict', current: { version: a.version } });
    expect(one<{ title: string }>('SELECT title FROM articles WHERE id = ?', a.id).title).toBe('Night trams return');
    expect(one<{ n: number }>('SELECT count(*) AS n FROM revisions WHERE article_id = ?', a.id).n).toBe(2);
    expect(
      one<{ n: number }>(`SELECT count(*) AS n FROM audit_log WHERE action = 'article.revision_restored' AND target_id = ?`, String(a.id)).n,
    ).toBe(0);
  });

  it("refuses another article's revision, an unknown one and a deleted article", async () => {
    const a = await arrange('restore-mine');
    const b = await arrange('restore-theirs');
    expect(await restoreRevision(a.id, b.first.id, a.version, editor)).toEqual({ ok: false, reason: 'not_found' });
    expect(await restoreRevision(a.id, 999_999, a.version, editor)).toEqual({ ok: false, reason: 'not_found' });
    sqlite.prepare('UPDATE articles SET deleted_at = 1 WHERE id = ?').run(b.id);
    expect(await restoreRevision(b.id, b.first.id, b.version, editor)).toEqual({ ok: false, reason: 'not_found' });
  });

  it('leaves out tags, bylines and images deleted since, and says so', async () => {
    sqlite.exec(`
      INSERT INTO tags (id, name, slug) VALUES (50, 'Short-lived', 'short-lived');
      INSERT INTO bylines (id, name, slug) VALUES (50, 'Guest Writer', 'guest-writer');
      INSERT INTO media (id, file, original_name, mime_type, size, width, height, hash)
        VALUES (50, '2026/03/gone.jpg', 'gone.jpg', 'image/jpeg', 10, 800, 600, 'h50');
    `);
    const created = await createArticle(
      input({
        slug: 'restore-dropped',
        tagIds: [50, 1],
        bylineIds: [50, 2],
        heroMediaId: 50,
        socialMediaId: 50,
        body: { type: 'doc', content: [para('Before.'), { type: 'image', attrs: { mediaId: 50, alt: 'Gone' } }, { type: 'image', attrs: { mediaId: 7, alt: 'Depot' } }] },
      }),
      editor,
    );
    if (!created.ok) throw new Error(JSON.stringify(created));
    const edited = await updateArticle(created.id, created.version, input({ slug: 'restore-dropped', heroMediaId: 7 }), editor);
    if (!edited.ok) throw new Error('edit failed');
    sqlite.exec(`DELETE FROM article_tags WHERE tag_id = 50; DELETE FROM tags WHERE id = 50;
                 DELETE FROM bylines WHERE id = 50; DELETE FROM media WHERE id = 50;`);
    const first = one<{ id: number }>('SELECT id FROM revisions WHERE article_id = ? AND version = 1', created.id);

    const result = await restoreRevision(created.id, first.id, edited.version, editor);
    expect(result).toMatchObject({ ok: true, dropped: { tagIds: [50], bylineIds: [50], mediaIds: [50] } });
    if (!result.ok) return;
    expect(describeDropped(result.dropped)).toBe('Left out because they no longer exist: 1 tag, 1 byline, 1 image.');
    const row = one<{ hero_media_id: number | null; social_media_id: number | null; body: string }>(
      'SELECT hero_media_id, social_media_id, body FROM articles WHERE id = ?',
      created.id,
    );
    expect(row.hero_media_id).toBeNull();
    expect(row.social_media_id).toBeNull();
    expect(JSON.parse(row.body).content.filter((b: { type: string }) => b.type === 'image')).toEqual([
      { type: 'image', attrs: { mediaId: 7, alt: 'Depot' } },
    ]);
    expect(all<{ tag_id: number }>('SELECT tag_id FROM article_tags WHERE article_id = ?', created.id).map((r) => r.tag_id)).toEqual([1]);
    expect(all<{ byline_id: number }>('SELECT byline_id FROM article_bylines WHERE article_id = ?', created.id).map((r) => r.byline_id)).toEqual([2]);
  });

  it('returns the slug clash as a validation error when another article took the old slug', async () => {
    const a = await arrange('clash-old');
    const renamed = await updateArticle(a.id, a.version, input({ slug: 'clash-new' }), editor);
    if (!renamed.ok) throw new Error('rename failed');
    const squatter = await createArticle(input({ slug: 'clash-old' }), editor);
    expect(squatter.ok).toBe(true);
    const result = await restoreRevision(a.id, a.first.id, renamed.version, editor, { restoreAddress: true });
    expect(result).toEqual({ ok: false, reason: 'invalid', errors: { slug: 'Another article in this section already uses this slug.' } });
    expect(one<{ slug: string }>('SELECT slug FROM articles WHERE id = ?', a.id).slug).toBe('clash-new');
  });

  it('explains when nothing was left out', () => {
    expect(describeDropped({ tagIds: [], bylineIds: [], mediaIds: [] })).toBeNull();
    expect(describeDropped({ tagIds: [1, 2], bylineIds: [], mediaIds: [] })).toBe('Left out because they no longer exist: 2 tags.');
  });
});

describe('revision queries', () => {
  it('lists revisions newest first with who saved them, and reads snapshots of this article only', async () => {
    const a = await arrange('queries');
    const other = await arrange('queries-other');
    const list = await listRevisions(a.id);
    expect(list.map((r) => r.version)).toEqual([2, 1]);
    expect(list[0]).toMatchObject({ note: 'Saved', userName: 'Olena Editor', userEmail: 'ed@example.org' });
    expect(list[1]!.note).toBe('Created');
    expect(list[0]!.createdAt).toBeInstanceOf(Date);

    const snaps = await getRevisionSnapshots(a.id, [a.first.id, a.second.id, other.first.id]);
    expect([...snaps.keys()].sort()).toEqual([a.first.id, a.second.id].sort());
    expect(snaps.get(a.first.id)!.snapshot).toMatchObject({ title: 'Night buses return', tagIds: [1, 2] });

    const lookups = await getRevisionLookups([...snaps.values()].map((s) => s.snapshot));
    expect(lookups).toEqual({
      sections: { 1: 'City' },
      tags: { 1: 'Transit', 2: 'Budget', 3: 'Night life' },
      bylines: { 1: 'Iryna Bondar' },
      media: { 7: 'Tram depot' },
      users: {},
      articles: {},
    });
  });
});
