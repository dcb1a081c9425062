import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The mutations use the app's shared connection, which opens $GAZETTE_DATA_DIR/gazette.db,
// and the media directory under it.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-media-'));
const mediaDir = path.join(dir, 'media');
const saved = process.env.GAZETTE_DATA_DIR;
let mutations: typeof import('./media');
let queries: typeof import('../queries/media');
let client: typeof import('../client');

const actor = { id: null, email: 'editor@gazette.test', ip: '127.0.0.1' };
let sectionId = 0;
let counter = 0;

beforeAll(async () => {
  process.env.GAZETTE_DATA_DIR = dir;
  client = await import('../client');
  mutations = await import('./media');
  queries = await import('../queries/media');
  sectionId = Number(sql().prepare(`INSERT INTO sections (name, slug) VALUES ('News', 'news')`).run().lastInsertRowid);
});

afterAll(() => {
  client.getConnection().sqlite.close();
  (globalThis as { gazetteDb?: unknown }).gazetteDb = undefined;
  if (saved === undefined) delete process.env.GAZETTE_DATA_DIR;
  else process.env.GAZETTE_DATA_DIR = saved;
  fs.rmSync(dir, { recursive: true, force: true });
});

const sql = () => client.getConnection().sqlite;

async function newImage(overrides: Partial<{ alt: string; caption: string; credit: string; originalName: string }> = {}) {
  counter += 1;
  const hash = counter.toString(16).padStart(64, '0');
  const file = `2026/01/${hash.slice(0, 16)}-${counter}.jpg`;
  fs.mkdirSync(path.join(mediaDir, '2026/01'), { recursive: true });
  fs.writeFileSync(path.join(mediaDir, file), 'jpeg bytes');
  const created = await mutations.createMedia(
    { file, originalName: overrides.originalName ?? `photo-${counter}.jpg`, mimeType: 'image/jpeg', size: 10, width: 1600, height: 900, hash, uploadedBy: null },
    actor,
  );
  const { alt, caption, credit } = overrides;
  if (alt || caption || credit) await mutations.updateMedia(created.id, { alt, caption, credit }, actor);
  return { ...created, hash };
}

function newArticle(fields: { hero?: number; social?: number; body?: unknown; title?: string; deleted?: boolean }) {
  counter += 1;
  const body = JSON.stringify(fields.body ?? { type: 'doc', content: [] });
  return Number(
    sql()
      .prepare(
        `INSERT INTO articles (slug, section_id, title, body, hero_media_id, social_media_id, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(`story-${counter}`, sectionId, fields.title ?? `Story ${counter}`, body, fields.hero ?? null, fields.social ?? null, fields.deleted ? Date.now() : null)
      .lastInsertRowid,
  );
}

const auditRows = (id: number) =>
  sql().prepare(`SELECT action, details FROM audit_log WHERE target_type = 'media' AND target_id = ? ORDER BY id`).all(String(id)) as {
    action: string;
    details: string;
  }[];

const imageNode = (mediaId: number) => ({ type: 'image', attrs: { mediaId, alt: 'x' } });

describe('createMedia', () => {
  it('stores the row with an audit entry, and returns the existing item for the same picture', async () => {
    const first = await newImage();
    expect(first).toMatchObject({ ok: true, duplicate: false });
    expect(auditRows(first.id).map((r) => r.action)).toEqual(['media.uploaded']);

    const again = await mutations.createMedia(
      { file: '2026/02/other.jpg', originalName: 'again.jpg', mimeType: 'image/jpeg', size: 10, width: 1, height: 1, hash: first.hash, uploadedBy: null },
      actor,
    );
    expect(again).toEqual({ ok: true, id: first.id, file: first.file, duplicate: true, invalidates: [] });
    expect(sql().prepare('SELECT count(*) AS n FROM media WHERE hash = ?').get(first.hash)).toEqual({ n: 1 });
    expect(auditRows(first.id)).toHaveLength(1);
  });
});

describe('updateMedia', () => {
  it('saves description, rights and focal point, records which fields changed', async () => {
    const image = await newImage();
    const expires = new Date('2030-01-01T00:00:00Z');
    const result = await mutations.updateMedia(
      image.id,
      { alt: 'A bridge at dawn', caption: 'The old bridge', credit: 'A. Photographer/Agency', sourceAgency: 'Agency', usageRights: 'Editorial use', rightsExpireAt: expires, focalX: 0.25, focalY: 0.75 },
      actor,
    );
    expect(result).toMatchObject({ ok: true, invalidates: [] });
    const item = await queries.getMediaItem(image.id);
    expect(item).toMatchObject({ alt: 'A bridge at dawn', caption: 'The old bridge', sourceAgency: 'Agency', usageRights: 'Editorial use', focalX: 0.25, focalY: 0.75, rightsExpired: false });
    expect(item?.rightsExpireAt?.toISOString()).toBe(expires.toISOString());
    const last = auditRows(image.id).at(-1)!;
    expect(last.action).toBe('media.updated');
    expect(JSON.parse(last.details).changed).toEqual(['alt', 'caption', 'credit', 'sourceAgency', 'usageRights', 'rightsExpireAt', 'focalX', 'focalY']);
  });

  it('refuses a focal point outside the picture and an unknown item, writing nothing', async () => {
    const image = await newImage();
    expect(await mutations.updateMedia(image.id, { focalX: 1.5 }, actor)).toEqual({ ok: false, reason: 'invalid' });
    expect(await mutations.updateMedia(image.id, { focalY: Number.NaN }, actor)).toEqual({ ok: false, reason: 'invalid' });
    expect(await mutations.updateMedia(999_999, { alt: 'x' }, actor)).toEqual({ ok: false, reason: 'not_found' });
    expect((await queries.getMediaItem(image.id))?.focalX).toBe(0.5);
    expect(auditRows(image.id)).toHaveLength(1);
  });

  it('names the pages that show the image', async () => {
    const image = await newImage();
    const hero = newArticle({ hero: image.id });
    const inBody = newArticle({ body: { type: 'doc', content: [{ type: 'blockquote', content: [imageNode(image.id)] }] } });
    const byline = Number(sql().prepare(`INSERT INTO bylines (name, slug, avatar_media_id) VALUES ('Ana', ?, ?)`).run(`ana-${counter}`, image.id).lastInsertRowid);
    const result = await mutations.updateMedia(image.id, { alt: 'New words' }, actor);
    expect(result.ok && [...result.invalidates].sort()).toEqual([`article:${hero}`, `article:${inBody}`, `byline:${byline}`].sort());
  });
});

describe('deleteMedia', () => {
  it('deletes an unused image and its file', async () => {
    const image = await newImage();
    const file = path.join(mediaDir, image.file);
    expect(fs.existsSync(file)).toBe(true);
    expect(await mutations.deleteMedia(image.id, actor)).toEqual({ ok: true, file: image.file, originalName: expect.stringMatching(/^photo-\d+\.jpg$/), invalidates: [] });
    expect(fs.existsSync(file)).toBe(false);
    expect(await queries.getMediaItem(image.id)).toBeNull();
    expect(auditRows(image.id).at(-1)?.action).toBe('media.deleted');
    expect(await mutations.deleteMedia(image.id, actor)).toEqual({ ok: false, reason: 'not_found' });
  });

  it.each([
    ['main image', (id: number) => ({ hero: id }), 'main image'],
    ['social image', (id: number) => ({ social: id }), 'social image'],
    ['image deep in the text', (id: number) => ({ body: { type: 'doc', content: [{ type: 'paragraph', content: [] }, { type: 'bulletList', content: [{ type: 'listItem', content: [imageNode(id)] }] }] } }), 'in the text'],
    ['trashed article', (id: number) => ({ hero: id, deleted: true }), 'in the trash'],
    ['gallery image', (id: number) => ({ body: { type: 'doc', content: [{ type: 'gallery', attrs: { items: [{ mediaId: id + 1000 }, { mediaId: id }] } }] } }), 'in the text'],
    ['library document', (id: number) => ({ body: { type: 'doc', content: [{ type: 'document', attrs: { mediaId: id, title: 'Plan' } }] } }), 'in the text'],
  ])('refuses while a %s uses it, naming the article, and keeps row and file', async (_label, fields, words) => {
    const image = await newImage();
    newArticle({ ...fields(image.id), title: `Bridge reopens ${image.id}` });
    const result = await mutations.deleteMedia(image.id, actor);
    expect(result.ok).toBe(false);
    if (result.ok || result.reason !== 'in_use') throw new Error('expected in_use');
    expect(result.message).toContain(`“Bridge reopens ${image.id}”`);
    expect(result.message).toContain(words);
    expect(await queries.getMediaItem(image.id)).not.toBeNull();
    expect(fs.existsSync(path.join(mediaDir, image.file))).toBe(true);
    expect(auditRows(image.id).map((r) => r.action)).not.toContain('media.deleted');
  });

  it('refuses while a byline wears it as an avatar', async () => {
    const image = await newImage();
    sql().prepare(`INSERT INTO bylines (name, slug, avatar_media_id) VALUES ('Desk', ?, ?)`).run(`desk-${counter}`, image.id);
    const result = await mutations.deleteMedia(image.id, actor);
    expect(result.ok === false && result.reason === 'in_use' && result.message).toContain('byline “Desk” (avatar)');
  });

  it('is not fooled by another number, another node type or a mediaId outside attrs', async () => {
    const image = await newImage();
    const other = image.id * 10 + 1;
    newArticle({
      body: {
        type: 'doc',
        content: [
          imageNode(other),
          { type: 'paragraph', attrs: { mediaId: image.id }, content: [{ type: 'text', text: `"mediaId":${image.id}` }] },
          { type: 'image', mediaId: image.id, attrs: {} },
          { type: 'table', attrs: { items: [{ mediaId: image.id }] } },
        ],
      },
    });
    expect(await mutations.deleteMedia(image.id, actor)).toMatchObject({ ok: true });
  });
});

describe('listMedia', () => {
  it('searches alt text, caption, credit and file name, newest first, page by page', async () => {
    const a = await newImage({ alt: 'Tram depot in the snow', originalName: 'depot.jpg' });
    const b = await newImage({ caption: 'Snow on the tram lines', credit: 'K. Lens/Wire' });
    await newImage({ alt: 'Harbour cranes' });
    const found = await queries.listMedia({ q: 'snow tram' });
    expect(found.rows.map((r) => r.id)).toEqual([b.id, a.id]);
    expect((await queries.listMedia({ q: 'lens/wire' })).rows.map((r) => r.id)).toEqual([b.id]);
    expect((await queries.listMedia({ q: 'DEPOT.JPG' })).rows.map((r) => r.id)).toEqual([a.id]);
    expect((await queries.listMedia({ q: '%' })).total).toBe(0);
    const first = await queries.listMedia({ page: 1, perPage: 2 });
    const second = await queries.listMedia({ page: 2, perPage: 2 });
    expect(first.rows).toHaveLength(2);
    expect(second.rows[0]!.id).toBeLessThan(first.rows[1]!.id);
    expect(first.rows[0]!.thumbnailUrl).toBe(`/_next/image?url=${encodeURIComponent(`/media/${first.rows[0]!.file}`)}&w=390&q=75`);
  });

  it('flags rights that have expired', async () => {
    const image = await newImage();
    await mutations.updateMedia(image.id, { rightsExpireAt: new Date(Date.now() - 1000) }, actor);
    expect((await queries.getMediaItem(image.id))?.rightsExpired).toBe(true);
  });
});
