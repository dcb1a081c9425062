import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { testDb } from './auth-fixtures';
import { TEST_DB_PATH } from './fixtures';

// Arranging desk journeys: articles written straight into the e2e database (as the desk would
// have left them), and capturing a server action's real request so it can be replayed with
// another role's session (see e2e/forged-actions.spec.ts).

export interface ArrangedArticle {
  id: number;
  title: string;
  slug: string;
  section: string;
  url: string;
}

export function firstSection(): { id: number; slug: string; name: string } {
  return testDb()
    .prepare(`SELECT id, slug, name FROM sections WHERE slug <> 'news-feed' ORDER BY position, id LIMIT 1`)
    .get() as { id: number; slug: string; name: string };
}

export function insertArticle(options: {
  title?: string;
  slug?: string;
  status?: 'draft' | 'in_review' | 'approved' | 'scheduled' | 'published' | 'unpublished';
  createdBy?: number | null;
  assigneeId?: number | null;
  scheduledAt?: number | null;
  reviewDeadline?: number | null;
  corrections?: unknown[];
  sectionId?: number;
}): ArrangedArticle {
  const tag = randomUUID().slice(0, 8);
  const title = options.title ?? `Desk story ${tag}`;
  const slug = options.slug ?? `desk-e2e-${tag}`;
  const section = options.sectionId
    ? (testDb().prepare('SELECT id, slug FROM sections WHERE id = ?').get(options.sectionId) as { id: number; slug: string })
    : firstSection();
  const body = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Body of ${title}.` }] }] });
  const bylineId = testDb().prepare('SELECT id FROM bylines ORDER BY id LIMIT 1').pluck().get() as number;
  const row = testDb()
    .prepare(
      `INSERT INTO articles (slug, section_id, kind, title, dek, body, body_text, word_count, status, scheduled_at,
         modified_at, created_by, assignee_id, review_deadline, corrections)
       VALUES (?, ?, 'news', ?, '', ?, ?, 4, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .get(
      slug,
      section.id,
      title,
      body,
      `Body of ${title}.`,
      options.status ?? 'draft',
      options.scheduledAt ?? null,
      Date.now(),
      options.createdBy ?? null,
      options.assigneeId ?? null,
      options.reviewDeadline ?? null,
      JSON.stringify(options.corrections ?? []),
    ) as { id: number };
  testDb().prepare('INSERT INTO article_bylines (article_id, byline_id, position) VALUES (?, ?, 0)').run(row.id, bylineId);
  return { id: row.id, title, slug, section: section.slug, url: `/${section.slug}/${slug}` };
}

export function articleRow(id: number): { status: string; deleted_at: number | null } {
  return testDb().prepare('SELECT status, deleted_at FROM articles WHERE id = ?').get(id) as { status: string; deleted_at: number | null };
}

// A scheduled article the in-process scheduler publishes within seconds, so every cached list
// that shows it is refreshed the way a real publish refreshes it.
export async function publishThroughScheduler(request: APIRequestContext, options: Parameters<typeof insertArticle>[0] = {}) {
  const article = insertArticle({ ...options, status: 'scheduled', scheduledAt: Date.now() + 1_000 });
  await (async () => {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (articleRow(article.id).status === 'published' && (await request.get(article.url)).status() === 200) return;
      await new Promise((r) => setTimeout(r, 1_000));
    }
    throw new Error(`article ${article.id} was not published by the scheduler`);
  })();
  return article;
}

export interface CapturedAction {
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

// Runs `trigger` in the page and stops the server action request it sends, returning its bytes.
export async function captureAction(page: Page, trigger: () => Promise<void>): Promise<CapturedAction> {
  let resolve!: (c: CapturedAction) => void;
  const captured = new Promise<CapturedAction>((r) => (resolve = r));
  await page.route(
    (url) => url.pathname === '/admin/articles',
    async (route) => {
      const request = route.request();
      const headers = request.headers();
      if (request.method() === 'POST' && headers['next-action']) {
        resolve({ url: request.url(), headers, body: request.postDataBuffer() ?? Buffer.alloc(0) });
        await route.abort();
      } else {
        await route.continue();
      }
    },
  );
  await trigger();
  const result = await captured;
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  return result;
}

export async function replayAction(request: APIRequestContext, action: CapturedAction) {
  const headers = Object.fromEntries(
    Object.entries(action.headers).filter(([k]) => !['cookie', 'content-length', 'host'].includes(k.toLowerCase())),
  );
  return request.post(action.url, { headers, data: action.body, maxRedirects: 0 });
}

/**
 * A library image of its own (a copy of the first seeded photo under a new name), with the given
 * alt text and usage-rights end, so a journey can let its rights lapse without touching others'.
 */
export function insertMedia(options: { alt: string; rightsExpireAt: number | null }): { id: number; alt: string } {
  const source = testDb().prepare('SELECT file, mime_type, size, width, height FROM media ORDER BY id LIMIT 1').get() as {
    file: string;
    mime_type: string;
    size: number;
    width: number;
    height: number;
  };
  const tag = randomUUID().slice(0, 8);
  const file = `e2e/rights-${tag}.jpg`;
  const mediaDir = path.join(path.dirname(TEST_DB_PATH), 'media');
  fs.mkdirSync(path.join(mediaDir, 'e2e'), { recursive: true });
  fs.copyFileSync(path.join(mediaDir, source.file), path.join(mediaDir, file));
  const row = testDb()
    .prepare(
      `INSERT INTO media (file, original_name, mime_type, size, width, height, alt, hash, rights_expire_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .get(file, `rights-${tag}.jpg`, source.mime_type, source.size, source.width, source.height, options.alt, `e2e-${tag}`, options.rightsExpireAt) as { id: number };
  return { id: row.id, alt: options.alt };
}
