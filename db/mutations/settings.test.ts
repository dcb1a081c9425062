import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConnection, type Connection } from '@/db/client';
import { breakingInputSchema, isBannerLink, isSupportedTimeZone, siteSettingsInputSchema } from '@/lib/validation/taxonomy';
import { setBreaking, updateSiteSettings } from './settings';

let dir: string;
let conn: Connection;
const actor = { id: null, email: 'admin@x.test', ip: null };

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-settings-'));
  conn = openConnection(path.join(dir, 'gazette.db'));
});
afterEach(() => {
  conn.sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const setting = (key: string) => {
  const row = conn.sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? JSON.parse(row.value) : undefined;
};

describe('settings', () => {
  it('sets and clears the breaking banner, auditing each change', async () => {
    const banner = { text: 'Bridge closed', url: '/news/bridge', expiresAt: '2030-01-01T10:00:00.000Z' };
    expect(await setBreaking(banner, actor, conn.db)).toEqual({ ok: true, invalidates: ['settings'] });
    expect(setting('breaking')).toEqual(banner);
    await setBreaking(null, actor, conn.db);
    expect(setting('breaking')).toBeNull();
    const rows = conn.sqlite.prepare(`SELECT action FROM audit_log`).all();
    expect(rows).toEqual([{ action: 'breaking.updated' }, { action: 'breaking.updated' }]);
  });

  it('stores the site name and time zone', async () => {
    const result = await updateSiteSettings({ siteName: 'Kyiv Gazette', timeZone: 'Europe/Berlin' }, actor, conn.db);
    expect(result.invalidates).toContain('settings');
    expect(setting('site_name')).toBe('Kyiv Gazette');
    expect(setting('time_zone')).toBe('Europe/Berlin');
  });

  it('validates links and zones', () => {
    expect(isBannerLink('/news/story')).toBe(true);
    expect(isBannerLink('https://example.com/a')).toBe(true);
    expect(isBannerLink('//evil.example')).toBe(false);
    expect(isBannerLink('javascript:alert(1)')).toBe(false);
    expect(breakingInputSchema.safeParse({ text: 'x', url: 'ftp://a', expiresAt: '' }).success).toBe(false);
    expect(isSupportedTimeZone('Europe/Kyiv')).toBe(true);
    expect(isSupportedTimeZone('America/New_York')).toBe(true);
    expect(isSupportedTimeZone('+02:00')).toBe(false);
    expect(isSupportedTimeZone('Mars/Olympus')).toBe(false);
    expect(siteSettingsInputSchema.safeParse({ siteName: 'G', timeZone: 'europe/paris' }).success).toBe(false);
  });
});
