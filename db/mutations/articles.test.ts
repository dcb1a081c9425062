import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleInputSchema, type ArticleInput } from '../../lib/validation/article';

// The mutations use the app's shared connection: point it at a fresh data dir
// before anything opens it.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-mutations-'));
process.env.GAZETTE_DATA_DIR = dir;

const { getConnection } = await import('../client');
const { addArticleNote, createArticle, transitionArticle, updateArticle } = await import('./articles');
const { publishDueArticles } = await import('./scheduled');

const { sqlite } = getConnection();
const actor = { id: null, email: 'test@example.org', ip: '127.0.0.1' };
const one = <T>(sql: string, ...params: unknown[]) => sqlite.prepare(sql).get(...params) as T;
const count = (sql: string, ...params: unknown[]) => one<{ n: number }>(sql, ...params).n;

beforeAll(() => {
  sqlite.exec(`
    INSERT INTO sections (id, name, slug, position) VALUES (1, 'City', 'city', 0), (2, 'Politics', 'politics', 1);
    INSERT INTO tags (id, name, slug) VALUES (1, 'Transit', 'transit'), (2, 'Budget', 'budget'), (3, 'Night life', 'night-life');
    INSERT INTO bylines (id, name, slug) VALUES (1, 'Iryna Bondar', 'iryna-bondar'), (2, 'Nadia Okafor', 'nadia-okafor');
  `);
});

afterAll(() => {
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function input(overrides: Record<string, unknown> = {}): ArticleInput {
  return articleInputSchema.parse({
    title: 'Night buses return to four routes',
    dek: 'The pilot starts on Monday.',
    slug: 'night-buses-return',
    sectionId: 1,
    kind: 'news',
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Trams and buses will run later.' }] }] },
    bylineIds: [2, 1],
    tagIds: [1, 2],
    ...overrides,
  });
}

async function created(overrides: Record<string, unknown> = {}) {
  const result = await createArticle(input(overrides), actor);
  if (!result.ok) throw new Error(`create failed: ${JSON.stringify(result)}`);
  return result;
}

describe('createArticle', () => {
  it('saves the article, its ordered bylines and tags, a first revision and the search index together', async () => {
    const { id, version } = await created();
    expect(version).toBe(1);
    expect(one<{ status: string; word_count: number }>('SELECT status, word_count FROM articles WHERE id = ?', id)).toEqual({
      status: 'draft',
      word_count: 6,
    });
    expect(sqlite.prepare('SELECT byline_id FROM article_bylines WHERE article_id = ? ORDER BY position').pluck().all(id)).toEqual([2, 1]);
    expect(count('SELECT count(*) AS n FROM revisions WHERE article_id = ?', id)).toBe(1);
    expect(sqlite.prepare(`SELECT rowid FROM articles_fts WHERE articles_fts MATCH '"trams"'`).pluck().all()).toContain(id);
  });

  it('refuses a slug already used in the section, or a tag that does not exist, and writes nothing', async () => {
    const before = count('SELECT count(*) AS n FROM articles');
    expect(await createArticle(input(), actor)).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { slug: 'Another article in this section already uses this slug.' },
    });
    expect(await createArticle(input({ slug: 'fresh', tagIds: [99] }), actor)).toMatchObject({ ok: false, errors: { tagIds: expect.any(String) } });
    expect(count('SELECT count(*) AS n FROM articles')).toBe(before);
  });
});

describe('hero and social images', () => {
  const gone = 'That image is no longer in the media library: choose another.';
  const row = (id: number) =>
    one('SELECT title, hero_media_id AS hero, social_media_id AS social, version FROM articles WHERE id = ?', id);

  beforeAll(() => {
    sqlite.exec(`
      INSERT INTO media (id, file, original_name, mime_type, size, width, height, hash)
      VALUES (7, '2026/11/seven.jpg', 'seven.jpg', 'image/jpeg', 1000, 1600, 900, 'hash-seven');
    `);
  });

  it('refuses to create an article whose hero or social image is not in the library, and writes nothing', async () => {
    const before = count('SELECT count(*) AS n FROM articles');
    const revisionsBefore = count('SELECT count(*) AS n FROM revisions');
    expect(await createArticle(input({ slug: 'missing-hero', heroMediaId: 404 }), actor)).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { heroMediaId: gone },
    });
    expect(await createArticle(input({ slug: 'missing-social', socialMediaId: 405 }), actor)).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { socialMediaId: gone },
    });
    expect(count('SELECT count(*) AS n FROM articles')).toBe(before);
    expect(count('SELECT count(*) AS n FROM revisions')).toBe(revisionsBefore);
    expect(await created({ slug: 'real-images', heroMediaId: 7, socialMediaId: 7 })).toMatchObject({ ok: true });
  });

  it('refuses to save an edit pointing at a missing hero or social image, and changes no row', async () => {
    const { id } = await created({ slug: 'images-edit', heroMediaId: 7 });
    const saved = row(id);
    const revisionsBefore = count('SELECT count(*) AS n FROM revisions WHERE article_id = ?', id);
    expect(await updateArticle(id, 1, input({ slug: 'images-edit', title: 'Changed', heroMediaId: 404 }), actor)).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { heroMediaId: gone },
    });
    expect(await updateArticle(id, 1, input({ slug: 'images-edit', title: 'Changed', heroMediaId: 7, socialMediaId: 405 }), actor)).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { socialMediaId: gone },
    });
    expect(row(id)).toEqual(saved);
    expect(count('SELECT count(*) AS n FROM revisions WHERE article_id = ?', id)).toBe(revisionsBefore);
    expect(await updateArticle(id, 1, input({ slug: 'images-edit', socialMediaId: 7 }), actor)).toMatchObject({ ok: true, version: 2 });
  });
});

describe('updateArticle', () => {
  it('saves on the expected version and refuses a stale one without overwriting', async () => {
    const { id } = await created({ slug: 'lock-test' });
    const first = await updateArticle(id, 1, input({ slug: 'lock-test', title: 'First editor' }), actor);
    expect(first).toMatchObject({ ok: true, version: 2 });
    const second = await updateArticle(id, 1, input({ slug: 'lock-test', title: 'Second editor' }), actor);
    expect(second).toMatchObject({ ok: false, reason: 'conflict', current: { version: 2, snapshot: { title: 'First editor' } } });
    expect(one<{ title: string; version: number }>('SELECT title, version FROM articles WHERE id = ?', id)).toEqual({
      title: 'First editor',
      version: 2,
    });
    expect(count('SELECT count(*) AS n FROM revisions WHERE article_id = ?', id)).toBe(2);
  });
});

describe('publishing', () => {
  it('sets the first-published time once; only substantive updates move "Updated"', async () => {
    const { id } = await created({ slug: 'publish-test' });
    const t0 = new Date('2026-11-20T09:00:00Z');
    const published = await transitionArticle(id, 'published', actor, { now: t0 });
    expect(published).toMatchObject({ ok: true, status: 'published' });
    if (!published.ok) return;
    expect(published.invalidates).toEqual(expect.arrayContaining(['latest', `article:${id}`, 'section:1', 'tag-list:1', 'byline-list:2']));

    await updateArticle(id, published.version, input({ slug: 'publish-test', title: 'Typo fixed' }), actor, { now: new Date('2026-11-20T10:00:00Z') });
    expect(one<{ u: number }>('SELECT updated_at AS u FROM articles WHERE id = ?', id).u).toBe(t0.getTime());

    const v = one<{ version: number }>('SELECT version FROM articles WHERE id = ?', id).version;
    const later = new Date('2026-11-20T12:00:00Z');
    await updateArticle(id, v, input({ slug: 'publish-test', title: 'New figures' }), actor, { substantive: true, now: later });
    expect(one<{ p: number; u: number }>('SELECT published_at AS p, updated_at AS u FROM articles WHERE id = ?', id)).toEqual({
      p: t0.getTime(),
      u: later.getTime(),
    });

    expect((await transitionArticle(id, 'unpublished', actor)).ok).toBe(true);
    expect((await transitionArticle(id, 'published', actor)).ok).toBe(true);
    expect(one<{ p: number }>('SELECT published_at AS p FROM articles WHERE id = ?', id).p).toBe(t0.getTime());
    expect(count(`SELECT count(*) AS n FROM audit_log WHERE target_id = ? AND action = 'article.publish'`, String(id))).toBe(2);
  });

  it('leaves a redirect when a published article changes slug or section, without chains', async () => {
    const { id } = await created({ slug: 'old-name' });
    const p = await transitionArticle(id, 'published', actor);
    if (!p.ok) throw new Error('publish failed');
    const r1 = await updateArticle(id, p.version, input({ slug: 'new-name' }), actor);
    if (!r1.ok) throw new Error('update failed');
    expect(r1.invalidates).toContain('redirects');
    const r2 = await updateArticle(id, r1.version, input({ slug: 'new-name', sectionId: 2 }), actor);
    expect(r2.ok).toBe(true);
    const rows = sqlite.prepare('SELECT from_path, to_path FROM redirects ORDER BY from_path').all();
    expect(rows).toEqual([
      { from_path: '/city/new-name', to_path: '/politics/new-name' },
      { from_path: '/city/old-name', to_path: '/politics/new-name' },
    ]);
  });

  it('refuses moves the workflow does not have', async () => {
    const { id } = await created({ slug: 'workflow-test' });
    expect(await transitionArticle(id, 'unpublished', actor)).toEqual({
      ok: false,
      reason: 'refused',
      message: 'A draft article cannot become unpublished.',
    });
  });
});

describe('scheduling', () => {
  it('publishes due articles once, however often the scheduler runs', async () => {
    const { id } = await created({ slug: 'scheduled-test' });
    const now = new Date('2026-11-26T10:00:00Z');
    expect((await transitionArticle(id, 'scheduled', actor, { now, scheduledAt: new Date('2026-11-26T09:00:00Z') })).ok).toBe(false);
    expect((await transitionArticle(id, 'scheduled', actor, { now, scheduledAt: new Date('2026-11-26T11:00:00Z') })).ok).toBe(true);
    expect((await publishDueArticles(new Date('2026-11-26T10:59:00Z'))).published).toEqual([]);
    const run = await publishDueArticles(new Date('2026-11-26T11:00:30Z'));
    expect(run.published).toEqual([id]);
    expect(run.invalidates).toContain('latest');
    expect((await publishDueArticles(new Date('2026-11-26T11:01:00Z'))).published).toEqual([]);
    expect(one<{ status: string; p: number }>('SELECT status, published_at AS p FROM articles WHERE id = ?', id)).toEqual({
      status: 'published',
      p: new Date('2026-11-26T11:00:30Z').getTime(),
    });
  });
});

describe('the review desk', () => {
  it('keeps an incomplete draft but refuses to send it to review or publish it', async () => {
    const { id } = await created({ slug: 'no-byline-yet', bylineIds: [], body: { type: 'doc', content: [] } });
    const refused = await transitionArticle(id, 'in_review', actor);
    expect(refused).toMatchObject({
      ok: false,
      reason: 'refused',
      errors: { bylineIds: 'Add at least one byline.', body: 'Write the story before it goes out.' },
    });
    expect((await transitionArticle(id, 'published', actor)).ok).toBe(false);
    expect(one<{ status: string }>('SELECT status FROM articles WHERE id = ?', id).status).toBe('draft');
  });

  it('stores the assignee, deadline and internal notes with the submission, and revisions keep them', async () => {
    sqlite.prepare(`INSERT INTO users (id, email, name, role) VALUES (41, 'desk@example.org', 'Desk Editor', 'editor')`).run();
    const { id } = await created({ slug: 'for-review' });
    const deadline = new Date('2026-11-28T15:00:00Z');
    const result = await transitionArticle(id, 'in_review', actor, { review: { assigneeId: 41, deadline, notes: 'Check the figures.' } });
    expect(result).toMatchObject({ ok: true, status: 'in_review' });
    expect(one('SELECT assignee_id AS a, review_deadline AS d, internal_notes AS n FROM articles WHERE id = ?', id)).toEqual({
      a: 41,
      d: deadline.getTime(),
      n: 'Check the figures.',
    });
    const snapshot = JSON.parse(one<{ s: string }>('SELECT snapshot AS s FROM revisions WHERE article_id = ? ORDER BY id DESC', id).s);
    expect(snapshot).toMatchObject({ status: 'in_review', assigneeId: 41, internalNotes: 'Check the figures.' });
    expect(await transitionArticle(id, 'draft', actor, { review: { assigneeId: 999, deadline: null, notes: '' } })).toMatchObject({
      ok: false,
      reason: 'refused',
    });
  });

  it('names who made the save a stale editor did not know about', async () => {
    sqlite.prepare(`INSERT INTO users (id, email, name, role) VALUES (42, 'other@example.org', 'Olena Other', 'author')`).run();
    const { id } = await created({ slug: 'who-saved' });
    expect((await updateArticle(id, 1, input({ slug: 'who-saved', title: 'Theirs' }), { id: 42, email: null, ip: null })).ok).toBe(true);
    expect(await updateArticle(id, 1, input({ slug: 'who-saved', title: 'Mine' }), actor)).toMatchObject({
      ok: false,
      reason: 'conflict',
      current: { savedBy: 'Olena Other', snapshot: { title: 'Theirs' } },
    });
  });
});

describe('corrections and updates', () => {
  it('adds a typed note to a published article, moves "Updated" and keeps it in the revisions', async () => {
    const { id } = await created({ slug: 'noted' });
    const t0 = new Date('2026-11-21T09:00:00Z');
    const p = await transitionArticle(id, 'published', actor, { now: t0 });
    if (!p.ok) throw new Error('publish failed');
    const at = new Date('2026-11-21T11:30:00Z');
    const result = await addArticleNote(id, p.version, { kind: 'clarification', text: 'The route opens on Monday, not Sunday.' }, actor, at);
    expect(result).toMatchObject({ ok: true, version: p.version + 1 });
    if (!result.ok) return;
    expect(result.invalidates).toEqual(expect.arrayContaining([`article:${id}`, 'corrections', 'sitemaps']));
    const row = one<{ c: string; p: number; u: number }>('SELECT corrections AS c, published_at AS p, updated_at AS u FROM articles WHERE id = ?', id);
    expect(JSON.parse(row.c)).toEqual([{ at: at.toISOString(), kind: 'clarification', text: 'The route opens on Monday, not Sunday.' }]);
    expect(row.p).toBe(t0.getTime());
    expect(row.u).toBe(at.getTime());
    const snapshot = JSON.parse(one<{ s: string }>('SELECT snapshot AS s FROM revisions WHERE article_id = ? ORDER BY id DESC', id).s);
    expect(snapshot.corrections).toHaveLength(1);
    // A stale version is a conflict, and drafts take no notes.
    expect(await addArticleNote(id, p.version, { kind: 'update', text: 'x' }, actor)).toMatchObject({ ok: false, reason: 'conflict' });
    const draft = await created({ slug: 'draft-no-notes' });
    expect(await addArticleNote(draft.id, 1, { kind: 'update', text: 'x' }, actor)).toMatchObject({ ok: false, reason: 'invalid' });
  });
});

describe('usage rights', () => {
  const now = new Date('2026-12-02T10:00:00Z');
  let lapsed = 0;
  let endsFriday = 0;
  beforeAll(() => {
    const insert = sqlite.prepare(
      `INSERT INTO media (file, original_name, mime_type, size, width, height, alt, hash, rights_expire_at)
       VALUES (?, ?, 'image/jpeg', 1, 10, 10, ?, ?, ?) RETURNING id`,
    );
    lapsed = (insert.get('r/lapsed.jpg', 'lapsed.jpg', 'Mayor at the podium', 'h-lapsed', Date.parse('2026-12-01T00:00:00Z')) as { id: number }).id;
    endsFriday = (insert.get('r/friday.jpg', 'friday.jpg', '', 'h-friday', Date.parse('2026-12-04T00:00:00Z')) as { id: number }).id;
  });
  const withBodyImage = (mediaId: number) => ({
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Text.' }] }, { type: 'image', attrs: { mediaId } }],
  });

  it('refuses to publish with an expired hero, social or body image, naming the image', async () => {
    for (const [field, overrides] of [
      ['heroMediaId', { heroMediaId: lapsed }],
      ['socialMediaId', { socialMediaId: lapsed }],
      ['body', { body: withBodyImage(lapsed) }],
    ] as const) {
      const { id } = await created({ slug: `rights-${field.toLowerCase()}`, ...overrides });
      const refused = await transitionArticle(id, 'published', actor, { now });
      expect(refused).toMatchObject({ ok: false, reason: 'refused', errors: { [field]: expect.stringContaining('“Mayor at the podium”') } });
      expect(refused.ok === false && refused.reason === 'refused' && refused.message).toMatch(/expired on December 1, 2026/);
      expect(one<{ status: string }>('SELECT status FROM articles WHERE id = ?', id).status).toBe('draft');
    }
  });

  it('refuses a schedule for after the rights end, but not one before', async () => {
    const { id } = await created({ slug: 'rights-schedule', heroMediaId: endsFriday });
    const late = await transitionArticle(id, 'scheduled', actor, { now, scheduledAt: new Date('2026-12-05T08:00:00Z') });
    expect(late).toMatchObject({ ok: false, errors: { heroMediaId: expect.stringContaining('“friday.jpg” expire on') } });
    expect((await transitionArticle(id, 'scheduled', actor, { now, scheduledAt: new Date('2026-12-03T08:00:00Z') })).ok).toBe(true);
  });

  it('refuses the update of a live article that puts in an expired image, and takes it once replaced', async () => {
    const { id } = await created({ slug: 'rights-update' });
    const published = await transitionArticle(id, 'published', actor, { now });
    if (!published.ok) throw new Error(JSON.stringify(published));
    const refused = await updateArticle(id, published.version, input({ slug: 'rights-update', body: withBodyImage(lapsed) }), actor, { now });
    expect(refused).toMatchObject({ ok: false, reason: 'invalid', errors: { body: expect.stringContaining('Mayor at the podium') } });
    expect((await updateArticle(id, published.version, input({ slug: 'rights-update', heroMediaId: endsFriday }), actor, { now })).ok).toBe(true);
  });

  it('lets a draft keep an expired image while it is worked on', async () => {
    const { id, version } = await created({ slug: 'rights-draft' });
    expect((await updateArticle(id, version, input({ slug: 'rights-draft', heroMediaId: lapsed }), actor, { now })).ok).toBe(true);
  });
});

describe('approval', () => {
  async function approved(slug: string) {
    const { id } = await created({ slug });
    expect((await transitionArticle(id, 'in_review', actor)).ok).toBe(true);
    const result = await transitionArticle(id, 'approved', actor);
    if (!result.ok) throw new Error(JSON.stringify(result));
    return result;
  }

  it('approves an article in review, with an audit entry and a revision', async () => {
    const { id, status } = await approved('approve-me');
    expect(status).toBe('approved');
    expect(count(`SELECT count(*) AS n FROM audit_log WHERE action = 'article.approve' AND target_id = ?`, String(id))).toBe(1);
    expect(one<{ note: string }>('SELECT note FROM revisions WHERE article_id = ? ORDER BY id DESC LIMIT 1', id).note).toBe('Status: in_review → approved');
    expect((await transitionArticle(id, 'published', actor)).ok).toBe(true);
  });

  it('sends an approved article back to review when its content changes, and says so in the revision', async () => {
    const { id, version } = await approved('approve-then-edit');
    const saved = await updateArticle(id, version, input({ slug: 'approve-then-edit', title: 'Night buses return to five routes' }), actor);
    expect(saved).toMatchObject({ ok: true, status: 'in_review' });
    expect(one<{ status: string }>('SELECT status FROM articles WHERE id = ?', id).status).toBe('in_review');
    expect(one<{ note: string }>('SELECT note FROM revisions WHERE article_id = ? ORDER BY id DESC LIMIT 1', id).note).toMatch(/back to review/);
  });

  it('keeps the approval when a save changes nothing', async () => {
    const { id, version } = await approved('approve-then-resave');
    expect(await updateArticle(id, version, input({ slug: 'approve-then-resave' }), actor)).toMatchObject({ ok: true, status: 'approved' });
  });
});

describe('reasons in the audit log', () => {
  const lastAudit = (id: number, action: string) =>
    JSON.parse(one<{ d: string }>(`SELECT details AS d FROM audit_log WHERE target_id = ? AND action = ? ORDER BY id DESC LIMIT 1`, String(id), action).d) as Record<string, unknown>;

  it('records why an article was unpublished', async () => {
    const { id } = await created({ slug: 'reason-unpublish' });
    expect((await transitionArticle(id, 'published', actor)).ok).toBe(true);
    expect((await transitionArticle(id, 'unpublished', actor, { reason: 'Legal asked us to hold it' })).ok).toBe(true);
    expect(lastAudit(id, 'article.unpublish')).toMatchObject({ from: 'published', to: 'unpublished', reason: 'Legal asked us to hold it' });
  });

  it('records why a correction was added, and readers see only the note', async () => {
    const { id } = await created({ slug: 'reason-note' });
    const published = await transitionArticle(id, 'published', actor);
    if (!published.ok) throw new Error('publish failed');
    const noted = await addArticleNote(id, published.version, { kind: 'correction', text: 'The vote was 5–4.', reason: 'Reader email' }, actor);
    expect(noted.ok).toBe(true);
    expect(lastAudit(id, 'article.note_added')).toEqual({ kind: 'correction', text: 'The vote was 5–4.', reason: 'Reader email' });
    expect(JSON.parse(one<{ c: string }>('SELECT corrections AS c FROM articles WHERE id = ?', id).c)).toEqual([
      expect.not.objectContaining({ reason: expect.anything() }),
    ]);
  });
});
