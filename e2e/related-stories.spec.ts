import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { addSession, createTestUser, expect, test, testDb } from './auth-fixtures';
import { insertArticle, publishThroughScheduler, type ArrangedArticle } from './desk-fixtures';

// "Related stories" under an article: an editor puts two published stories first, in the order
// they choose, through the editor's usual save; readers then see them first, in that order,
// followed by the automatic fill (a story sharing the tag); a withdrawn story sharing the tag is
// never offered and never shown.

function tagStories(tagName: string, stories: ArrangedArticle[]) {
  const db = testDb();
  const slug = tagName.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const tagId = db.prepare('INSERT INTO tags (name, slug) VALUES (?, ?) RETURNING id').pluck().get(tagName, slug) as number;
  for (const story of stories) db.prepare('INSERT INTO article_tags (article_id, tag_id, position) VALUES (?, ?, 0)').run(story.id, tagId);
}

test('an editor chooses the related stories of a live article and readers see them first, in order', async ({ browser, baseURL, request }) => {
  test.setTimeout(180_000);
  const word = `Quillon${randomUUID().slice(0, 6)}`;
  const story = await publishThroughScheduler(request, { title: `${word} bridge inspection ends` });
  const first = await publishThroughScheduler(request, { title: `${word} ferry timetable changes` });
  const second = await publishThroughScheduler(request, { title: `${word} harbour lights restored` });
  const sharing = await publishThroughScheduler(request, { title: `${word} river crossing survey` });
  const withdrawn = insertArticle({ title: `${word} withdrawn crossing report`, status: 'unpublished' });
  tagStories(`Crossings ${word}`, [story, sharing, withdrawn]);

  const editor = await createTestUser('editor');
  const context = await browser.newContext();
  await addSession(context, editor, baseURL!);
  const desk = await context.newPage();
  await desk.goto(`/admin/articles/${story.id}`);
  await expect(desk.getByTestId('body-editor')).toBeVisible();

  const find = desk.getByLabel('Find a published story');
  const matches = desk.getByRole('list', { name: 'Matching stories' });
  // Only published stories are offered: the withdrawn one with the same words is not.
  await find.fill(word);
  await expect(matches.getByText(first.title, { exact: true })).toBeVisible();
  await expect(matches.getByText(withdrawn.title, { exact: true })).toHaveCount(0);
  await expect(matches.getByText(story.title, { exact: true })).toHaveCount(0);
  await desk.getByRole('button', { name: `Add “${first.title}”` }).click();
  await find.fill(second.title);
  await desk.getByRole('button', { name: `Add “${second.title}”` }).click();
  const picked = desk.getByTestId('related-picked');
  await expect(picked.getByTestId('sortable-item')).toHaveCount(2);
  // The second pick goes first.
  await picked.getByRole('button', { name: `↑ Move up ${second.title}` }).click();
  await expect(picked.getByTestId('sortable-item').first()).toContainText(second.title);

  // A live story's edits wait as pending changes until Update publishes them.
  await expect(desk.getByTestId('pending-changes')).toBeVisible();
  await expect(desk.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  await desk.getByRole('button', { name: 'Update' }).click();
  await expect(desk.getByTestId('pending-changes')).toHaveCount(0);
  await expect(desk.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  const saved = testDb().prepare('SELECT related_id FROM article_related WHERE article_id = ? ORDER BY position').pluck().all(story.id);
  expect(saved).toEqual([second.id, first.id]);
  await context.close();

  // axe needs a page of a context of its own.
  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  await reader.goto(story.url);
  const block = reader.getByRole('region', { name: 'Related stories' });
  await expect(block.getByRole('heading', { level: 2, name: 'Related stories' })).toBeVisible();
  const headlines = block.getByRole('heading', { level: 3 });
  await expect(headlines).toHaveCount(4);
  await expect(headlines.nth(0)).toHaveText(second.title);
  await expect(headlines.nth(1)).toHaveText(first.title);
  // The automatic fill starts with the story sharing its tag.
  await expect(headlines.nth(2)).toHaveText(sharing.title);
  await expect(block.getByRole('link', { name: second.title })).toHaveAttribute('href', second.url);
  await expect(block).not.toContainText(withdrawn.title);
  await expect(block).not.toContainText(story.title);

  const results = await new AxeBuilder({ page: reader }).include('[data-testid="related-stories"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  const whole = await new AxeBuilder({ page: reader }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(whole.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await readerContext.close();
});
