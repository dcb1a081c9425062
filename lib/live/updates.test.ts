import { describe, expect, it } from 'vitest';
import { newUpdatesLabel, updatesAddedLabel } from './labels';
import { decideCoverageState, liveUpdateDoc, orderLiveUpdates, parseKeyPoints, updateAnchor, updateHeadline } from './updates';

describe('live coverage decisions', () => {
  it('says whether coverage is live, ended or never was', () => {
    const now = new Date('2026-12-02T12:00:00Z');
    expect(decideCoverageState(null, now)).toBeNull();
    expect(decideCoverageState({ startedAt: '2026-12-02T09:00:00Z', endedAt: null }, now)).toBe('live');
    expect(decideCoverageState({ startedAt: '2026-12-02T09:00:00Z', endedAt: '2026-12-02T11:00:00Z' }, now)).toBe('ended');
  });

  it('puts pinned updates first, then the newest, the later id first on a tie', () => {
    const u = (id: number, minute: number, pinned = false) => ({ id, pinned, createdAt: new Date(Date.UTC(2026, 0, 1, 0, minute)) });
    expect(orderLiveUpdates([u(1, 1), u(2, 5), u(3, 2, true), u(4, 5)]).map((x) => x.id)).toEqual([3, 4, 2, 1]);
  });

  it('turns typed text into paragraphs and line breaks, then the image and the video', () => {
    const doc = liveUpdateDoc({ body: 'First line\nsecond line\n\n\nNext paragraph', mediaId: 4, embedUrl: 'https://youtu.be/dQw4w9WgXcQ' });
    expect(doc.content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'First line' }, { type: 'hardBreak' }, { type: 'text', text: 'second line' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Next paragraph' }] },
      { type: 'image', attrs: { mediaId: 4 } },
      { type: 'video', attrs: { provider: 'youtube', videoId: 'dQw4w9WgXcQ' } },
    ]);
  });

  it('gives an update without a headline its first words', () => {
    expect(updateHeadline({ title: ' Bridge shut ', body: 'x' })).toBe('Bridge shut');
    expect(updateHeadline({ title: '', body: 'Short one.' })).toBe('Short one.');
    const long = updateHeadline({ title: '', body: 'word '.repeat(60) }, 40);
    expect(long.endsWith('…')).toBe(true);
    expect(long.length).toBeLessThanOrEqual(41);
  });

  it('reads key points one a line, bullets or not', () => {
    expect(parseKeyPoints('- Roads closed\n\n• Ferries off\r\n  Schools shut  ')).toEqual(['Roads closed', 'Ferries off', 'Schools shut']);
  });

  it('names permalinks and counts new updates', () => {
    expect(updateAnchor(12)).toBe('update-12');
    expect(newUpdatesLabel(1)).toBe('1 new update');
    expect(newUpdatesLabel(3)).toBe('3 new updates');
    expect(updatesAddedLabel(2)).toBe('2 new updates added at the top.');
  });
});
