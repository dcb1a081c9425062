import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleInputSchema, type ArticleInput } from '../../lib/validation/article';

// The mutations use the app's shared connection: point it at a fresh data dir first.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-working-copies-'));
process.env.GAZETTE_DATA_DIR = dir;

const { getConnection } = await import('../client');
const { addArticleNote, createArticle, transitionArticle, updateArticle } = await import('./articles');
const { discardWorkingCopy, saveWorkingCopy } = await import('./working-copies');
const { getArticleForEditor } = await import('../queries/editor');

const { sqlite } = getConnection();
const one = <T>(sql: string, ...params: unknown[]) => sqlite.prepare(sql).get(...params) as T;
const anna = { id: 1, email: 'anna@example.org', ip: '127.0.0.1' };
const bohdan = { id: 2, email: 'bohdan@example.org', ip: '127.0.0.1' };

beforeAll(() => {
  sqlite.exec(`
    INSERT INTO users (id, email, name, role) VALUES (1, 'anna@example.org', 'Anna Editor', 'editor'), (2, 'bohdan@example.org', 'Bohdan Editor', 'editor');
    INSERT INTO sections (id, name, slug, position) VALUES (1, 'City', 'city', 0);
    INSERT INTO tags (id, name, slug) VALUES (1, 'Transit', 'transit'), (2, 'Budget', 'budget');
    INSERT INTO bylines (id, name, slug) VALUES (1, 'Iryna Bondar', 'iryna-bondar');
  `);
});

afterAll(() => {
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

function input(overrides: Record<string, unknown> = {}): ArticleInput {
  return articleInputSchema.parse({
    title: 'Night buses return',
    slug: 'night-buses',
    sectionId: 1,
    kind: 'news',
    body: { type: 'doc', content: [para('Trams will run later.')] },
    bylineIds: [1],
    tagIds: [1],
    ...overrides,
  });
}

async function livePiece(slug: string) {
  const created = await createArticle(input({ slug }), anna);
  if (!created.ok) throw new Error(JSON.stringify(created));
  const live = await transitionArticle(created.id, 'published', anna);
  if (!live.ok) throw new Error(JSON.stringify(live));
  return { id: created.id, version: live.version };
}

const row = (id: number) => one<{ title: string; version: number }>('SELECT title, version FROM articles WHERE id = ?', id);
const copies = (id: number) => one<{ n: number }>('SELECT count(*) AS n FROM article_working_copies WHERE article_id = ?', id).n;

describe('pending changes of a live article', () => {
  it('are saved beside the live article, seen by the next editor with who and when, and change nothing public', async () => {
    const a = await livePiece('pending-seen');
    const at = new Date('2026-12-02T09:15:00Z');
    const saved = await saveWorkingCopy(a.id, { revision: null, baseVersion: a.version, content: input({ slug: 'pending-seen', title: 'Night buses are back', tagIds: [2, 1] }) }, anna, at);
    expect(saved).toEqual({ ok: true, id: a.id, revision: 1, baseVersion: a.version, invalidates: [] });
    expect(row(a.id)).toEqual({ title: 'Night buses return', version: a.version });

    const opened = await getArticleForEditor(a.id);
    expect(opened).toMatchObject({ title: 'Night buses return', version: a.version });
    expect(opened?.pending).toMatchObject({
      revision: 1,
      baseVersion: a.version,
      savedBy: 'Anna Editor',
      savedAt: at.toISOString(),
      content: { title: 'Night buses are back', tags: [{ id: 2, name: 'Budget' }, { id: 1, name: 'Transit' }], bylines: [{ id: 1, name: 'Iryna Bondar' }] },
    });

    // Bohdan carries on from them on another device.
    const next = await saveWorkingCopy(a.id, { revision: 1, baseVersion: a.version, content: input({ slug: 'pending-seen', title: 'Night buses are back at last' }) }, bohdan);
    expect(next).toMatchObject({ ok: true, revision: 2 });
    expect((await getArticleForEditor(a.id))?.pending).toMatchObject({ revision: 2, savedBy: 'Bohdan Editor' });
  });

  it('refuse a save that did not see the latest pending changes, or is based on an older article', async () => {
    const a = await livePiece('pending-race');
    await saveWorkingCopy(a.id, { revision: null, baseVersion: a.version, content: input({ slug: 'pending-race', title: 'First' }) }, anna);
    const stale = await saveWorkingCopy(a.id, { revision: null, baseVersion: a.version, content: input({ slug: 'pending-race', title: 'Second' }) }, bohdan);
    expect(stale).toMatchObject({ ok: false, reason: 'conflict', current: { version: a.version, pending: { revision: 1, savedBy: 'Anna Editor', content: { title: 'First' } } } });
    const oldBase = await saveWorkingCopy(a.id, { revision: 1, baseVersion: a.version - 1, content: input({ slug: 'pending-race', title: 'Third' }) }, bohdan);
    expect(oldBase).toMatchObject({ ok: false, reason: 'conflict' });
    expect((await getArticleForEditor(a.id))?.pending?.content.title).toBe('First');
  });

  it('are applied by Update in one save, which clears them; a later autosave of them finds they are gone', async () => {
    const a = await livePiece('pending-update');
    await saveWorkingCopy(a.id, { revision: null, baseVersion: a.version, content: input({ slug: 'pending-update', title: 'Updated headline' }) }, anna);
    const updated = await updateArticle(a.id, a.version, input({ slug: 'pending-update', title: 'Updated headline' }), bohdan);
    expect(updated).toMatchObject({ ok: true, version: a.version + 1 });
    if (!updated.ok) return;
    expect(updated.invalidates.length).toBeGreaterThan(0);
    expect(row(a.id).title).toBe('Updated headline');
    expect(copies(a.id)).toBe(0);
    expect(one<{ note: string }>('SELECT note FROM revisions WHERE article_id = ? ORDER BY id DESC LIMIT 1', a.id).note).toBe('Saved');
    expect(await saveWorkingCopy(a.id, { revision: 1, baseVersion: a.version, content: input({ slug: 'pending-update' }) }, anna)).toMatchObject({
      ok: false,
      reason: 'conflict',
      current: { version: a.version + 1, pending: null },
    });
  });

  it('are discarded only by someone who saw the latest of them, and the discard is audited', async () => {
    const a = await livePiece('pending-discard');
    await saveWorkingCopy(a.id, { revision: null, baseVersion: a.version, content: input({ slug: 'pending-discard', title: 'Scrap this' }) }, anna);
    await saveWorkingCopy(a.id, { revision: 1, baseVersion: a.version, content: input({ slug: 'pending-discard', title: 'Scrap this too' }) }, anna);
    expect(await discardWorkingCopy(a.id, 1, bohdan)).toMatchObject({ ok: false, reason: 'conflict', current: { pending: { revision: 2 } } });
    expect(copies(a.id)).toBe(1);
    expect(await discardWorkingCopy(a.id, 2, bohdan)).toEqual({ ok: true, id: a.id, version: a.version, invalidates: [] });
    expect(copies(a.id)).toBe(0);
    expect(row(a.id).title).toBe('Night buses return');
    const audit = one<{ actor_id: number; details: string }>(
      `SELECT actor_id, details FROM audit_log WHERE action = 'article.pending_discarded' AND target_id = ?`,
      String(a.id),
    );
    expect(audit.actor_id).toBe(2);
    expect(JSON.parse(audit.details)).toEqual({ revision: 2, baseVersion: a.version });
  });

  it('carry onto a newer version of the article when only its notes or workflow changed since', async () => {
    const a = await livePiece('pending-rebase');
    await saveWorkingCopy(a.id, { revision: null, baseVersion: a.version, content: input({ slug: 'pending-rebase', title: 'Carried over' }) }, anna);
    const noted = await addArticleNote(a.id, a.version, { kind: 'correction', text: 'The date was wrong.' }, bohdan);
    if (!noted.ok) throw new Error(JSON.stringify(noted));
    // Anna's editor has not seen the note: refused, with the version to carry them onto.
    expect(await saveWorkingCopy(a.id, { revision: 1, baseVersion: a.version, content: input({ slug: 'pending-rebase', title: 'Carried over!' }) }, anna)).toMatchObject({
      ok: false,
      reason: 'conflict',
      current: { version: noted.version, pending: { revision: 1, baseVersion: a.version } },
    });
    expect(await saveWorkingCopy(a.id, { revision: 1, baseVersion: noted.version, content: input({ slug: 'pending-rebase', title: 'Carried over!' }) }, anna)).toMatchObject({
      ok: true,
      revision: 2,
      baseVersion: noted.version,
    });
    expect(await updateArticle(a.id, noted.version, input({ slug: 'pending-rebase', title: 'Carried over!' }), anna)).toMatchObject({ ok: true });
    expect(row(a.id).title).toBe('Carried over!');
    expect(copies(a.id)).toBe(0);
  });

  it('are not found for a deleted article', async () => {
    const a = await livePiece('pending-deleted');
    sqlite.prepare('UPDATE articles SET deleted_at = 1 WHERE id = ?').run(a.id);
    expect(await saveWorkingCopy(a.id, { revision: null, baseVersion: a.version, content: input({ slug: 'pending-deleted' }) }, anna)).toEqual({ ok: false, reason: 'not_found' });
    expect(await discardWorkingCopy(a.id, 1, anna)).toEqual({ ok: false, reason: 'not_found' });
  });
});
