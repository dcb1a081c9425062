import { describe, expect, it } from 'vitest';
import { resolveMediaPath } from './media-files';

describe('resolveMediaPath', () => {
  it('serves images inside the media directory', () => {
    expect(resolveMediaPath('/data/media', ['seed', 'hero-01.jpg'])).toEqual({
      file: '/data/media/seed/hero-01.jpg',
      contentType: 'image/jpeg',
    });
  });

  it('refuses paths that climb out of the media directory', () => {
    expect(resolveMediaPath('/data/media', ['..', 'gazette.db'])).toBeNull();
    expect(resolveMediaPath('/data/media', ['seed', '..', '..', 'x.jpg'])).toBeNull();
    expect(resolveMediaPath('/data/media', ['/etc/passwd.jpg'])).toBeNull();
  });

  it('refuses files that are not images we serve', () => {
    expect(resolveMediaPath('/data/media', ['evil.svg'])).toBeNull();
    expect(resolveMediaPath('/data/media', ['page.html'])).toBeNull();
    expect(resolveMediaPath('/data/media', [])).toBeNull();
  });
});
