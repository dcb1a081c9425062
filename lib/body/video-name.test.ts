import { describe, expect, it } from 'vitest';
import { playVideoName, videoTitle } from './video-name';

describe('playVideoName', () => {
  it.each([
    ['Video: the budget, explained', 'Play video: the budget, explained'],
    ['VIDEO – inside the depot', 'Play video: inside the depot'],
    ['The mayor on the bridge', 'Play video: The mayor on the bridge'],
    ['  Video:  ', 'Play video'],
    [undefined, 'Play video'],
    ['Videos of the week', 'Play video: Videos of the week'],
  ])('%s → %s', (title, expected) => {
    expect(playVideoName(title)).toBe(expected);
  });

  it('keeps the title itself otherwise', () => {
    expect(videoTitle('Video: what the flood looks like')).toBe('what the flood looks like');
  });
});
