import { describe, expect, it } from 'vitest';
import { decideRightsProblems, imageLabel, listArticleImages, type ImageRights } from './rights';

const now = new Date('2026-12-02T10:00:00Z');
const formatDate = (d: Date) => d.toISOString().slice(0, 10);
const image = (id: number, rightsExpireAt: string | null, names: Partial<ImageRights> = {}): ImageRights => ({
  id,
  alt: '',
  caption: '',
  originalName: `photo-${id}.jpg`,
  rightsExpireAt: rightsExpireAt ? new Date(rightsExpireAt) : null,
  ...names,
});
const body = (...ids: number[]) => ({ type: 'doc', content: ids.map((mediaId) => ({ type: 'image', attrs: { mediaId } })) });

describe('listArticleImages', () => {
  it('finds the hero, the social image and every image in the body, each once', () => {
    expect(listArticleImages({ heroMediaId: 1, socialMediaId: 2, body: body(3, 1, 4, 3) })).toEqual([
      { mediaId: 1, place: 'hero' },
      { mediaId: 2, place: 'social' },
      { mediaId: 3, place: 'body' },
      { mediaId: 4, place: 'body' },
    ]);
    expect(listArticleImages({ heroMediaId: null, socialMediaId: null, body: { type: 'doc' } })).toEqual([]);
  });
});

describe('imageLabel', () => {
  it('names an image as the library does: alt text, else caption, else the file name', () => {
    expect(imageLabel({ alt: 'A bridge', caption: 'The bridge', originalName: 'b.jpg' })).toBe('A bridge');
    expect(imageLabel({ alt: ' ', caption: 'The bridge', originalName: 'b.jpg' })).toBe('The bridge');
    expect(imageLabel({ alt: '', caption: '', originalName: 'b.jpg' })).toBe('b.jpg');
  });
});

describe('decideRightsProblems', () => {
  const images = [
    image(1, '2026-12-01T00:00:00Z', { alt: 'Harbour at dawn' }),
    image(2, '2026-12-05T00:00:00Z'),
    image(3, null),
  ];

  it('refuses an image whose rights have expired, naming it beside its picker', () => {
    const uses = listArticleImages({ heroMediaId: 1, socialMediaId: 3, body: body(3) });
    expect(decideRightsProblems(uses, images, { at: now, now, formatDate })).toEqual({
      heroMediaId: 'The usage rights of the hero image “Harbour at dawn” expired on 2026-12-01; replace it first.',
    });
  });

  it('finds the social image and body images too', () => {
    const uses = listArticleImages({ heroMediaId: 3, socialMediaId: 1, body: body(3, 1) });
    const problems = decideRightsProblems(uses, images, { at: now, now, formatDate });
    expect(Object.keys(problems)).toEqual(['socialMediaId']);
    expect(decideRightsProblems(listArticleImages({ heroMediaId: null, socialMediaId: null, body: body(1) }), images, { at: now, now, formatDate })).toEqual({
      body: 'The usage rights of the image in the body “Harbour at dawn” expired on 2026-12-01; replace it first.',
    });
  });

  it('refuses a schedule when the rights end before the scheduled time, not after', () => {
    const uses = listArticleImages({ heroMediaId: 2, socialMediaId: null, body: body() });
    expect(decideRightsProblems(uses, images, { at: now, now, formatDate })).toEqual({});
    expect(decideRightsProblems(uses, images, { at: new Date('2026-12-04T23:59:00Z'), now, formatDate })).toEqual({});
    expect(decideRightsProblems(uses, images, { at: new Date('2026-12-06T08:00:00Z'), now, formatDate })).toEqual({
      heroMediaId: 'The usage rights of the hero image “photo-2.jpg” expire on 2026-12-05; replace it first.',
    });
  });

  it('counts the moment of expiry as expired and ignores images without an end date', () => {
    const uses = listArticleImages({ heroMediaId: 2, socialMediaId: 3, body: body() });
    const at = new Date('2026-12-05T00:00:00Z');
    expect(Object.keys(decideRightsProblems(uses, images, { at, now, formatDate }))).toEqual(['heroMediaId']);
  });
});
