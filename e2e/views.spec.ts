import { expect, test } from '@playwright/test';
import { getViewsToday, listPopularity } from './reader-fixtures';

// Most Popular: a reader's visit is counted once per hour, bots are not, counts are written in
// batches (flushed here through the test hook), and the widget then shows the new order.

const READER_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36';

test.use({ userAgent: READER_UA });

// The e2e server trusts one proxy (TRUSTED_PROXY=1), so X-Forwarded-For names the reader: each
// simulated reader gets an address of its own from the benchmarking range, unique to this run.
let next = Math.floor(Math.random() * 50_000);
const readerAddress = () => {
  next += 1;
  return `198.18.${Math.floor(next / 250) % 256}.${(next % 250) + 1}`;
};

test('a reader’s view is counted once, and Most Popular follows after a flush', async ({ page, request, baseURL }) => {
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': readerAddress() });
  const ranking = listPopularity();
  // The sixth most read article, just outside the five the widget shows.
  const target = ranking[5]!;
  const fifth = ranking[4]!;
  const before = getViewsToday(target.id);

  const beacon = () => page.waitForRequest((r) => r.url().endsWith('/api/views') && r.method() === 'POST');
  const first = beacon();
  await page.goto(target.url);
  const sent = await first;
  expect(sent.postDataJSON()).toEqual({ articleId: target.id });
  expect(await (await sent.response())?.json()).toMatchObject({ counted: true });

  const second = beacon();
  await page.reload();
  expect(await (await (await second).response())?.json()).toMatchObject({ counted: false, reason: 'duplicate' });

  const origin = new URL(baseURL!).origin;
  // Bots and other sites are not counted.
  const bot = await request.post('/api/views', {
    headers: { origin, 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' },
    data: { articleId: target.id },
  });
  expect(await bot.json()).toMatchObject({ counted: false, reason: 'bot' });
  const foreign = await request.post('/api/views', {
    headers: { origin: 'https://elsewhere.example', 'user-agent': READER_UA },
    data: { articleId: target.id },
  });
  expect(foreign.status()).toBe(403);

  // Enough other readers to lift the article past the fifth.
  const needed = fifth.views - target.views + 1;
  for (let start = 0; start < needed; start += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, needed - start) }, () =>
        request.post('/api/views', {
          headers: { origin, 'user-agent': READER_UA, 'x-forwarded-for': readerAddress() },
          data: { articleId: target.id },
        }),
      ),
    );
  }

  const flush = await request.post('/api/views/flush', { headers: { origin } });
  expect(flush.status()).toBe(200);
  expect(getViewsToday(target.id) - before).toBe(1 + needed);

  await page.goto('/');
  const popular = page.getByRole('region', { name: 'Most Popular' });
  await expect(popular.getByRole('link', { name: target.title })).toBeVisible();
});

test('one address counts once per article whatever user agent it claims, at most 30 views an hour, and only for live articles', async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const ranking = listPopularity();
  const address = readerAddress();
  const send = (articleId: number, userAgent = READER_UA) =>
    request.post('/api/views', { headers: { origin, 'user-agent': userAgent, 'x-forwarded-for': address }, data: { articleId } });

  const first = ranking[0]!;
  expect(await (await send(first.id)).json()).toMatchObject({ counted: true });
  for (let i = 0; i < 5; i++) {
    expect(await (await send(first.id, `${READER_UA} rotated/${i}`)).json(), 'a new user agent is not a new reader').toMatchObject({
      counted: false,
      reason: 'duplicate',
    });
  }
  // 29 more distinct articles fill the hour's allowance; the 31st is refused.
  const others = ranking.slice(1, 31);
  expect(others).toHaveLength(30);
  const answers = [];
  for (const article of others) answers.push(await (await send(article.id)).json());
  expect(answers.slice(0, 29).every((a) => a.counted === true)).toBe(true);
  expect(answers[29]).toMatchObject({ counted: false, reason: 'limited' });

  const unknown = await request.post('/api/views', {
    headers: { origin, 'user-agent': READER_UA, 'x-forwarded-for': readerAddress() },
    data: { articleId: 2_000_000_000 },
  });
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toMatchObject({ counted: false, reason: 'unknown' });
});

test('the beacon refuses other methods and bad bodies', async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  expect((await request.get('/api/views')).status()).toBe(405);
  const bad = await request.post('/api/views', {
    headers: { origin, 'user-agent': READER_UA },
    data: '{"articleId":"1; DROP TABLE"}',
  });
  expect(bad.status()).toBe(400);
  const missing = await request.post('/api/views', { headers: { 'user-agent': READER_UA }, data: { articleId: 1 } });
  expect(missing.status()).toBe(403);
});
