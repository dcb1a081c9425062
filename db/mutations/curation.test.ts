import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConnection, type Connection } from '@/db/client';
import { getCurationSlots, searchPublishedArticles } from '@/db/queries/admin-taxonomy';
import { saveCurationSlot } from './curation';

let dir: string;
let conn: Connection;
const actor = { id: null, email: 'editor@x.test', ip: null };

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-curation-'));
  conn = openConnection(path.join(dir, 'gazette.db'));
  conn.sqlite.prepare(`INSERT INTO sections (id, name, slug) VALUES (1, 'News', 'news')`).run();
});
afterEach(() => {
  conn.sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function article(title: string, status = 'published', deleted = false): number {
  return (
    conn.sqlite
      .prepare(`INSERT INTO articles (slug, section_id, title, body, status, published_at, deleted_at) VALUES (?, 1, ?, '{}', ?, ?, ?) RETURNING id`)
      .get(title.toLowerCase().replace(/\W+/g, '-'), title, status, Date.now(), deleted ? Date.now() : null) as { id: number }
  ).id;
}

const slot = (name: string) =>
  (conn.sqlite.prepare('SELECT article_id FROM curation WHERE slot = ? ORDER BY position').all(name) as { article_id: number }[]).map((r) => r.article_id);

describe('saveCurationSlot', () => {
  it('writes the whole ordered slot and names the curation tag', async () => {
    const [a, b, c] = [article('Alpha'), article('Beta'), article('Gamma')];
    expect(await saveCurationSlot('picks', [a, b, c], actor, conn.db)).toEqual({ ok: true, invalidates: ['curation'] });
    expect(await saveCurationSlot('picks', [c, a], actor, conn.db)).toMatchObject({ ok: true });
    expect(slot('picks')).toEqual([c, a]);
    expect(await saveCurationSlot('lead', [b], actor, conn.db)).toMatchObject({ ok: true });
    const slots = await getCurationSlots(conn.db);
    expect(slots.lead.map((i) => i.title)).toEqual(['Beta']);
    expect(slots.picks.map((i) => i.id)).toEqual([c, a]);
    const audit = conn.sqlite.prepare(`SELECT action, target_id, details FROM audit_log ORDER BY id DESC LIMIT 1`).get() as { action: string; target_id: string; details: string };
    expect(audit).toMatchObject({ action: 'curation.updated', target_id: 'lead' });
    expect(JSON.parse(audit.details)).toEqual({ slot: 'lead', before: [], after: [b] });
  });

  it('refuses drafts, deleted stories, duplicates and overfull slots, changing nothing', async () => {
    const live = article('Live');
    const draft = article('Draft', 'draft');
    const gone = article('Gone', 'published', true);
    await saveCurationSlot('top', [live], actor, conn.db);
    expect(await saveCurationSlot('top', [live, draft, gone], actor, conn.db)).toMatchObject({ ok: false, reason: 'not_published', articleIds: [draft, gone] });
    expect(await saveCurationSlot('top', [live, live], actor, conn.db)).toMatchObject({ ok: false, reason: 'duplicate' });
    expect(await saveCurationSlot('lead', [live, article('Other')], actor, conn.db)).toMatchObject({ ok: false, reason: 'too_many' });
    expect(slot('top')).toEqual([live]);
    expect(slot('lead')).toEqual([]);
  });

  it('the article search finds published titles only', async () => {
    article('Metro line opens');
    article('Metro draft', 'draft');
    expect((await searchPublishedArticles('metro', 10, conn.db)).map((h) => h.title)).toEqual(['Metro line opens']);
  });
});
