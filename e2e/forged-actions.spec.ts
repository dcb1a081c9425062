import type { APIRequestContext, Page } from '@playwright/test';
import { addSession, countRows, createTestUser, expect, getUserRow, test, type Role } from './auth-fixtures';

// A hidden button is not a check. For every action on /admin/users, an administrator's real
// request is captured (and stopped before it reaches the server), then replayed byte for byte
// with the session of a role that may not take it, and with no session at all: each is refused
// and nothing changes in the database. Replaying one as the admin proves the forgery is valid.

interface Captured {
  name: string;
  headers: Record<string, string>;
  body: Buffer;
}

async function capture(page: Page, name: string, trigger: () => Promise<void>): Promise<Captured> {
  let resolve!: (c: Captured) => void;
  const captured = new Promise<Captured>((r) => (resolve = r));
  await page.route('**/admin/users', async (route) => {
    const request = route.request();
    const headers = request.headers();
    if (request.method() === 'POST' && headers['next-action']) {
      resolve({ name, headers, body: request.postDataBuffer() ?? Buffer.alloc(0) });
      await route.abort();
    } else {
      await route.continue();
    }
  });
  await trigger();
  const result = await captured;
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  return result;
}

async function replay(request: APIRequestContext, c: Captured) {
  const headers = Object.fromEntries(
    Object.entries(c.headers).filter(([k]) => !['cookie', 'content-length', 'host'].includes(k.toLowerCase())),
  );
  return request.post('/admin/users', { headers, data: c.body, maxRedirects: 0 });
}

test('every users action is refused to lower roles and to strangers, and changes nothing', async ({ page, signInAs, browser, baseURL, playwright }) => {
  test.setTimeout(90_000);
  await signInAs('admin');
  const target = await createTestUser('author');
  const inviteEmail = `forged-${target.id}@gazette.test`;

  const actions: Captured[] = [];
  await page.goto('/admin/users');
  actions.push(
    await capture(page, 'invite', async () => {
      await page.getByLabel('Name', { exact: true }).fill('Forged Invite');
      await page.getByLabel('Email', { exact: true }).fill(inviteEmail);
      await page.getByLabel('Role', { exact: true }).selectOption('admin');
      await page.getByRole('button', { name: 'Invite' }).click();
    }),
  );
  await page.goto('/admin/users');
  // Hydrated, so the dialogs open (the role change and the disable ask first).
  await page.waitForLoadState('networkidle');
  actions.push(
    await capture(page, 'change role', async () => {
      await page.getByLabel(`Role of ${target.name}`).selectOption('admin');
      await page.getByRole('button', { name: `Save role of ${target.name}` }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Change role' }).click();
    }),
  );
  await page.goto('/admin/users');
  await page.waitForLoadState('networkidle');
  actions.push(
    await capture(page, 'disable', async () => {
      await page.getByRole('button', { name: `Disable ${target.name}` }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Disable account' }).click();
    }),
  );
  await page.goto('/admin/users');
  actions.push(
    await capture(page, 'reset', () => page.getByRole('button', { name: `Reset password of ${target.name}` }).click()),
  );

  const snapshot = () => ({
    user: getUserRow(target.id),
    tokens: countRows('SELECT count(*) AS n FROM user_tokens WHERE user_id = ?', target.id),
    invited: countRows('SELECT count(*) AS n FROM users WHERE email = ?', inviteEmail),
    audit: countRows(`SELECT count(*) AS n FROM audit_log WHERE target_id = ? OR details LIKE ?`, String(target.id), `%${inviteEmail}%`),
  });
  const before = snapshot();
  expect(before.invited).toBe(0);

  const lowerRoles: Role[] = ['contributor', 'author', 'editor'];
  for (const role of lowerRoles) {
    const user = await createTestUser(role);
    const context = await browser.newContext();
    await addSession(context, user, baseURL!);
    for (const action of actions) {
      const response = await replay(context.request, action);
      expect(await response.text(), `${role}: ${action.name}`).toContain('You are not allowed to do that.');
      expect(snapshot(), `${role}: ${action.name}`).toEqual(before);
    }
    await context.close();
  }

  const stranger = await playwright.request.newContext({ baseURL });
  for (const action of actions) {
    const response = await replay(stranger, action);
    // Server actions answer a redirect as a header of the action's response.
    expect(response.headers()['x-action-redirect'] ?? response.headers()['location'], `stranger: ${action.name}`).toMatch(/^\/login/);
    expect(snapshot(), `stranger: ${action.name}`).toEqual(before);
  }
  await stranger.dispose();

  // Even the admin's own session cannot drive an action from another site: Next.js compares
  // Origin with Host before the action runs.
  const crossSite = await page.context().request.post('/admin/users', {
    headers: { ...Object.fromEntries(Object.entries(actions[1]!.headers).filter(([k]) => !['cookie', 'content-length', 'host'].includes(k))), origin: 'https://evil.example' },
    data: actions[1]!.body,
    maxRedirects: 0,
  });
  expect(crossSite.ok(), 'cross-site action').toBe(false);
  expect(snapshot(), 'cross-site action').toEqual(before);

  // The same forged bytes work for the admin: the refusals above came from the role check.
  const allowed = await replay(page.context().request, actions[1]!);
  expect(allowed.ok()).toBe(true);
  expect(getUserRow(target.id)?.role).toBe('admin');
});
