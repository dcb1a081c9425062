import { describe, expect, it } from 'vitest';
import { decideBreaking, decideFrontStories } from './home';

const s = (id: number) => ({ id });
const latest = [s(10), s(11), s(12), s(13), s(14), s(15), s(16)];

describe('decideFrontStories', () => {
  it('keeps the desk’s choices in slot order', () => {
    expect(decideFrontStories(s(1), [s(2), s(3), s(4), s(5)], latest)).toEqual({
      lead: s(1),
      top: [s(2), s(3), s(4), s(5)],
    });
  });

  it('fills empty slots with the newest stories not already shown', () => {
    expect(decideFrontStories(null, [s(10), null, s(3)], latest)).toEqual({
      lead: s(11),
      top: [s(10), s(12), s(3), s(13)],
    });
    expect(decideFrontStories(null, [], [])).toEqual({ lead: null, top: [] });
  });

  it('never shows a story twice', () => {
    const { lead, top } = decideFrontStories(s(1), [s(1), s(2), s(2)], [s(1), s(2), s(3)]);
    expect(lead).toEqual(s(1));
    expect(top).toEqual([s(3), s(2)]);
  });
});

describe('decideBreaking', () => {
  const now = new Date('2026-11-26T12:00:00Z');

  it('shows a banner until it expires', () => {
    expect(decideBreaking({ text: ' Bridge closed ', url: '/city/bridge', expiresAt: '2026-11-26T13:00:00Z' }, now)).toEqual({
      text: 'Bridge closed',
      url: '/city/bridge',
      expiresAt: '2026-11-26T13:00:00Z',
    });
    expect(decideBreaking({ text: 'Bridge closed', url: null, expiresAt: null }, now)?.text).toBe('Bridge closed');
    expect(decideBreaking({ text: 'Old', url: null, expiresAt: '2026-11-26T11:59:59Z' }, now)).toBeNull();
    expect(decideBreaking({ text: '  ', url: null, expiresAt: null }, now)).toBeNull();
    expect(decideBreaking(null, now)).toBeNull();
  });

  it('drops unsafe links', () => {
    expect(decideBreaking({ text: 'x', url: 'javascript:alert(1)', expiresAt: null }, now)?.url).toBeNull();
    expect(decideBreaking({ text: 'x', url: '//evil.example', expiresAt: null }, now)?.url).toBeNull();
    expect(decideBreaking({ text: 'x', url: 'https://example.org/live', expiresAt: null }, now)?.url).toBe(
      'https://example.org/live',
    );
    // A backslash reads as a slash (another site); control characters are refused too.
    expect(decideBreaking({ text: 'x', url: '/\\evil.example/x', expiresAt: null }, now)?.url).toBeNull();
    expect(decideBreaking({ text: 'x', url: '\\\\evil.example', expiresAt: null }, now)?.url).toBeNull();
    expect(decideBreaking({ text: 'x', url: '/city/\u0000x', expiresAt: null }, now)?.url).toBeNull();
  });
});
