import { describe, expect, it } from 'vitest';
import { isSameOrigin, isSameOriginRequest } from './same-origin';

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
