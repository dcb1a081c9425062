import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, BrowserContext, Page } from '@playwright/test';
import sharp from 'sharp';
import { addSession, countRows, createTestUser, expect, test, testDb, type Role } from './auth-fixtures';
import { getPublishedArticle, TEST_DB_PATH } from './fixtures';

// The media library: uploads by picker, drop and the article editor's dialog; hostile files
// refused with nothing stored; metadata, focal point, delete rules and who may change what.

const MEDIA_DIR = path.join(path.dirname(TEST_DB_PATH), 'media');
const NOT_AN_IMAGE = 'This is not an image the library accepts. Upload a JPEG, PNG, WebP, AVIF or GIF file';

interface MediaRow {
  id: number;
  file: string;
  original_name: string;
  alt: string;
  caption: string;
  credit: string;
  focal_x: number;
  focal_y: number;
  uploaded_by: number | null;
  width: number;
  height: number;
}

const mediaByName = (name: string) => testDb().prepare<[string], MediaRow>('SELECT * FROM media WHERE original_name = ?').get(name);
const mediaById = (id: number) => testDb().prepare<[number], MediaRow>('SELECT * FROM media WHERE id = ?').get(id);

/** A unique photo (noise, so no two are alike) with a GPS position and a camera in its EXIF. */
async function photo(format: 'jpeg' | 'png' = 'jpeg'): Promise<Buffer> {
  const width = 320;
  const height = 200;
  const noise = Buffer.alloc(width * height * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = Math.floor(Math.random() * 256);
  const image = sharp(noise, { raw: { width, height, channels: 3 } });
  if (format === 'png') return image.png().toBuffer();
  return image
    .jpeg()
    .withExif({
      IFD0: { Make: 'E2ECam', Model: 'Field' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '50/1 27/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '30/1 31/1 0/1' },
    })
    .toBuffer();
}

/** Every stored original (not the crop cache), relative to the media directory. */
function storedFiles(): string[] {
  return (fs.readdirSync(MEDIA_DIR, { recursive: true }) as string[])
    .filter((f) => !f.startsWith('.cache') && fs.statSync(path.join(MEDIA_DIR, f)).isFile())
    .map((f) => f.split(path.sep).join('/'));
}

/** Files on disk no media row points at: what a refused upload must never leave. */
function orphanFiles(): string[] {
  const known = new Set(testDb().prepare<[], { file: string }>('SELECT file FROM media').all().map((r) => r.file));
  return storedFiles().filter((f) => !known.has(f));
}

async function uploadThroughApi(request: APIRequestContext, baseURL: string, name: string, buffer: Buffer, mimeType = 'image/jpeg') {
  return request.post('/api/admin/media', {
    headers: { origin: baseURL },
    multipart: { file: { name, mimeType, buffer } },
  });
}

async function uploadedId(request: APIRequestContext, baseURL: string, name: string): Promise<number> {
  const response = await uploadThroughApi(request, baseURL, name, await photo());
  expect(response.status(), await response.text()).toBe(201);
  // Logged like every newsroom API call (server/request-log.ts): the id ties the answer to the log line.
  expect(response.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  const body = (await response.json()) as { results: { ok: boolean; item: { id: number } }[] };
  return body.results[0]!.item.id;
}

test('an author uploads photos by picker and by drop; location data is gone and the resized variants serve', async ({ page, signInAs, request }) => {
  test.setTimeout(60_000);
  const author = await signInAs('author');
  const stamp = Date.now();
  const jpegName = `harbour-${stamp}.jpg`;
  const pngName = `chart-${stamp}.png`;
  const original = await photo();
  // The test photo really carries a GPS block (tag 0x8825) before the upload.
  expect((await sharp(original).metadata()).exif?.toString('hex')).toContain('2588040001');

  await page.goto('/admin/media');
  await expect(page.getByRole('heading', { name: 'Media library', level: 1 })).toBeVisible();
  await page.getByLabel('Choose images').setInputFiles({ name: jpegName, mimeType: 'image/jpeg', buffer: original });
  const row = page.getByTestId('upload-row').filter({ hasText: jpegName });
  await expect(row).toContainText('Uploaded. It needs alt text before it goes into an article.');

  const stored = mediaByName(jpegName);
  expect(stored).toMatchObject({ uploaded_by: author.id, width: 320, height: 200, alt: '' });
  expect(stored!.file).toMatch(/^\d{4}\/\d{2}\/[0-9a-f]{16}\.jpg$/);
  const onDisk = fs.readFileSync(path.join(MEDIA_DIR, stored!.file));
  const meta = await sharp(onDisk).metadata();
  expect(meta.format).toBe('jpeg');
  expect(meta.exif).toBeUndefined();
  expect(onDisk.includes(Buffer.from('E2ECam'))).toBe(false);
  expect(countRows(`SELECT count(*) AS n FROM audit_log WHERE action = 'media.uploaded' AND target_id = ? AND actor_id = ?`, String(stored!.id), author.id)).toBe(1);

  // The grid shows it, flagged for alt text.
  const card = page.getByTestId(`media-item-${stored!.id}`);
  await expect(card).toBeVisible();
  await expect(card).toContainText('Needs alt text');

  // Drag and drop a PNG onto the drop zone.
  const png = await photo('png');
  const dataTransfer = await page.evaluateHandle(
    ({ base64, name }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type: 'image/png' }));
      return transfer;
    },
    { base64: png.toString('base64'), name: pngName },
  );
  await page.getByTestId('media-drop-zone').dispatchEvent('dragenter', { dataTransfer });
  await page.getByTestId('media-drop-zone').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByTestId('upload-row').filter({ hasText: pngName })).toContainText('Uploaded.');
  const dropped = mediaByName(pngName);
  expect(dropped?.file).toMatch(/\.png$/);
  await expect(page.getByTestId(`media-item-${dropped!.id}`)).toBeVisible();

  // The same picture again is not stored twice.
  await page.getByLabel('Choose images').setInputFiles({ name: `again-${stamp}.jpg`, mimeType: 'image/jpeg', buffer: original });
  await expect(page.getByTestId('upload-row').filter({ hasText: `again-${stamp}.jpg` })).toContainText('Already in the library');
  expect(mediaByName(`again-${stamp}.jpg`)).toBeUndefined();

  // The original, an optimizer variant and a focal crop all serve from the stored file.
  const originalResponse = await request.get(`/media/${stored!.file}`);
  expect(originalResponse.status()).toBe(200);
  expect(originalResponse.headers()['content-type']).toBe('image/jpeg');
  const variant = await request.get(`/_next/image?url=${encodeURIComponent(`/media/${stored!.file}`)}&w=390&q=75`, { headers: { accept: 'image/webp' } });
  expect(variant.status()).toBe(200);
  expect(variant.headers()['content-type']).toBe('image/webp');
  const crop = await request.get(`/media-crop/1x1/${stored!.file}?w=640`);
  expect(crop.status()).toBe(200);
  expect((await sharp(await crop.body()).metadata()).width).toBe(640);
});

test('hostile uploads are refused with a clear message and nothing is stored', async ({ page, signInAs, baseURL, context, playwright }) => {
  test.setTimeout(120_000);
  await signInAs('contributor');
  const stamp = Date.now();
  const svgName = `evil-${stamp}.svg`;
  const htmlName = `invoice-${stamp}.jpg`;
  const bigName = `huge-${stamp}.jpg`;
  const names = [svgName, htmlName, bigName, `ui-${svgName}`];
  const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script></svg>`);
  const html = Buffer.from(`<!doctype html><html><body><script>fetch('/api/admin/media')</script><img src=x onerror=alert(1)></body></html>`);

  // Through the page: the row says why.
  await page.goto('/admin/media');
  await page.getByLabel('Choose images').setInputFiles({ name: `ui-${svgName}`, mimeType: 'image/svg+xml', buffer: svg });
  await expect(page.getByTestId('upload-row').filter({ hasText: `ui-${svgName}` })).toContainText(`Not uploaded: ${NOT_AN_IMAGE}`);

  // Through the route, as a signed-in user.
  const request = page.request;
  const svgResponse = await uploadThroughApi(request, baseURL!, svgName, svg, 'image/svg+xml');
  expect(svgResponse.status()).toBe(422);
  expect((await svgResponse.json()).error).toContain(NOT_AN_IMAGE);

  const htmlResponse = await uploadThroughApi(request, baseURL!, htmlName, html, 'image/jpeg');
  expect(htmlResponse.status()).toBe(422);
  expect((await htmlResponse.json()).error).toContain(NOT_AN_IMAGE);

  const bigResponse = await uploadThroughApi(request, baseURL!, bigName, Buffer.alloc(100 * 1024 * 1024), 'image/jpeg');
  expect(bigResponse.status()).toBe(413);
  expect((await bigResponse.json()).error).toBe('The file is larger than the 20 MB limit.');
  expect(bigResponse.headers()['cache-control']).toContain('no-store');

  // No Content-Length at all (chunked): the server counts the bytes and stops at the limit.
  const cookies = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const url = new URL('/api/admin/media', baseURL);
    const req = http.request(
      url,
      { method: 'POST', headers: { cookie: cookies, origin: baseURL!, 'content-type': 'multipart/form-data; boundary=x', 'transfer-encoding': 'chunked' } },
      (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.write(`--x\r\nContent-Disposition: form-data; name="file"; filename="${bigName}"\r\nContent-Type: image/jpeg\r\n\r\n`);
    const chunk = Buffer.alloc(1024 * 1024, 0xff);
    let sent = 0;
    const pump = () => {
      while (sent < 30) {
        sent += 1;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end('\r\n--x--\r\n');
    };
    pump();
  });
  expect(chunked.status).toBe(413);
  expect(JSON.parse(chunked.body).error).toBe('The file is larger than the 20 MB limit.');

  // Nothing stored: no row, no audit entry, no file on disk without a row.
  for (const name of names) {
    expect(mediaByName(name), name).toBeUndefined();
    expect(countRows(`SELECT count(*) AS n FROM audit_log WHERE action = 'media.uploaded' AND details LIKE ?`, `%${name}%`)).toBe(0);
  }
  expect(orphanFiles()).toEqual([]);

  // Another site cannot drive the route with this session; a stranger is told to sign in.
  const crossSite = await request.post('/api/admin/media', { headers: { origin: 'https://evil.example' }, multipart: { file: { name: 'x.jpg', mimeType: 'image/jpeg', buffer: await photo() } } });
  expect(crossSite.status()).toBe(403);
  const stranger = await playwright.request.newContext({ baseURL });
  const signedOut = await uploadThroughApi(stranger, baseURL!, 'x.jpg', await photo());
  expect(signedOut.status()).toBe(401);
  expect((await stranger.get('/api/admin/media')).status()).toBe(401);
  await stranger.dispose();
  expect(mediaByName('x.jpg')).toBeUndefined();
});

test('an author describes an image, moves its focal point and the crops follow', async ({ page, signInAs, baseURL }) => {
  test.setTimeout(60_000);
  await signInAs('author');
  const stamp = Date.now();
  const id = await uploadedId(page.request, baseURL!, `tram-${stamp}.jpg`);

  await page.goto(`/admin/media/${id}`);
  // Too long an alt text: the field says why and nothing typed is lost.
  const tooLong = 'x'.repeat(301);
  await page.getByLabel('Alt text').fill(tooLong);
  await page.getByLabel('Caption').fill(`Night tram on the embankment, roll ${stamp}`);
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.locator('#alt-error')).toHaveText('Keep alt text under 300 characters.');
  await expect(page.getByLabel('Alt text')).toHaveValue(tooLong);
  await expect(page.getByLabel('Caption')).toHaveValue(`Night tram on the embankment, roll ${stamp}`);
  expect(mediaById(id)?.caption).toBe('');

  await page.getByLabel('Alt text').fill('A tram crosses the bridge at night');
  await page.getByLabel('Credit', { exact: true }).fill('K. Lens/Wire');
  await page.getByLabel('Source agency').fill('Wire');
  await page.getByLabel('Usage rights').fill('Editorial use only');
  await page.getByLabel('Rights expire on').fill('2020-01-31');

  // Click near the left edge, a quarter of the way down; then one step right with the keyboard.
  const picker = page.getByTestId('focal-point');
  const before = await page.getByTestId('crop-1x1').getAttribute('data-viewbox');
  const box = (await picker.boundingBox())!;
  await picker.click({ position: { x: box.width * 0.1, y: box.height * 0.25 } });
  await expect(page.getByTestId('focal-position')).toHaveText('10% across, 25% down');
  await picker.press('ArrowRight');
  await expect(page.getByTestId('focal-position')).toHaveText('12% across, 25% down');
  const after = await page.getByTestId('crop-1x1').getAttribute('data-viewbox');
  expect(after).not.toBe(before);
  // A 320×200 picture: the square crop is 200 wide and slides fully to the left.
  expect(after).toBe('0 0 200 200');

  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByTestId('form-message')).toHaveText('Saved.');
  const saved = mediaById(id)!;
  expect(saved).toMatchObject({ alt: 'A tram crosses the bridge at night', caption: `Night tram on the embankment, roll ${stamp}`, credit: 'K. Lens/Wire' });
  expect(saved.focal_x).toBeCloseTo(0.12, 2);
  expect(saved.focal_y).toBeCloseTo(0.25, 2);
  expect(countRows(`SELECT count(*) AS n FROM audit_log WHERE action = 'media.updated' AND target_id = ?`, String(id))).toBe(1);

  // After a reload the values are there, and the expired rights are flagged.
  await page.reload();
  await expect(page.getByLabel('Alt text')).toHaveValue('A tram crosses the bridge at night');
  await expect(page.getByTestId('focal-position')).toHaveText('12% across, 25% down');
  await expect(page.getByText('Rights expired').first()).toBeVisible();
  // Every word must match, each in any field: "crosses" is in the alt text, the roll number in the caption.
  await page.goto(`/admin/media?q=${encodeURIComponent(`crosses ${stamp}`)}`);
  await expect(page.getByTestId(`media-item-${id}`)).toContainText('Rights expired');
  await expect(page.getByTestId('media-grid').locator('li')).toHaveCount(1);
});

test('an image an article uses cannot be deleted; an unused one can, file and all', async ({ page, signInAs, baseURL }) => {
  test.setTimeout(60_000);
  await signInAs('editor');
  const article = getPublishedArticle();
  const hero = testDb().prepare<[number], { id: number; file: string }>(
    'SELECT m.id, m.file FROM media m JOIN articles a ON a.hero_media_id = m.id WHERE a.id = ?',
  ).get(article.id)!;

  await page.goto(`/admin/media/${hero.id}`);
  await expect(page.getByTestId('media-uses')).toContainText(article.title);
  // Each use links to where it can be changed: the article's editor.
  await expect(page.getByTestId('media-uses').locator(`a[href="/admin/articles/${article.id}"]`).first()).toContainText(article.title);
  await page.getByText('Delete image…').click();
  await page.getByRole('button', { name: 'Confirm delete' }).click();
  await expect(page.getByTestId('delete-error')).toContainText('This image cannot be deleted while it is used');
  // The seeded hero illustrates many stories: the message names the first few and counts the rest.
  await expect(page.getByTestId('delete-error')).toContainText(/“[^”]+” \(main image\).* and \d+ more\. Remove it there first\./);
  expect(mediaById(hero.id)).toBeDefined();
  expect(fs.existsSync(path.join(MEDIA_DIR, hero.file))).toBe(true);

  const name = `unused-${Date.now()}.jpg`;
  const id = await uploadedId(page.request, baseURL!, name);
  const file = mediaById(id)!.file;
  expect(fs.existsSync(path.join(MEDIA_DIR, file))).toBe(true);
  await page.goto(`/admin/media/${id}`);
  await page.getByText('Delete image…').click();
  await page.getByRole('button', { name: 'Confirm delete' }).click();
  await expect(page).toHaveURL(/\/admin\/media\?deleted=1$/);
  await expect(page.getByTestId('form-message')).toHaveText('The image and its file were deleted.');
  expect(mediaById(id)).toBeUndefined();
  expect(fs.existsSync(path.join(MEDIA_DIR, file))).toBe(false);
  expect(countRows(`SELECT count(*) AS n FROM audit_log WHERE action = 'media.deleted' AND target_id = ?`, String(id))).toBe(1);
});

interface Captured {
  headers: Record<string, string>;
  body: Buffer;
}

async function captureAction(page: Page, url: string, trigger: () => Promise<void>): Promise<Captured> {
  let resolve!: (c: Captured) => void;
  const captured = new Promise<Captured>((r) => (resolve = r));
  await page.route(`**${url}`, async (route) => {
    const request = route.request();
    const headers = request.headers();
    if (request.method() === 'POST' && headers['next-action']) {
      resolve({ headers, body: request.postDataBuffer() ?? Buffer.alloc(0) });
      await route.abort();
    } else {
      await route.continue();
    }
  });
  await trigger();
  const result = await captured;
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  return result;
}

async function signedInContext(browserContext: () => Promise<BrowserContext>, role: Role, baseURL: string) {
  const user = await createTestUser(role);
  const context = await browserContext();
  await addSession(context, user, baseURL);
  return { user, context };
}

test("a contributor cannot change or delete someone else's image, even with a forged request", async ({ page, signInAs, browser, baseURL }) => {
  test.setTimeout(90_000);
  // The owner (an editor may edit anything, so the forged requests are valid ones).
  await signInAs('editor');
  const id = await uploadedId(page.request, baseURL!, `owned-${Date.now()}.jpg`);
  const url = `/admin/media/${id}`;

  await page.goto(url);
  const update = await captureAction(page, url, async () => {
    await page.getByLabel('Alt text').fill('Forged description');
    await page.getByRole('button', { name: 'Save details' }).click();
  });
  await page.goto(url);
  const remove = await captureAction(page, url, async () => {
    await page.getByText('Delete image…').click();
    await page.getByRole('button', { name: 'Confirm delete' }).click();
  });

  const { context } = await signedInContext(() => browser.newContext(), 'contributor', baseURL!);
  const other = await context.newPage();
  await other.goto(url);
  await expect(other.getByText('Only the person who uploaded this image, or an editor, can change its details.')).toBeVisible();
  await expect(other.getByRole('button', { name: 'Save details' })).toHaveCount(0);
  await expect(other.getByText('Delete image…')).toHaveCount(0);

  const before = mediaById(id);
  for (const action of [update, remove]) {
    const headers = Object.fromEntries(Object.entries(action.headers).filter(([k]) => !['cookie', 'content-length', 'host'].includes(k)));
    const response = await context.request.post(url, { headers, data: action.body, maxRedirects: 0 });
    expect(await response.text()).toContain('You are not allowed to do that.');
    expect(mediaById(id)).toEqual(before);
  }
  const patch = await context.request.patch(`/api/admin/media/${id}`, { headers: { origin: baseURL! }, data: { alt: 'Forged' } });
  expect(patch.status()).toBe(403);
  expect(mediaById(id)).toEqual(before);
  expect(countRows(`SELECT count(*) AS n FROM audit_log WHERE target_type = 'media' AND target_id = ? AND action <> 'media.uploaded'`, String(id))).toBe(0);
  await context.close();

  // The same forged update works for the owner: the refusals came from the permission check.
  const headers = Object.fromEntries(Object.entries(update.headers).filter(([k]) => !['cookie', 'content-length', 'host'].includes(k)));
  expect((await page.request.post(url, { headers, data: update.body, maxRedirects: 0 })).ok()).toBe(true);
  expect(mediaById(id)?.alt).toBe('Forged description');
});

test('the article image picker searches, uploads, and asks for alt text before it hands an image over', async ({ page, signInAs, baseURL }) => {
  test.setTimeout(60_000);
  await signInAs('contributor');
  const stamp = Date.now();
  const existing = await uploadedId(page.request, baseURL!, `pier-${stamp}.jpg`);

  await page.goto('/admin/media/picker-check');
  await page.getByRole('button', { name: 'Choose an image' }).click();
  const dialog = page.getByRole('dialog', { name: 'Choose an image' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Search the library').fill(`pier-${stamp}`);
  await expect(dialog.getByTestId('picker-grid').getByRole('button')).toHaveCount(1);
  await dialog.getByTestId('picker-grid').getByRole('button', { name: new RegExp(`pier-${stamp}`) }).click();

  // No alt text yet: the picker asks, refuses an empty answer, saves, then selects.
  await dialog.getByRole('button', { name: 'Save alt text and use image' }).click();
  await expect(dialog.getByText('Describe the image for readers who cannot see it.')).toBeVisible();
  await expect(page.getByTestId('picked')).toHaveText('nothing picked');
  await dialog.getByRole('textbox', { name: 'Alt text' }).fill('Fishing boats tied up at the old pier');
  await dialog.getByRole('button', { name: 'Save alt text and use image' }).click();
  await expect(dialog).toBeHidden();
  const picked = JSON.parse((await page.getByTestId('picked').textContent())!) as Record<string, unknown>;
  expect(picked).toMatchObject({ id: existing, alt: 'Fishing boats tied up at the old pier', width: 320, height: 200 });
  expect(String(picked.url)).toMatch(/^\/_next\/image\?url=%2Fmedia%2F.+&w=390&q=75$/);
  expect(mediaById(existing)?.alt).toBe('Fishing boats tied up at the old pier');

  // Escape closes it; reopened, an upload right there can be used at once.
  await page.getByRole('button', { name: 'Choose an image' }).click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Choose an image' }).click();
  await dialog.getByText('Upload new images').click();
  const name = `inline-${stamp}.jpg`;
  await dialog.getByLabel('Choose images').setInputFiles({ name, mimeType: 'image/jpeg', buffer: await photo() });
  await dialog.getByRole('button', { name: `Use this image: ${name}` }).click();
  await dialog.getByRole('textbox', { name: 'Alt text' }).fill('A gull on a mooring post');
  await dialog.getByRole('button', { name: 'Save alt text and use image' }).click();
  await expect(dialog).toBeHidden();
  const uploaded = mediaByName(name);
  expect(uploaded?.alt).toBe('A gull on a mooring post');
  await expect(page.getByTestId('picked')).toContainText(`"id":${uploaded!.id}`);
});

test('the library, an image page and the picker have no serious or critical axe violation', async ({ page, signInAs, baseURL }) => {
  test.setTimeout(60_000);
  await signInAs('author');
  const id = await uploadedId(page.request, baseURL!, `axe-${Date.now()}.jpg`);
  const check = async (name: string) => {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    expect(serious, name).toEqual([]);
  };
  await page.goto('/admin/media');
  await check('library');
  await page.goto(`/admin/media/${id}`);
  await check('image page');
  await page.goto('/admin/media/picker-check');
  await page.getByRole('button', { name: 'Choose an image' }).click();
  await expect(page.getByTestId('picker-grid')).toBeVisible();
  await check('picker');
});
