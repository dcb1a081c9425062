// Focal-point crops of library images for structured data and social cards. Google asks for
// article images at least 1,200 px wide in 16:9, 4:3 and 1:1; Open Graph cards are 1.91:1
// (1200×630). The crop keeps the focal point as near the middle as the image allows.

export const CROP_RATIOS = {
  '16x9': { w: 16, h: 9 },
  '4x3': { w: 4, h: 3 },
  '1x1': { w: 1, h: 1 },
  og: { w: 1200, h: 630 },
} as const;

export type CropRatio = keyof typeof CROP_RATIOS;

// Widths the crop route renders; anything else is refused so the disk cache stays bounded.
export const CROP_WIDTHS = [640, 1200] as const;
export const DEFAULT_CROP_WIDTH = 1200;

export function isCropRatio(value: string): value is CropRatio {
  return Object.hasOwn(CROP_RATIOS, value);
}

export function isCropWidth(value: number): value is (typeof CROP_WIDTHS)[number] {
  return (CROP_WIDTHS as readonly number[]).includes(value);
}

export interface CropBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0.5;
}

// The largest box of the ratio inside the image, centred on the focal point where possible.
export function decideCropBox(
  imageWidth: number,
  imageHeight: number,
  ratio: CropRatio,
  focalX = 0.5,
  focalY = 0.5,
): CropBox {
  const { w, h } = CROP_RATIOS[ratio];
  let width = imageWidth;
  let height = Math.round((imageWidth * h) / w);
  if (height > imageHeight) {
    height = imageHeight;
    width = Math.round((imageHeight * w) / h);
  }
  const left = Math.round(Math.min(Math.max(clamp01(focalX) * imageWidth - width / 2, 0), imageWidth - width));
  const top = Math.round(Math.min(Math.max(clamp01(focalY) * imageHeight - height / 2, 0), imageHeight - height));
  return { left, top, width, height };
}

// Output size of a crop rendered `width` pixels wide.
export function cropOutputSize(ratio: CropRatio, width: number): { width: number; height: number } {
  const { w, h } = CROP_RATIOS[ratio];
  return { width, height: Math.round((width * h) / w) };
}

// The public address of a crop of a media file ("seed/hero-01.jpg").
export function cropPath(file: string, ratio: CropRatio, width: number = DEFAULT_CROP_WIDTH): string {
  const encoded = file.split('/').map(encodeURIComponent).join('/');
  return `/media-crop/${ratio}/${encoded}?w=${width}`;
}
