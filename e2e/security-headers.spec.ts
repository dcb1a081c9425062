import { expect, FIRST_ADMIN, signInWithForm, test } from './auth-fixtures';
import { getPublishedArticle } from './fixtures';

// Response headers of public, newsroom and sign-in pages.

function expectCommon(headers: Record<string, string>) {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy']).toContain('camera=()');
}

test('public pages: static CSP without a nonce, and still served from the cache', async ({ request }) => {
  for (const path of ['/', getPublishedArticle().url]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    expectCommon(headers);
    const csp = headers['content-security-policy']!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('nonce-');
    expect(headers['cache-control'], path).toMatch(/s-maxage=\d+/);
    expect(headers['cache-control']).not.toContain('private');
    expect(headers['x-robots-tag']).toBeUndefined();
  }
});

test('sign-in and newsroom pages: private, no-store, noindex, a fresh nonce each time, never framed', async ({ page, request }) => {
  const nonces = new Set<string>();
  const check = (headers: Record<string, string>, path: string) => {
    expectCommon(headers);
    expect(headers['cache-control'], path).toBe('private, no-store');
    expect(headers['x-robots-tag'], path).toContain('noindex');
    const csp = headers['content-security-policy']!;
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).not.toContain('unsafe-inline');
    const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce, path).toBeTruthy();
    nonces.add(nonce!);
  };
  check((await request.get('/login')).headers(), '/login');
  check((await request.get('/login')).headers(), '/login');

  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const login = await page.goto('/login');
  check(login!.headers(), '/login (browser)');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await signInWithForm(page, FIRST_ADMIN.email, FIRST_ADMIN.password);
  await expect(page).toHaveURL(/\/admin$/);
  const admin = await page.goto('/admin/users');
  check(admin!.headers(), '/admin/users');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  // The page works under the strict policy: its scripts carry the nonce (a client form renders).
  await expect(page.getByRole('button', { name: 'Invite' })).toBeEnabled();
  expect(violations).toEqual([]);
  expect(nonces.size).toBe(4);
});
