import { describe, expect, it } from 'vitest';
import { cropOutputSize, cropPath, decideCropBox, isCropRatio, isCropWidth } from './crop';

describe('decideCropBox', () => {
  it('takes the full height of a wide image for a square, centred on the focal point', () => {
    expect(decideCropBox(1600, 900, '1x1', 0.5, 0.5)).toEqual({ left: 350, top: 0, width: 900, height: 900 });
    expect(decideCropBox(1600, 900, '1x1', 0.1, 0.5)).toEqual({ left: 0, top: 0, width: 900, height: 900 });
    expect(decideCropBox(1600, 900, '1x1', 0.95, 0.5)).toEqual({ left: 700, top: 0, width: 900, height: 900 });
  });

  it('keeps a 16:9 image whole for 16:9 and trims it for 4:3 and Open Graph', () => {
    expect(decideCropBox(1600, 900, '16x9')).toEqual({ left: 0, top: 0, width: 1600, height: 900 });
    expect(decideCropBox(1600, 900, '4x3')).toEqual({ left: 200, top: 0, width: 1200, height: 900 });
    const og = decideCropBox(1600, 900, 'og', 0.5, 0);
    expect(og).toEqual({ left: 0, top: 0, width: 1600, height: 840 });
  });

  it('trims a tall image vertically and never leaves the image', () => {
    const box = decideCropBox(800, 1200, '16x9', 0.5, 1);
    expect(box.width).toBe(800);
    expect(box.height).toBe(450);
    expect(box.top + box.height).toBe(1200);
    expect(decideCropBox(800, 1200, '16x9', Number.NaN, Number.NaN).top).toBe(375);
  });
});

describe('crop addresses', () => {
  it('names ratio, file and width, and validates both', () => {
    expect(cropPath('seed/hero 1.jpg', '4x3')).toBe('/media-crop/4x3/seed/hero%201.jpg?w=1200');
    expect(cropOutputSize('og', 1200)).toEqual({ width: 1200, height: 630 });
    expect(cropOutputSize('16x9', 1200)).toEqual({ width: 1200, height: 675 });
    expect(isCropRatio('4x3')).toBe(true);
    expect(isCropRatio('toString')).toBe(false);
    expect(isCropWidth(1200)).toBe(true);
    expect(isCropWidth(1201)).toBe(false);
  });
});
