import { randomUUID } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { fromZonedInputValue, toZonedInputValue } from '../lib/time/dates';
import { addSession, countRows, createTestUser, expect, test, testDb, type Role } from './auth-fixtures';

// The desk's day, end to end in the browser: a contributor drafts and submits, an editor edits
// and schedules, the article goes live on its own and shows on the home page, its section, its
// tag page and the feed; an edit shows on the next request; unpublishing removes it everywhere.

function newsroomZone(): string {
  const row = testDb().prepare(`SELECT value FROM settings WHERE key = 'time_zone'`).get() as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as string) : 'Europe/Kyiv';
}

async function openAs(browser: Browser, role: Role, baseURL: string): Promise<{ page: Page; user: Awaited<ReturnType<typeof createTestUser>> }> {
  const user = await createTestUser(role);
  const context = await browser.newContext();
  await addSession(context, user, baseURL);
  return { page: await context.newPage(), user };
}

const article = (id: number) =>
  testDb().prepare('SELECT title, kicker, status, body_text AS bodyText, scheduled_at AS scheduledAt, internal_notes AS notes, version FROM articles WHERE id = ?').get(id) as {
    title: string;
    kicker: string;
    status: string;
    bodyText: string;
    scheduledAt: number | null;
    notes: string;
    version: number;
  };

test('a contributor drafts and submits; an editor edits, schedules, updates and unpublishes', async ({ browser, baseURL, request }) => {
  test.setTimeout(120_000);
  const db = testDb();
  // Its own tag and the smallest section, so the journey's story never changes a list another
  // test is reading at the same moment (the fronts' page-by-page checks read the biggest ones).
  const stamp = randomUUID().slice(0, 6);
  const tag = { name: `Ferries ${stamp}`, slug: `ferries-${stamp}` };
  db.prepare('INSERT INTO tags (name, slug) VALUES (?, ?)').run(tag.name, tag.slug);
  const section = db
    .prepare(
      `SELECT s.id, s.name, s.slug FROM sections s LEFT JOIN articles a ON a.section_id = s.id AND a.status = 'published'
        WHERE s.slug <> 'news-feed' GROUP BY s.id ORDER BY count(a.id), s.position LIMIT 1`,
    )
    .get() as { id: number; name: string; slug: string };
  const byline = db
    .prepare(
      `SELECT b.name FROM bylines b LEFT JOIN article_bylines ab ON ab.byline_id = b.id
        WHERE b.kind = 'person' GROUP BY b.id ORDER BY count(ab.article_id), b.id LIMIT 1`,
    )
    .get() as { name: string };
  const headline = `Harbour ferry returns after storm ${stamp}`;

  // ---- The contributor writes.
  const { page: writer } = await openAs(browser, 'contributor', baseURL!);
  await writer.goto('/admin/articles/new');
  await expect(writer.getByTestId('save-status')).toContainText('Start with a title');
  await writer.getByLabel('Headline').fill(headline);
  await writer.getByLabel('Dek (standfirst)').fill('The crossing reopens on Friday morning.');
  await writer.getByTestId('body-editor').click();
  await writer.keyboard.type('Ferries will run every twenty minutes from the old quay. ');
  await writer.keyboard.press('Control+b');
  await writer.keyboard.type('Tickets stay at last year\'s price.');
  await writer.keyboard.press('Control+b');
  await writer.keyboard.press('Enter');
  await writer.getByRole('button', { name: 'Heading 2' }).click();
  await writer.keyboard.type('What changed');
  await writer.keyboard.press('Enter');
  await writer.keyboard.type('The pier was rebuilt after the autumn storms.');
  await expect(writer.getByTestId('word-count')).toContainText('words · 1 min read');
  await writer.getByLabel('Section').selectOption({ label: section.name });
  await writer.getByLabel('Add a byline').selectOption({ label: byline.name });
  await writer.getByRole('combobox', { name: 'Tags' }).fill(tag.name.slice(0, 4));
  await writer.getByRole('option', { name: tag.name, exact: true }).click();

  // The first autosave created the draft; the address names it.
  await expect(writer.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  await expect(writer).toHaveURL(/\/admin\/articles\/\d+$/);
  const id = Number(new URL(writer.url()).pathname.split('/').pop());
  expect(article(id)).toMatchObject({ title: headline, status: 'draft' });
  expect(article(id).bodyText).toContain("Tickets stay at last year's price.");
  const slug = (db.prepare('SELECT slug FROM articles WHERE id = ?').get(id) as { slug: string }).slug;
  expect(slug).toBe(`harbour-ferry-returns-after-storm-${stamp}`);
  expect(db.prepare('SELECT body FROM articles WHERE id = ?').pluck().get(id)).toContain('"type":"heading"');

  // A contributor may not publish: the button is not offered, and the server refuses anyway.
  await expect(writer.getByRole('button', { name: 'Publish now' })).toHaveCount(0);
  const forged = await writer.request.post(`/api/admin/articles/${id}/workflow`, {
    headers: { Origin: baseURL! },
    data: { version: article(id).version, to: 'published' },
  });
  expect(forged.status()).toBe(403);

  await writer.getByRole('button', { name: 'Submit for review…' }).click();
  await writer.getByLabel('Notes for the editor').fill('Please check the ticket price with the port.');
  await writer.getByRole('button', { name: 'Submit for review', exact: true }).click();
  await expect(writer.getByTestId('article-status')).toHaveText('In review');
  expect(article(id)).toMatchObject({ status: 'in_review', notes: 'Please check the ticket price with the port.' });
  expect(countRows(`SELECT count(*) AS n FROM audit_log WHERE action = 'article.submit' AND target_id = ?`, String(id))).toBe(1);

  // ---- The editor edits and schedules.
  const { page: desk } = await openAs(browser, 'editor', baseURL!);
  await desk.goto(`/admin/articles/${id}`);
  await expect(desk.getByLabel('Headline')).toHaveValue(headline);
  await desk.getByTestId('body-editor').click();
  await desk.keyboard.press('Control+End');
  await desk.keyboard.press('Enter');
  await desk.keyboard.type('The port confirmed the fares on Thursday.');
  await expect(desk.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  expect(article(id).bodyText).toContain('The port confirmed the fares on Thursday.');

  const zone = newsroomZone();
  const when = toZonedInputValue(new Date(Date.now() + 2 * 60 * 60 * 1000), zone);
  await desk.getByRole('button', { name: 'Schedule…' }).click();
  await desk.getByLabel(/Publish at/).fill(when);
  await desk.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(desk.getByTestId('article-status')).toHaveText('Scheduled');
  expect(article(id)).toMatchObject({ status: 'scheduled', scheduledAt: fromZonedInputValue(when, zone)!.getTime() });

  const url = `/${section.slug}/${slug}`;
  expect((await request.get(url)).status()).toBe(404);

  // Time passes: bring the scheduled time to a few seconds from now. Nobody clicks anything.
  db.prepare('UPDATE articles SET scheduled_at = ? WHERE id = ?').run(Date.now() + 2_000, id);
  await expect.poll(async () => (await request.get(url)).status(), { timeout: 30_000, intervals: [1_000] }).toBe(200);
  for (const list of ['/', `/${section.slug}`, `/tag/${tag.slug}`, '/rss.xml']) {
    expect(await (await request.get(list)).text(), list).toContain(url);
  }
  expect(article(id).status).toBe('published');

  // ---- An edit shows on the next public request.
  await desk.reload();
  await expect(desk.getByTestId('article-status')).toHaveText('Published');
  const corrected = `${headline}, on time`;
  await desk.getByLabel('Headline').fill(corrected);
  await desk.getByLabel('Kicker').fill('Update');
  // Autosaved as pending changes on the server, not public until Update.
  await expect(desk.getByTestId('pending-changes')).toBeVisible();
  await expect(desk.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  expect(await (await request.get(url)).text()).not.toContain('on time');
  await desk.getByRole('button', { name: 'Update' }).click();
  await expect(desk.getByTestId('pending-changes')).toHaveCount(0);
  await expect(desk.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  const updated = await request.get(url);
  expect(await updated.text()).toContain(corrected);
  // The kicker is stored, kept in the revision and shown above the headline.
  expect(article(id).kicker).toBe('Update');
  const published = await desk.context().newPage();
  await published.goto(url);
  await expect(published.getByTestId('kicker')).toHaveText(/Update$/);
  await published.close();

  // ---- Unpublish: gone from the article address and every list.
  await desk.getByRole('button', { name: 'Unpublish' }).click();
  const ask = desk.getByRole('dialog', { name: 'Unpublish this article?' });
  await ask.getByLabel('Reason').fill('The council withdrew the figures');
  await ask.getByRole('button', { name: 'Unpublish' }).click();
  await expect(desk.getByTestId('article-status')).toHaveText('Unpublished');
  expect((await request.get(url)).status()).toBe(410);
  for (const list of ['/', `/${section.slug}`, `/tag/${tag.slug}`, '/rss.xml', '/news-sitemap.xml']) {
    expect(await (await request.get(list)).text(), list).not.toContain(url);
  }
  expect(countRows(`SELECT count(*) AS n FROM audit_log WHERE action = 'article.unpublish' AND target_id = ?`, String(id))).toBe(1);
});
