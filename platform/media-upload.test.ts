import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  BodyTooLargeError,
  cleanOriginalName,
  maxUploadBytes,
  mediaFileName,
  prepareImageUpload,
  readBodyWithLimit,
  sniffImageKind,
  uploadProblemMessage,
} from './media-upload';

const canvas = (width = 40, height = 30) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 60, b: 40 } } });

// A phone photo: sideways (EXIF orientation 6), with the camera and the place it was taken.
async function phoneJpeg(): Promise<Buffer> {
  const withGps = await canvas()
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneCam', Model: 'X1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '50/1 27/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '30/1 31/1 0/1' },
    })
    .toBuffer();
  return sharp(withGps).keepExif().withMetadata({ orientation: 6 }).jpeg().toBuffer();
}

// The GPS IFD pointer (tag 0x8825) in a little-endian EXIF block.
const hasGpsPointer = (exif: Buffer | undefined) => !!exif && exif.toString('hex').includes('2588040001');

describe('sniffImageKind', () => {
  it('knows the five accepted types by their first bytes', async () => {
    expect(sniffImageKind(await canvas().jpeg().toBuffer())).toBe('jpeg');
    expect(sniffImageKind(await canvas().png().toBuffer())).toBe('png');
    expect(sniffImageKind(await canvas().webp().toBuffer())).toBe('webp');
    expect(sniffImageKind(await canvas().avif().toBuffer())).toBe('avif');
    expect(sniffImageKind(await canvas().gif().toBuffer())).toBe('gif');
    expect(sniffImageKind(Buffer.from('GIF87a......'))).toBe('gif');
  });

  it('knows nothing else, whatever it claims to be', () => {
    expect(sniffImageKind(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(sniffImageKind(Buffer.from('<!doctype html><html><script>alert(1)</script></html>'))).toBeNull();
    expect(sniffImageKind(Buffer.from('%PDF-1.7'))).toBeNull();
    expect(sniffImageKind(Buffer.from('RIFF\0\0\0\0WAVEfmt '))).toBeNull();
    expect(sniffImageKind(Buffer.from([0, 0, 0, 0x18, ...Buffer.from('ftypheic')]))).toBeNull();
    expect(sniffImageKind(Buffer.from([0xff, 0xd8]))).toBeNull();
    expect(sniffImageKind(new Uint8Array(0))).toBeNull();
  });
});

describe('prepareImageUpload', () => {
  it('drops the GPS position and camera data and bakes the orientation into the pixels', async () => {
    const input = await phoneJpeg();
    const before = await sharp(input).metadata();
    expect(before.orientation).toBe(6);
    expect(hasGpsPointer(before.exif)).toBe(true);

    const result = await prepareImageUpload(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const after = await sharp(result.image.data).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(result.image.data.includes(Buffer.from('Exif\0\0'))).toBe(false);
    expect(result.image.data.includes(Buffer.from('PhoneCam'))).toBe(false);
    // 40×30 on its side is 30×40 upright.
    expect(result.image).toMatchObject({ kind: 'jpeg', mimeType: 'image/jpeg', ext: 'jpg', width: 30, height: 40 });
    expect(result.image.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['png', () => canvas().png().toBuffer(), 'image/png'],
    ['webp', () => canvas().webp().withExif({ IFD3: { GPSLatitudeRef: 'N' } }).toBuffer(), 'image/webp'],
    ['avif', () => canvas().avif().toBuffer(), 'image/avif'],
    ['gif', () => canvas().gif().toBuffer(), 'image/gif'],
  ] as const)('keeps a %s a %s, without metadata', async (kind, make, mime) => {
    const result = await prepareImageUpload(await make());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.image).toMatchObject({ kind, mimeType: mime, width: 40, height: 30 });
    expect(sniffImageKind(result.image.data)).toBe(kind);
    expect((await sharp(result.image.data).metadata()).exif).toBeUndefined();
  });

  it('keeps every frame of an animated GIF', async () => {
    const frame = (colour: string) => sharp({ create: { width: 12, height: 10, channels: 4, background: colour } }).png().toBuffer();
    const animated = await sharp([await frame('#f00'), await frame('#0f0'), await frame('#00f')], { join: { animated: true } })
      .gif({ delay: [100, 100, 100] })
      .toBuffer();
    const result = await prepareImageUpload(animated);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.image).toMatchObject({ kind: 'gif', width: 12, height: 10 });
    expect((await sharp(result.image.data, { animated: true }).metadata()).pages).toBe(3);
  });

  it('gives the same bytes and hash for the same picture, so a second upload is a duplicate', async () => {
    const input = await phoneJpeg();
    const [a, b] = await Promise.all([prepareImageUpload(input), prepareImageUpload(Buffer.from(input))]);
    expect(a.ok && b.ok && a.image.hash === b.image.hash).toBe(true);
  });

  it('refuses an SVG with a script, an HTML page named .jpg and plain text, naming the accepted types', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    const html = Buffer.from('<!doctype html><title>x</title><img src=x onerror=alert(1)>');
    for (const input of [svg, html, Buffer.from('just some words')]) {
      const result = await prepareImageUpload(input);
      expect(result).toEqual({ ok: false, problem: 'not-an-image', message: uploadProblemMessage('not-an-image') });
    }
    expect(uploadProblemMessage('not-an-image')).toContain('JPEG, PNG, WebP, AVIF or GIF');
  });

  it('refuses a file that starts like a JPEG but is not one', async () => {
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('<script>alert(1)</script>'.repeat(20))]);
    const result = await prepareImageUpload(fake);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toBe('unreadable');
  });

  it('refuses a PNG renamed to look like a GIF by its bytes only when the bytes disagree', async () => {
    // GIF magic followed by PNG data: the decoder sees no GIF.
    const png = await canvas().png().toBuffer();
    const result = await prepareImageUpload(Buffer.concat([Buffer.from('GIF89a'), png]));
    expect(result.ok).toBe(false);
  });

  it('refuses empty and oversized files before decoding anything', async () => {
    expect(await prepareImageUpload(new Uint8Array(0))).toMatchObject({ ok: false, problem: 'empty' });
    const big = await canvas().jpeg().toBuffer();
    const result = await prepareImageUpload(big, { maxBytes: big.length - 1 });
    expect(result).toMatchObject({ ok: false, problem: 'too-large' });
    if (!result.ok) expect(result.message).toMatch(/larger than the .* MB limit/);
  });
});

describe('limits and names', () => {
  it('reads the upload limit from GAZETTE_MAX_UPLOAD_MB, 20 MB by default', () => {
    expect(maxUploadBytes({})).toBe(20 * 1024 * 1024);
    expect(maxUploadBytes({ GAZETTE_MAX_UPLOAD_MB: '5' })).toBe(5 * 1024 * 1024);
    expect(maxUploadBytes({ GAZETTE_MAX_UPLOAD_MB: 'lots' })).toBe(20 * 1024 * 1024);
    expect(uploadProblemMessage('too-large', 5 * 1024 * 1024)).toBe('The file is larger than the 5 MB limit.');
  });

  it('files images by month under a prefix of their hash', () => {
    expect(mediaFileName('ab'.repeat(32), 'jpg', new Date('2026-03-05T12:00:00Z'))).toBe('2026/03/abababababababab.jpg');
  });

  it('keeps only the base name of what the browser sent', () => {
    expect(cleanOriginalName('C:\\Users\\me\\Pictures\\bridge.jpg')).toBe('bridge.jpg');
    expect(cleanOriginalName('../../etc/passwd')).toBe('passwd');
    expect(cleanOriginalName('a\u0000b\nc.png')).toBe('abc.png');
    expect(cleanOriginalName('')).toBe('upload');
  });
});

describe('readBodyWithLimit', () => {
  const stream = (chunks: number[]) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const size of chunks) controller.enqueue(new Uint8Array(size).fill(7));
        controller.close();
      },
    });

  it('returns the whole body when it fits', async () => {
    const body = await readBodyWithLimit(stream([10, 20, 30]), 60);
    expect(body.byteLength).toBe(60);
    expect(body.every((b) => b === 7)).toBe(true);
  });

  it('stops counting past the limit, whatever Content-Length said', async () => {
    await expect(readBodyWithLimit(stream([40, 40]), 60)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it('treats no body as empty', async () => {
    expect((await readBodyWithLimit(null, 10)).byteLength).toBe(0);
  });
});
