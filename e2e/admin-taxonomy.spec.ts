import type { APIRequestContext, Page } from '@playwright/test';
import { addSession, countRows, createTestUser, expect, test, testDb, type Role } from './auth-fixtures';

// Sections, tags and bylines in the newsroom: an editor creates, renames, merges and deletes,
// the public site follows on the next request (redirects included), and lower roles can
// neither open the pages nor drive their actions. The tag API is a contract for the editor.

const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

// Two published, non-feed articles far from the front (the oldest), to tag without disturbing
// the journeys that read the newest ones.
function oldArticles(): { id: number; url: string }[] {
  return testDb()
    .prepare(
      `SELECT a.id, '/' || s.slug || '/' || a.slug AS url FROM articles a JOIN sections s ON s.id = a.section_id
        WHERE a.status = 'published' AND a.deleted_at IS NULL AND a.kind <> 'feed'
        ORDER BY a.published_at ASC LIMIT 2`,
    )
    .all() as { id: number; url: string }[];
}

const tagIdsOf = (articleId: number) =>
  (testDb().prepare('SELECT tag_id FROM article_tags WHERE article_id = ? ORDER BY tag_id').all(articleId) as { tag_id: number }[]).map((r) => r.tag_id);
const tagBySlug = (slug: string) => testDb().prepare('SELECT id, name, slug FROM tags WHERE slug = ?').get(slug) as { id: number; name: string; slug: string } | undefined;

test('an editor creates a section (a reserved slug is refused), moves it by keyboard and deletes it', async ({ page, signInAs, request }) => {
  test.setTimeout(60_000);
  const s = stamp();
  const name = `Night Desk ${s}`;
  const slug = `night-desk-${s}`;
  await signInAs('editor');
  await page.goto('/admin/sections');
  await expect(page.getByRole('heading', { name: 'Sections', level: 1 })).toBeVisible();

  const form = page.locator('form', { has: page.getByRole('button', { name: 'Create section' }) });
  await form.getByLabel('Name').fill(name);
  await expect(form.getByLabel('Slug')).toHaveValue(slug);
  await form.getByLabel('Slug').fill('admin');
  await form.getByRole('button', { name: 'Create section' }).click();
  await expect(form.getByText('“admin” is reserved by the site; choose another slug.').first()).toBeVisible();
  await expect(form.getByLabel('Name')).toHaveValue(name);
  await expect(form.getByLabel('Slug')).toHaveValue('admin');
  expect(countRows('SELECT count(*) AS n FROM sections WHERE slug = ?', 'admin')).toBe(0);

  await form.getByLabel('Slug').fill(slug);
  await form.getByRole('button', { name: 'Create section' }).click();
  await expect(page.getByTestId('form-message')).toContainText(`created at /${slug}`);
  expect(countRows('SELECT count(*) AS n FROM sections WHERE slug = ?', slug)).toBe(1);
  // The public site knows the new section on the next request, navigation included.
  expect((await request.get(`/${slug}`)).status()).toBe(200);
  await expect(page.getByTestId('section-order').locator('p', { hasText: name })).toBeVisible();

  // New sections go last; Move up by keyboard saves the order and keeps focus on the button.
  const position = () => (testDb().prepare('SELECT position FROM sections WHERE slug = ?').get(slug) as { position: number }).position;
  const before = position();
  const moveUp = page.getByTestId('section-order').getByRole('button', { name: `↑ Move up ${name}` });
  await moveUp.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('order-message')).toHaveText('Order saved.');
  await expect(moveUp).toBeFocused();
  await expect(page.getByTestId('sortable-announcement')).toContainText(`“${name}” moved to position`);
  expect(position()).toBeLessThan(before);

  // A section used by articles cannot be deleted; an empty one can.
  const used = page.locator('[data-testid^="section-row-"]').first();
  await used.getByText('Edit', { exact: false }).first().click();
  await used.getByRole('button', { name: /Delete section/ }).click();
  await expect(used.getByTestId('form-error')).toContainText('Move them to another section first.');

  const row = page.getByTestId(`section-row-${slug}`);
  await row.getByText('Edit', { exact: false }).first().click();
  await row.getByRole('button', { name: /Delete section/ }).click();
  await expect(page.getByTestId(`section-row-${slug}`)).toHaveCount(0);
  expect(countRows('SELECT count(*) AS n FROM sections WHERE slug = ?', slug)).toBe(0);
});

test('an editor renames and merges tags: old tag addresses redirect and articles move', async ({ page, signInAs, request }) => {
  test.setTimeout(60_000);
  const s = stamp();
  await signInAs('editor');
  await page.goto('/admin/tags');
  const create = page.locator('form', { has: page.getByRole('button', { name: 'Create tag' }) });
  for (const name of [`Trams ${s}`, `Transit ${s}`]) {
    await create.getByLabel('Name').fill(name);
    await create.getByRole('button', { name: 'Create tag' }).click();
    await expect(page.getByTestId('form-message')).toContainText(`Tag “${name}” created`);
  }
  const trams = tagBySlug(`trams-${s}`)!;
  const transit = tagBySlug(`transit-${s}`)!;
  const [first, second] = oldArticles();
  const link = testDb().prepare('INSERT INTO article_tags (article_id, tag_id, position) VALUES (?, ?, 90)');
  link.run(first!.id, trams.id);
  link.run(second!.id, trams.id);
  link.run(second!.id, transit.id);

  // Rename with a new slug: the old address answers a permanent redirect.
  await page.goto(`/admin/tags?q=${encodeURIComponent(s)}`);
  const row = page.getByTestId(`tag-row-trams-${s}`);
  await expect(row.getByTestId('tag-count')).toHaveText('2 articles');
  await row.getByText('Edit, merge or delete').click();
  await row.getByLabel('Name', { exact: true }).fill(`Streetcars ${s}`);
  await row.getByLabel('Slug').fill(`streetcars-${s}`);
  await row.getByRole('button', { name: 'Save tag' }).click();
  // The row now lists the new slug (same element: rows are keyed by id).
  await expect(page.getByTestId(`tag-row-streetcars-${s}`).getByTestId('form-message')).toContainText(`now redirects to /tag/streetcars-${s}`);
  expect(tagBySlug(`streetcars-${s}`)?.id).toBe(trams.id);
  const renamed = await request.get(`/tag/trams-${s}`, { maxRedirects: 0 });
  expect(renamed.status()).toBe(308);
  expect(renamed.headers().location).toMatch(new RegExp(`/tag/streetcars-${s}$`));
  expect((await request.get(`/tag/streetcars-${s}`)).status()).toBe(200);

  // Merge into Transit: both articles carry Transit once, Streetcars is gone, both old
  // addresses lead straight to /tag/transit-….
  await page.goto(`/admin/tags?q=${encodeURIComponent(s)}`);
  const merged = page.getByTestId(`tag-row-streetcars-${s}`);
  await merged.getByText('Edit, merge or delete').click();
  await merged.getByLabel(`Merge “Streetcars ${s}” into`).fill(`transit-${s}`);
  await merged.getByRole('button', { name: /Merge tag/ }).click();
  await expect(page.getByTestId(`tag-row-streetcars-${s}`)).toHaveCount(0);
  expect(tagBySlug(`streetcars-${s}`)).toBeUndefined();
  expect(tagIdsOf(first!.id)).toContain(transit.id);
  expect(tagIdsOf(second!.id).filter((id) => id === transit.id)).toHaveLength(1);
  expect(countRows('SELECT count(*) AS n FROM article_tags WHERE tag_id = ?', trams.id)).toBe(0);
  await expect(page.getByTestId(`tag-row-transit-${s}`).getByTestId('tag-count')).toHaveText('2 articles');
  for (const old of [`trams-${s}`, `streetcars-${s}`]) {
    const response = await request.get(`/tag/${old}`, { maxRedirects: 0 });
    expect(response.status(), old).toBe(308);
    expect(response.headers().location).toMatch(new RegExp(`/tag/transit-${s}$`));
  }
  const tagPage = await request.get(`/tag/transit-${s}`);
  expect(await tagPage.text()).toContain(`Transit ${s}`);
  expect(countRows(`SELECT count(*) AS n FROM audit_log WHERE action = 'tag.merged' AND target_id = ?`, String(transit.id))).toBe(1);

  // Delete: the articles lose the tag.
  const gone = page.getByTestId(`tag-row-transit-${s}`);
  await gone.getByText('Edit, merge or delete').click();
  await gone.locator('summary', { hasText: /^Delete/ }).click();
  await gone.getByRole('button', { name: /Confirm delete/ }).click();
  await expect(page.getByTestId(`tag-row-transit-${s}`)).toHaveCount(0);
  expect(countRows('SELECT count(*) AS n FROM article_tags WHERE tag_id = ?', transit.id)).toBe(0);
});

test('an editor creates a byline with an avatar and a linked user, then deletes it', async ({ page, signInAs }) => {
  const s = stamp();
  const writer = await createTestUser('author', { name: `Writer ${s}` });
  await signInAs('editor');
  await page.goto('/admin/bylines');
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Create byline' }) });
  await form.getByLabel('Name').fill(`Mira Koval ${s}`);
  await form.getByLabel('Job title').fill('Transport reporter');
  await form.getByLabel('Bio').fill('Covers the city’s trams and buses.');
  const avatar = await form.getByLabel('Avatar').locator('option').nth(1).getAttribute('value');
  await form.getByLabel('Avatar').selectOption(avatar!);
  await form.getByLabel('Linked user').selectOption(String(writer.id));
  await form.getByRole('button', { name: 'Create byline' }).click();
  await expect(page.getByTestId('form-message')).toContainText(`/author/mira-koval-${s}`);
  const row = testDb().prepare('SELECT id, kind, job_title, avatar_media_id, user_id FROM bylines WHERE slug = ?').get(`mira-koval-${s}`);
  expect(row).toMatchObject({ kind: 'person', job_title: 'Transport reporter', avatar_media_id: Number(avatar), user_id: writer.id });

  const listed = page.getByTestId(`byline-row-mira-koval-${s}`);
  await listed.getByText('Edit', { exact: false }).first().click();
  await listed.getByRole('button', { name: /Delete byline/ }).click();
  await expect(page.getByTestId(`byline-row-mira-koval-${s}`)).toHaveCount(0);
});

const PAGES = ['/admin/sections', '/admin/tags', '/admin/bylines'];

for (const role of ['author', 'contributor'] as Role[]) {
  test(`a ${role} gets the forbidden view on sections, tags and bylines`, async ({ page, signInAs }) => {
    await signInAs(role);
    await page.goto('/admin');
    for (const label of ['Sections', 'Tags', 'Bylines']) {
      await expect(page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: label })).toHaveCount(0);
    }
    for (const path of PAGES) {
      await page.goto(path);
      await expect(page.getByRole('heading', { name: 'Your role does not open this page' }), path).toBeVisible();
      await expect(page.locator('main form')).toHaveCount(0);
    }
  });
}

async function captureAction(page: Page, path: string, trigger: () => Promise<void>) {
  let resolve!: (c: { headers: Record<string, string>; body: Buffer }) => void;
  const captured = new Promise<{ headers: Record<string, string>; body: Buffer }>((r) => (resolve = r));
  await page.route((url) => url.pathname === path, async (route) => {
    const req = route.request();
    if (req.method() === 'POST' && req.headers()['next-action']) {
      resolve({ headers: req.headers(), body: req.postDataBuffer() ?? Buffer.alloc(0) });
      await route.abort();
    } else await route.continue();
  });
  await trigger();
  const c = await captured;
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  return c;
}

async function replay(request: APIRequestContext, path: string, c: { headers: Record<string, string>; body: Buffer }) {
  const headers = Object.fromEntries(Object.entries(c.headers).filter(([k]) => !['cookie', 'content-length', 'host'].includes(k.toLowerCase())));
  return request.post(path, { headers, data: c.body, maxRedirects: 0 });
}

test('forged section and tag actions from an author write nothing', async ({ page, signInAs, browser, baseURL }) => {
  const s = stamp();
  await signInAs('editor');
  await page.goto('/admin/sections');
  const section = await captureAction(page, '/admin/sections', async () => {
    await page.getByLabel('Name').first().fill(`Forged ${s}`);
    await page.getByRole('button', { name: 'Create section' }).click();
  });
  const seededTag = testDb().prepare('SELECT id, slug FROM tags ORDER BY id LIMIT 1').get() as { id: number; slug: string };
  await page.goto(`/admin/tags?q=${seededTag.slug}`);
  const tagRow = page.getByTestId(`tag-row-${seededTag.slug}`);
  const rename = await captureAction(page, '/admin/tags', async () => {
    await tagRow.getByText('Edit, merge or delete').click();
    await tagRow.getByLabel('Name', { exact: true }).fill(`Forged ${s}`);
    await tagRow.getByRole('button', { name: 'Save tag' }).click();
  });

  const author = await createTestUser('author');
  const context = await browser.newContext();
  await addSession(context, author, baseURL!);
  for (const [path, c] of [['/admin/sections', section], ['/admin/tags', rename]] as const) {
    const response = await replay(context.request, path, c);
    expect(await response.text(), path).toContain('You are not allowed to do that.');
  }
  expect(countRows('SELECT count(*) AS n FROM sections WHERE name = ?', `Forged ${s}`)).toBe(0);
  expect(countRows('SELECT count(*) AS n FROM tags WHERE name = ?', `Forged ${s}`)).toBe(0);
  await context.close();
});

test('the tag API: search for the newsroom, create for authors and up', async ({ browser, baseURL, playwright }) => {
  const s = stamp();
  const name = `Night buses ${s}`;
  const asRole = async (role: Role) => {
    const context = await browser.newContext({ baseURL });
    await addSession(context, await createTestUser(role), baseURL!);
    return context;
  };
  const origin = new URL(baseURL!).origin;

  const stranger = await playwright.request.newContext({ baseURL });
  const signedOut = await stranger.get('/api/admin/tags?q=a');
  expect(signedOut.status()).toBe(401);
  expect(await signedOut.json()).toHaveProperty('error');
  expect((await stranger.post('/api/admin/tags', { data: { name }, headers: { origin } })).status()).toBe(401);
  await stranger.dispose();

  const contributor = await asRole('contributor');
  const refused = await contributor.request.post('/api/admin/tags', { data: { name }, headers: { origin } });
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toHaveProperty('error');
  expect(countRows('SELECT count(*) AS n FROM tags WHERE name = ?', name)).toBe(0);
  // Contributors may still search (to attach existing tags).
  expect((await contributor.request.get('/api/admin/tags?q=a')).status()).toBe(200);
  await contributor.close();

  const author = await asRole('author');
  const created = await author.request.post('/api/admin/tags', { data: { name }, headers: { origin } });
  expect(created.status()).toBe(201);
  const { tag } = (await created.json()) as { tag: { id: number; name: string; slug: string } };
  expect(tag).toEqual({ id: expect.any(Number), name, slug: `night-buses-${s}` });
  expect(countRows('SELECT count(*) AS n FROM tags WHERE id = ? AND name = ?', tag.id, name)).toBe(1);
  expect(countRows(`SELECT count(*) AS n FROM audit_log WHERE action = 'tag.created' AND target_id = ?`, String(tag.id))).toBe(1);

  const again = await author.request.post('/api/admin/tags', { data: { name: name.toUpperCase() }, headers: { origin } });
  expect(again.status()).toBe(200);
  expect(((await again.json()) as { tag: { id: number } }).tag.id).toBe(tag.id);

  expect((await author.request.post('/api/admin/tags', { data: { name: '  ' }, headers: { origin } })).status()).toBe(422);
  expect((await author.request.post('/api/admin/tags', { data: { name: `Other ${s}` }, headers: { origin: 'https://evil.example' } })).status()).toBe(403);

  const search = await author.request.get(`/api/admin/tags?q=${encodeURIComponent(`night buses ${s}`)}`);
  expect(search.status()).toBe(200);
  const { tags } = (await search.json()) as { tags: { id: number; name: string; slug: string }[] };
  expect(tags[0]).toEqual(tag);
  const many = (await (await author.request.get('/api/admin/tags?q=')).json()) as { tags: unknown[] };
  expect(many.tags.length).toBeLessThanOrEqual(10);

  const bylines = await author.request.get('/api/admin/bylines?q=');
  expect(bylines.status()).toBe(200);
  const body = (await bylines.json()) as { bylines: { id: number; name: string; slug: string; kind: string }[] };
  expect(body.bylines.length).toBeGreaterThan(0);
  expect(Object.keys(body.bylines[0]!).sort()).toEqual(['id', 'kind', 'name', 'slug']);
  await author.close();
});
