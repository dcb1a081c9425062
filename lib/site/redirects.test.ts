import { describe, expect, it } from 'vitest';
import {
  applyRedirect,
  decideLowercaseRedirect,
  findRedirectProblem,
  normalizeRedirectPath,
  redirectLookupKeys,
} from './redirects';

describe('normalizeRedirectPath', () => {
  it('keeps one form of a site path and refuses anything else', () => {
    expect(normalizeRedirectPath(' /News/Old-Story/ ')).toBe('/news/old-story');
    expect(normalizeRedirectPath('/')).toBe('/');
    expect(normalizeRedirectPath('news/x')).toBeNull();
    expect(normalizeRedirectPath('//evil.example/x')).toBeNull();
    expect(normalizeRedirectPath('https://evil.example/x')).toBeNull();
    expect(normalizeRedirectPath('/a/../admin')).toBeNull();
    expect(normalizeRedirectPath('/a//b')).toBeNull();
    expect(normalizeRedirectPath('/a?x=1')).toBeNull();
  });
});

describe('applyRedirect', () => {
  it('matches the exact path and, for a moved section, everything under it', () => {
    expect(applyRedirect('/old', { from: '/old', to: '/new' })).toBe('/new');
    expect(applyRedirect('/old/story', { from: '/old', to: '/new' })).toBe('/new/story');
    expect(applyRedirect('/older/story', { from: '/old', to: '/new' })).toBeNull();
    expect(redirectLookupKeys('/old/story')).toEqual(['/old/story', '/old']);
    expect(redirectLookupKeys('/old')).toEqual(['/old']);
  });
});

describe('findRedirectProblem', () => {
  const existing = [
    { from: '/news/a', to: '/news/b' },
    { from: '/old-section', to: '/city' },
  ];

  it('accepts a redirect to a live page', () => {
    expect(findRedirectProblem(existing, { from: '/news/c', to: '/news/d' })).toBeNull();
  });

  it('refuses self-redirects, duplicates and bad paths', () => {
    expect(findRedirectProblem(existing, { from: '/news/x', to: '/News/X/' })).toBe('same');
    expect(findRedirectProblem(existing, { from: '/news/a', to: '/news/z' })).toBe('duplicate');
    expect(findRedirectProblem(existing, { from: 'https://x', to: '/news/z' })).toBe('invalid-from');
    expect(findRedirectProblem(existing, { from: '/', to: '/news/z' })).toBe('invalid-from');
    expect(findRedirectProblem(existing, { from: '/news/q', to: 'javascript:alert(1)' })).toBe('invalid-to');
  });

  it('refuses a loop back to the source', () => {
    expect(findRedirectProblem(existing, { from: '/news/b', to: '/news/a' })).toBe('loop');
    expect(findRedirectProblem(existing, { from: '/city/story', to: '/old-section/story' })).toBe('loop');
  });

  it('refuses chains in either direction', () => {
    // The target is itself redirected.
    expect(findRedirectProblem(existing, { from: '/news/z', to: '/news/a' })).toBe('chain');
    expect(findRedirectProblem(existing, { from: '/news/z', to: '/old-section/story' })).toBe('chain');
    // An existing rule already lands on the new source.
    expect(findRedirectProblem(existing, { from: '/news/b', to: '/news/e' })).toBe('chain');
  });
});

describe('decideLowercaseRedirect', () => {
  it('folds uppercase paths to lowercase', () => {
    expect(decideLowercaseRedirect('/News/Story')).toBe('/news/story');
    expect(decideLowercaseRedirect('/news/story')).toBeNull();
  });
});
