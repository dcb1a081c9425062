import { expect, test } from '@playwright/test';

test('the health check reports a ready, migrated database and is never cached', { tag: '@desktop' }, async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toBe('no-store');
  const body = await response.json();
  expect(body).toMatchObject({ status: 'ok', live: true, ready: true, checks: { dataDir: { ok: true }, scheduler: { ok: true, running: true } } });
  expect(body.checks.database.migrationsApplied).toBe(body.checks.database.migrationsExpected);
  expect(body.checks.database.migrationsExpected).toBeGreaterThan(0);
});
