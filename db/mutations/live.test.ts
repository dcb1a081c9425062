import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-live-'));
process.env.GAZETTE_DATA_DIR = dir;
vi.mock('next/cache', () => ({ cacheTag: () => {}, cacheLife: () => {} }));

const { getConnection } = await import('../client');
const { saveLiveCoverage, postLiveUpdate, editLiveUpdate, deleteLiveUpdate } = await import('./live');
const { buildLiveCoverage, getDeskLiveCoverage, getLiveUpdateOwnership } = await import('../queries/live');
const { sqlite } = getConnection();

sqlite.exec(`
  INSERT INTO sections (id, name, slug) VALUES (1, 'City', 'city');
  INSERT INTO users (id, email, name, role) VALUES (1, 'a@example.org', 'Ann Author', 'author'), (2, 'e@example.org', 'Ed Editor', 'editor');
  INSERT INTO bylines (id, name, slug, user_id) VALUES (5, 'Ann A. Author', 'ann-author', 1);
  INSERT INTO articles (id, slug, section_id, title, body, status, published_at, created_by) VALUES
    (1, 'storm', 1, 'Storm', '{"type":"doc","content":[]}', 'published', 1764000000000, 1),
    (2, 'draft', 1, 'Draft', '{"type":"doc","content":[]}', 'draft', NULL, 1);
  INSERT INTO media (id, file, original_name, mime_type, size, width, height, alt, hash) VALUES (9, '2026/01/a.jpg', 'a.jpg', 'image/jpeg', 1, 800, 600, 'Flooded street', 'h');
`);

afterAll(() => {
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ann = { id: 1, email: 'a@example.org', ip: null };
const ed = { id: 2, email: 'e@example.org', ip: null };
const fields = (body: string, more: Partial<{ title: string; pinned: boolean; mediaId: number | null; embedUrl: string | null }> = {}) => ({
  title: '',
  body,
  mediaId: null,
  embedUrl: null,
  pinned: false,
  ...more,
});
const at = (minute: number) => new Date(Date.UTC(2026, 11, 2, 10, minute));

describe('live coverage of a story', () => {
  it('refuses updates until the coverage starts, then signs each with the poster’s byline', async () => {
    expect(await postLiveUpdate(1, fields('Too early'), ann, at(0))).toMatchObject({ ok: false, reason: 'invalid' });
    const started = await saveLiveCoverage(1, { keyPoints: ['Roads closed'], intent: 'start', expectedVersion: 0 }, ed, at(0));
    expect(started).toMatchObject({ ok: true, version: 1, endedAt: null, invalidates: ['article:1'] });
    const posted = await postLiveUpdate(1, fields('Water is rising on the embankment.'), ann, at(1));
    expect(posted).toMatchObject({ ok: true, invalidates: ['article:1'] });
    const desk = await getDeskLiveCoverage(1);
    expect(desk?.updates[0]).toMatchObject({ authorName: 'Ann A. Author', authorId: 1, body: 'Water is rising on the embankment.' });
    const byEd = await postLiveUpdate(1, fields('Ferries suspended.'), ed, at(2));
    expect(byEd.ok).toBe(true);
    expect((await getDeskLiveCoverage(1))?.updates[0]?.authorName).toBe('Ed Editor');
  });

  it('orders pinned updates first, then newest first, and hides deleted ones', async () => {
    const pinned = await postLiveUpdate(1, fields('What we know so far', { pinned: true, title: 'Summary' }), ed, at(3));
    const last = await postLiveUpdate(1, fields('Schools close early.', { mediaId: 9 }), ann, at(4));
    if (!pinned.ok || !last.ok) throw new Error('fixture');
    let view = await buildLiveCoverage(1);
    expect(view?.updates.map((u) => u.text)).toEqual(['What we know so far', 'Schools close early.', 'Ferries suspended.', 'Water is rising on the embankment.']);
    expect(view?.updates[1]?.doc.content.at(-1)).toEqual({ type: 'image', attrs: { mediaId: 9 } });
    expect(view?.media[9]?.alt).toBe('Flooded street');
    expect(await deleteLiveUpdate(1, last.id, last.version, ann, at(5))).toMatchObject({ ok: true, invalidates: ['article:1'] });
    view = await buildLiveCoverage(1);
    expect(view?.updates.map((u) => u.text)).not.toContain('Schools close early.');
    expect(view?.modifiedAt).toBe(at(5).toISOString());
    // The row stays for the audit trail, off the page.
    expect(sqlite.prepare('SELECT deleted_at AS d FROM live_updates WHERE id = ?').get(last.id)).toEqual({ d: at(5).getTime() });
    expect(await getLiveUpdateOwnership(1, last.id)).toBeNull();
  });

  it('lets several people post at once, and refuses an edit made on an old version', async () => {
    const [a, b] = await Promise.all([postLiveUpdate(1, fields('From the bridge'), ann, at(6)), postLiveUpdate(1, fields('From the port'), ed, at(6))]);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok) throw new Error('fixture');
    const first = await editLiveUpdate(1, a.id, a.version, fields('From the north bridge'), ed, at(7));
    expect(first).toMatchObject({ ok: true, version: 2 });
    const stale = await editLiveUpdate(1, a.id, a.version, fields('From the bridge, again'), ann, at(8));
    expect(stale).toMatchObject({ ok: false, reason: 'conflict', current: { version: 2, body: 'From the north bridge', deleted: false } });
    expect(await deleteLiveUpdate(1, a.id, a.version, ann, at(8))).toMatchObject({ ok: false, reason: 'conflict' });
    // The edit keeps the update's place: its time is when it was posted.
    const edited = (await buildLiveCoverage(1))?.updates.find((u) => u.id === a.id);
    expect(edited).toMatchObject({ createdAt: at(6).toISOString(), updatedAt: at(7).toISOString() });
  });

  it('refuses an image that is not in the library, on its field', async () => {
    expect(await postLiveUpdate(1, fields('Photo', { mediaId: 404 }), ann, at(9))).toMatchObject({ ok: false, reason: 'invalid', field: 'mediaId' });
  });

  it('keeps key points and start/end behind the coverage’s version, and closes to posting when it ends', async () => {
    expect(await saveLiveCoverage(1, { keyPoints: ['Old'], intent: 'save', expectedVersion: 0 }, ann, at(10))).toMatchObject({
      ok: false,
      reason: 'conflict',
      current: { version: 1, keyPoints: ['Roads closed'] },
    });
    const ended = await saveLiveCoverage(1, { keyPoints: ['Roads closed', 'Ferries suspended'], intent: 'end', expectedVersion: 1 }, ed, at(11));
    expect(ended).toMatchObject({ ok: true, version: 2, endedAt: at(11).toISOString() });
    const view = await buildLiveCoverage(1);
    expect(view).toMatchObject({ state: 'ended', keyPoints: ['Roads closed', 'Ferries suspended'] });
    expect(await postLiveUpdate(1, fields('After the end'), ann, at(12))).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await saveLiveCoverage(1, { keyPoints: [], intent: 'start', expectedVersion: 2 }, ed, at(13))).toMatchObject({ ok: true, endedAt: null });
  });

  it('expires nothing public for a story readers cannot see', async () => {
    const started = await saveLiveCoverage(2, { keyPoints: [], intent: 'start', expectedVersion: 0 }, ed, at(0));
    expect(started).toMatchObject({ ok: true, invalidates: [] });
    expect(await postLiveUpdate(2, fields('Rehearsal'), ed, at(1))).toMatchObject({ ok: true, invalidates: [] });
    expect(await buildLiveCoverage(3)).toBeNull();
  });

  it('writes an audit row for each change', () => {
    const actions = (sqlite.prepare(`SELECT action FROM audit_log WHERE target_id = '1' ORDER BY id`).all() as { action: string }[]).map((r) => r.action);
    expect(actions).toContain('live.started');
    expect(actions).toContain('live.update_posted');
    expect(actions).toContain('live.update_edited');
    expect(actions).toContain('live.update_deleted');
    expect(actions).toContain('live.ended');
  });
});
