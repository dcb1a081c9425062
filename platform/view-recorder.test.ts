import { describe, expect, it } from 'vitest';
import { isKnownBot, MAX_ADDRESSES_PER_HOUR, MAX_VIEWS_PER_ADDRESS_PER_HOUR, ViewRecorder, type PageViewCount } from './view-recorder';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';
const reader = '203.0.113.7';
const other = '198.51.100.1';
const T0 = Date.UTC(2026, 10, 26, 10, 5);
const HOUR = 3_600_000;

describe('isKnownBot', () => {
  it('recognises crawlers, previews and scripts', () => {
    for (const ua of [
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
      'facebookexternalhit/1.1',
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/130.0 Safari/537.36',
      'curl/8.5.0',
      'python-requests/2.31',
      'Slackbot-LinkExpanding 1.0',
      '',
      'x',
    ]) {
      expect(isKnownBot(ua), ua).toBe(true);
    }
    expect(isKnownBot(null)).toBe(true);
  });

  it('lets browsers through', () => {
    expect(isKnownBot(CHROME)).toBe(false);
    expect(isKnownBot('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1')).toBe(false);
  });
});

describe('ViewRecorder', () => {
  it('counts an address once per article and hour', () => {
    const views = new ViewRecorder(() => 'salt');
    expect(views.record(1, reader, T0)).toBe('counted');
    expect(views.record(1, reader, T0 + 60_000)).toBe('duplicate');
    expect(views.record(2, reader, T0)).toBe('counted');
    expect(views.record(1, reader, T0 + HOUR)).toBe('counted');
    expect(views.pendingCount()).toBe(3);
  });

  it('knows a reader by address alone: rotating user agents from one address count once', () => {
    const views = new ViewRecorder(() => 'salt');
    // What the beacon route does with each request (app/api/views/route.ts): the user agent only
    // decides whether it is a bot; the recorder is given the address.
    const results = Array.from({ length: 50 }, (_, i) => {
      const userAgent = `${CHROME} reader/${i}`;
      return isKnownBot(userAgent) ? 'bot' : views.record(1, reader, T0 + i * 1000);
    });
    expect(results[0]).toBe('counted');
    expect(results.slice(1).every((r) => r === 'duplicate')).toBe(true);
    expect(views.pendingCount()).toBe(1);
  });

  it('counts different addresses separately, and requests without one as a single reader', () => {
    const views = new ViewRecorder(() => 'salt');
    expect(views.record(1, reader, T0)).toBe('counted');
    expect(views.record(1, other, T0)).toBe('counted');
    expect(views.record(1, '2001:db8::1', T0)).toBe('counted');
    expect(views.record(1, '', T0)).toBe('counted');
    expect(views.record(1, '', T0 + 1000)).toBe('duplicate');
    expect(views.pendingCount()).toBe(4);
  });

  it('limits what one address adds in a clock hour, and starts again the next hour', () => {
    const views = new ViewRecorder(() => 'salt');
    for (let id = 1; id <= MAX_VIEWS_PER_ADDRESS_PER_HOUR; id++) {
      expect(views.record(id, reader, T0 + id)).toBe('counted');
    }
    const past = MAX_VIEWS_PER_ADDRESS_PER_HOUR + 1;
    expect(views.record(past, reader, T0 + 60_000)).toBe('limited');
    expect(views.record(past + 1, reader, T0 + 120_000)).toBe('limited');
    // Already counted this hour: still a duplicate, not a new view.
    expect(views.record(1, reader, T0 + 120_000)).toBe('duplicate');
    // Another address is not held back by this one.
    expect(views.record(past, other, T0 + 60_000)).toBe('counted');
    expect(views.pendingCount()).toBe(MAX_VIEWS_PER_ADDRESS_PER_HOUR + 1);

    // T0 is 10:05 UTC; 11:00 is a new clock hour.
    const nextHour = Date.UTC(2026, 10, 26, 11, 0);
    expect(views.record(past, reader, nextHour)).toBe('counted');
    expect(views.record(1, reader, nextHour)).toBe('counted');
    expect(views.pendingCount()).toBe(MAX_VIEWS_PER_ADDRESS_PER_HOUR + 3);
  });

  it('keeps at most a bounded number of addresses an hour, and frees the room the next hour', () => {
    const views = new ViewRecorder(() => 'salt');
    const address = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
    for (let n = 0; n < MAX_ADDRESSES_PER_HOUR; n++) views.record(1, address(n), T0);
    expect(views.pendingCount()).toBe(MAX_ADDRESSES_PER_HOUR);
    expect(views.record(1, address(MAX_ADDRESSES_PER_HOUR), T0)).toBe('dropped');
    // An address already known this hour still counts its next article.
    expect(views.record(2, address(0), T0)).toBe('counted');
    expect(views.record(1, address(MAX_ADDRESSES_PER_HOUR), T0 + HOUR)).toBe('counted');
  });

  it('hands over counts per article and UTC day, once', async () => {
    const views = new ViewRecorder(() => 'salt');
    views.record(1, reader, T0);
    views.record(1, other, T0);
    views.record(2, reader, T0);
    const written: PageViewCount[][] = [];
    expect(await views.flush((batch) => void written.push(batch))).toBe(3);
    expect(written[0]).toEqual([
      { articleId: 1, day: '2026-11-26', count: 2 },
      { articleId: 2, day: '2026-11-26', count: 1 },
    ]);
    expect(await views.flush((batch) => void written.push(batch))).toBe(0);
    expect(written).toHaveLength(1);
  });

  it('keeps the counts when a write fails', async () => {
    const views = new ViewRecorder(() => 'salt');
    views.record(1, reader, T0);
    await expect(views.flush(() => Promise.reject(new Error('busy')))).rejects.toThrow('busy');
    views.record(1, other, T0);
    expect(views.pendingCount()).toBe(2);
  });

  it('uses a new salt every UTC day', () => {
    let salts = 0;
    const views = new ViewRecorder(() => `salt-${++salts}`);
    views.record(1, reader, T0);
    views.record(1, reader, T0 + 10 * 60_000);
    expect(salts).toBe(1);
    views.record(1, reader, T0 + 24 * HOUR);
    expect(salts).toBe(2);
  });
});
