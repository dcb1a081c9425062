import { randomUUID } from 'node:crypto';
import { expect, test, testDb } from './auth-fixtures';

// The newsroom's side of the embeds: a post is recognised from its address, the editor types
// what it says, a save with the post half-filled is refused naming it, and the preview shows
// the post as readers will get it (the captured text, a link, nothing from the provider).

function makeDraft(ownerId: number): number {
  const db = testDb();
  const section = db.prepare('SELECT id FROM sections ORDER BY position LIMIT 1').get() as { id: number };
  const slug = `embeds-editor-${randomUUID().slice(0, 8)}`;
  const body = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The ferry reopened.' }] }] });
  const id = db
    .prepare(
      `INSERT INTO articles (slug, section_id, kind, title, body, body_text, word_count, status, created_by)
       VALUES (?, ?, 'news', 'Ferry reopens', ?, 'The ferry reopened.', 3, 'draft', ?) RETURNING id`,
    )
    .pluck()
    .get(slug, section.id, body, ownerId) as number;
  db.prepare(`INSERT INTO revisions (article_id, version, snapshot, user_id, note) VALUES (?, 1, '{}', ?, 'Created')`).run(id, ownerId);
  return id;
}

const storedBody = (id: number) => (testDb().prepare('SELECT body FROM articles WHERE id = ?').get(id) as { body: string }).body;

test('an editor embeds a Telegram post: recognised, refused until its text is typed, previewed as a facade', async ({ page, signInAs }) => {
  test.setTimeout(90_000);
  const user = await signInAs('editor');
  const id = makeDraft(user.id);
  await page.goto(`/admin/articles/${id}`);
  await page.getByTestId('body-editor').click();
  await page.keyboard.press('Control+End');

  await page.getByRole('button', { name: 'Embed post' }).click();
  const address = page.getByLabel('Address of the post');
  await address.fill('https://example.com/not-a-post');
  await expect(page.getByRole('status').filter({ hasText: 'Not a post address we recognise' })).toBeVisible();
  await address.fill('https://t.me/s/citynews/4521?single');
  await expect(page.getByRole('status').filter({ hasText: 'Recognised: a Telegram post.' })).toBeVisible();
  await page.getByRole('button', { name: 'Insert post' }).click();

  const card = page.getByTestId('editor-social-post');
  await expect(card).toContainText('https://t.me/citynews/4521');
  await expect(card.getByLabel('Handle')).toHaveValue('@citynews');
  // Half-filled: the save is refused, and the message names the post.
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'error', { timeout: 15_000 });
  await expect(page.getByText("Embedded post 1: paste the post's text.")).toBeVisible();

  await card.getByLabel('Post text').fill('Ferry crossings resume at 6am tomorrow.');
  await card.getByLabel('Author').fill('City News');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  const saved = JSON.parse(storedBody(id)) as { content: { type: string; attrs?: Record<string, unknown> }[] };
  expect(saved.content.find((block) => block.type === 'socialPost')?.attrs).toEqual({
    provider: 'telegram',
    url: 'https://t.me/citynews/4521',
    authorName: 'City News',
    handle: '@citynews',
    text: 'Ferry crossings resume at 6am tomorrow.',
  });

  const asked: string[] = [];
  await page.route(/^https?:\/\/(?!(127\.0\.0\.1|localhost)[:/])/, async (route) => {
    asked.push(route.request().url());
    await route.fulfill({ status: 200, body: 'stub' });
  });
  await page.goto(`/preview/${id}`);
  const post = page.locator('figure.social-post');
  await expect(post.locator('blockquote')).toHaveText('Ferry crossings resume at 6am tomorrow.');
  await expect(post.getByRole('link', { name: 'View on Telegram' })).toHaveAttribute('href', 'https://t.me/citynews/4521');
  await expect(post.getByRole('button', { name: /Load post/ })).toBeVisible();
  expect(asked).toEqual([]);
});
