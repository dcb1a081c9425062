import { addSession, countRows, createTestUser, expect, test, type Role } from './auth-fixtures';
import { getPublishedArticle } from './fixtures';

// The newsroom's redirect page: an editor's redirect answers 308 on the very next public
// request, loops and chains are refused with nothing written, deleting brings back the 404,
// and roles below editor can neither see nor drive it.

const redirectsFrom = (from: string) => countRows('SELECT count(*) AS n FROM redirects WHERE from_path = ?', from);

test('an editor adds, is refused a loop and a chain, and deletes a redirect', async ({ page, signInAs, request }) => {
  test.setTimeout(60_000);
  const seeded = getPublishedArticle();
  const stamp = Date.now();
  const oldPath = `/${seeded.sectionSlug}/e2e-admin-old-${stamp}`;
  await signInAs('editor');

  // Cache a 404 first: the add must replace it.
  expect((await request.get(oldPath, { maxRedirects: 0 })).status()).toBe(404);

  await page.goto('/admin/redirects');
  await expect(page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Redirects' })).toBeVisible();
  await page.getByLabel('Old address').fill(oldPath);
  await page.getByLabel('New address').fill(seeded.url);
  await page.getByRole('button', { name: 'Add redirect' }).click();
  await expect(page.getByTestId('form-message')).toContainText(`${oldPath} now redirects to ${seeded.url}`);
  await expect(page.getByTestId(`redirect-row-${oldPath}`)).toContainText('Manual');

  const moved = await request.get(oldPath, { maxRedirects: 0 });
  expect(moved.status()).toBe(308);
  expect(moved.headers().location).toMatch(new RegExp(`${seeded.url}$`));

  // A loop: the target redirects back to the old address.
  await page.getByLabel('Old address').fill(seeded.url);
  await page.getByLabel('New address').fill(oldPath);
  await page.getByRole('button', { name: 'Add redirect' }).click();
  await expect(page.getByTestId('form-error')).toHaveText('This redirect would send readers round in a loop.');
  await expect(page.getByLabel('Old address')).toHaveValue(seeded.url);
  await expect(page.getByLabel('New address')).toHaveValue(oldPath);
  expect(redirectsFrom(seeded.url)).toBe(0);

  // A chain: the target is itself redirected.
  const chained = `/e2e-chain-${stamp}`;
  await page.getByLabel('Old address').fill(chained);
  await page.getByLabel('New address').fill(oldPath);
  await page.getByRole('button', { name: 'Add redirect' }).click();
  await expect(page.getByTestId('form-error')).toContainText('The new address is itself redirected');
  await expect(page.getByLabel('Old address')).toHaveValue(chained);
  expect(redirectsFrom(chained)).toBe(0);

  // Delete, with the confirm step.
  const row = page.getByTestId(`redirect-row-${oldPath}`);
  await row.getByText('Delete', { exact: false }).first().click();
  await row.getByRole('button', { name: /Confirm delete/ }).click();
  await expect(page.getByTestId(`redirect-row-${oldPath}`)).toHaveCount(0);
  expect(redirectsFrom(oldPath)).toBe(0);
  expect((await request.get(oldPath, { maxRedirects: 0 })).status()).toBe(404);
});

for (const role of ['author', 'contributor'] as Role[]) {
  test(`a ${role} has no Redirects link and is refused the page`, async ({ page, signInAs }) => {
    await signInAs(role);
    await page.goto('/admin');
    await expect(page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Redirects' })).toHaveCount(0);
    expect((await page.goto('/admin/redirects'))?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Your role does not open this page' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Add redirect' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Redirects', level: 1 })).toHaveCount(0);
  });
}

test('a forged add-redirect action as an author writes nothing', async ({ page, signInAs, browser, baseURL }) => {
  const seeded = getPublishedArticle();
  const oldPath = `/e2e-forged-${Date.now()}`;
  await signInAs('editor');
  await page.goto('/admin/redirects');
  let resolve!: (c: { headers: Record<string, string>; body: Buffer }) => void;
  const captured = new Promise<{ headers: Record<string, string>; body: Buffer }>((r) => (resolve = r));
  await page.route('**/admin/redirects', async (route) => {
    const req = route.request();
    if (req.method() === 'POST' && req.headers()['next-action']) {
      resolve({ headers: req.headers(), body: req.postDataBuffer() ?? Buffer.alloc(0) });
      await route.abort();
    } else await route.continue();
  });
  await page.getByLabel('Old address').fill(oldPath);
  await page.getByLabel('New address').fill(seeded.url);
  await page.getByRole('button', { name: 'Add redirect' }).click();
  const c = await captured;
  expect(redirectsFrom(oldPath)).toBe(0);

  const author = await createTestUser('author');
  const context = await browser.newContext();
  await addSession(context, author, baseURL!);
  const headers = Object.fromEntries(Object.entries(c.headers).filter(([k]) => !['cookie', 'content-length', 'host'].includes(k.toLowerCase())));
  const response = await context.request.post('/admin/redirects', { headers, data: c.body, maxRedirects: 0 });
  expect(await response.text()).toContain('You are not allowed to do that.');
  expect(redirectsFrom(oldPath)).toBe(0);
  await context.close();
});
