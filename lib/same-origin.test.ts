import { describe, expect, it } from 'vitest';
import { isSameOriginRequest } from './same-origin';

describe('isSameOriginRequest', () => {
  it('lets safe methods through', () => {
    expect(isSameOriginRequest('GET', null, 'news.example')).toBe(true);
  });

  it('accepts a POST from our own origin only', () => {
    expect(isSameOriginRequest('POST', 'https://news.example', 'news.example')).toBe(true);
    expect(isSameOriginRequest('POST', 'http://127.0.0.1:3101', '127.0.0.1:3101')).toBe(true);
    expect(isSameOriginRequest('POST', 'https://evil.example', 'news.example')).toBe(false);
    expect(isSameOriginRequest('DELETE', null, 'news.example')).toBe(false);
    expect(isSameOriginRequest('POST', 'null', 'news.example')).toBe(false);
  });
});
