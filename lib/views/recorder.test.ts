import { describe, expect, it } from 'vitest';
import { isKnownBot, ViewRecorder, type PageViewCount } from './recorder';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';
const reader = { ip: '203.0.113.7', userAgent: CHROME };
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
  it('counts a reader once per article and hour', () => {
    const views = new ViewRecorder(() => 'salt');
    expect(views.record(1, reader, T0)).toBe('counted');
    expect(views.record(1, reader, T0 + 60_000)).toBe('duplicate');
    expect(views.record(2, reader, T0)).toBe('counted');
    expect(views.record(1, { ...reader, ip: '198.51.100.1' }, T0)).toBe('counted');
    expect(views.record(1, { ...reader, userAgent: `${CHROME} Edg/130` }, T0)).toBe('counted');
    expect(views.record(1, reader, T0 + HOUR)).toBe('counted');
    expect(views.pendingCount()).toBe(5);
  });

  it('hands over counts per article and UTC day, once', async () => {
    const views = new ViewRecorder(() => 'salt');
    views.record(1, reader, T0);
    views.record(1, { ...reader, ip: '198.51.100.1' }, T0);
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
    views.record(1, { ...reader, ip: '198.51.100.1' }, T0);
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
