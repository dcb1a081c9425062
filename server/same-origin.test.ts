import { afterEach, describe, expect, it } from 'vitest';
import { isOwnSiteRequest } from './same-origin';
import { isSameOrigin } from '@/gateway/request-guard.mjs';

describe('isSameOrigin', () => {
  it('accepts our own origin', () => {
    expect(isSameOrigin('http://127.0.0.1:3102', '127.0.0.1:3102')).toBe(true);
    expect(isSameOrigin('https://news.example', 'localhost:3000', 'news.example')).toBe(true);
  });

  it('refuses other, missing and malformed origins', () => {
    expect(isSameOrigin('https://evil.example', 'news.example')).toBe(false);
    expect(isSameOrigin('http://127.0.0.1:3103', '127.0.0.1:3102')).toBe(false);
    expect(isSameOrigin(null, 'news.example')).toBe(false);
    expect(isSameOrigin('null', 'news.example')).toBe(false);
    expect(isSameOrigin('https://news.example', null)).toBe(false);
    expect(isSameOrigin('file:///etc', 'news.example')).toBe(false);
  });
});

describe('isOwnSiteRequest', () => {
  const saved = process.env.TRUSTED_PROXY;
  afterEach(() => {
    if (saved === undefined) delete process.env.TRUSTED_PROXY;
    else process.env.TRUSTED_PROXY = saved;
  });
  const forged = () => new Headers({ origin: 'https://evil.example', host: '127.0.0.1:3000', 'x-forwarded-host': 'evil.example' });

  it('ignores X-Forwarded-Host when no proxy is trusted', () => {
    delete process.env.TRUSTED_PROXY;
    expect(isOwnSiteRequest(forged())).toBe(false);
    expect(isOwnSiteRequest(new Headers({ origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' }))).toBe(true);
  });

  it('takes the host a trusted proxy forwarded', () => {
    process.env.TRUSTED_PROXY = '1';
    expect(isOwnSiteRequest(forged())).toBe(true);
  });
});
