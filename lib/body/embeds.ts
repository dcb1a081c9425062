import type {
  AudioNode,
  DocumentNode,
  GalleryNode,
  SocialPostNode,
  SocialProvider,
  TableNode,
} from './types';

// The embed nodes of the body (social posts, gallery, table, document, audio): each is checked
// attribute by attribute and rebuilt from scratch. One checker per node returns either the clean
// node or a sentence an editor can act on; sanitizeBody() drops a node that fails, and
// validateBody() (./validate.ts) refuses the save with the sentence. No markup is ever kept: text
// is plain, URLs are rebuilt from the parts that were recognised.

export type Checked<T> = { ok: true; node: T } | { ok: false; error: string };

const MAX_URL_CHARS = 2_048;
const MAX_POST_TEXT_CHARS = 5_000;
const MAX_NAME_CHARS = 200;
const MAX_HANDLE_CHARS = 100;
const MAX_CAPTION_CHARS = 1_000;
const MAX_CREDIT_CHARS = 200;
const MAX_TITLE_CHARS = 300;
const MAX_DESCRIPTION_CHARS = 1_000;
const MAX_CELL_CHARS = 500;
export const GALLERY_MIN = 2;
export const GALLERY_MAX = 30;
export const TABLE_MAX_ROWS = 60;
export const TABLE_MAX_COLUMNS = 10;

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const LINE_CONTROLS = /[\u0000-\u001F\u007F-\u009F]/g;
const TEXT_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

// One line of plain text, trimmed; undefined when empty or not a string.
function line(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const cleaned = value.replace(LINE_CONTROLS, ' ').trim();
  return cleaned === '' ? undefined : cleaned.slice(0, max).toWellFormed();
}

// Plain text that may keep its line breaks (a post's text).
function prose(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const cleaned = value.replace(/\r\n?/g, '\n').replace(TEXT_CONTROLS, '').trim();
  return cleaned === '' ? undefined : cleaned.slice(0, max).toWellFormed();
}

function tooLong(value: unknown, max: number): boolean {
  return typeof value === 'string' && value.trim().length > max;
}

function positiveInt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

// Whitespace, controls, invisible and bidi characters and backslashes: browsers reinterpret some
// of them inside URLs, so an address that holds any is refused.
const UNSAFE_URL_CHARS =
  /[\s\u0000-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\\]/;

// An https URL as an editor pastes it ("https://" may be left off). Credentials and ports are
// refused: no provider's link has them.
export function parseHttpsUrl(value: unknown): URL | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > MAX_URL_CHARS || UNSAFE_URL_CHARS.test(trimmed)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return null;
  // A public name with a dot: no "localhost", no bare IPs.
  if (!/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?!\d+$)[a-z0-9-]{2,63}$/.test(url.hostname)) return null;
  return url;
}

// ---------------------------------------------------------------------------------------------
// Social posts

export const SOCIAL_PROVIDERS = ['x', 'telegram', 'instagram', 'facebook', 'tiktok', 'bluesky', 'mastodon'] as const;

export const SOCIAL_PROVIDER_NAMES: Record<SocialProvider, string> = {
  x: 'X',
  telegram: 'Telegram',
  instagram: 'Instagram',
  facebook: 'Facebook',
  tiktok: 'TikTok',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
};

const SHAPES: Record<SocialProvider, string> = {
  x: 'x.com/<user>/status/<number>',
  telegram: 't.me/<channel>/<number>',
  instagram: 'instagram.com/p/<code>',
  facebook: 'facebook.com/<page>/posts/<id>',
  tiktok: 'tiktok.com/@<user>/video/<number>',
  bluesky: 'bsky.app/profile/<handle>/post/<id>',
  mastodon: 'https://<server>/@<user>/<number>',
};

const X_HOSTS = new Set(['x.com', 'www.x.com', 'mobile.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com']);
const TELEGRAM_HOSTS = new Set(['t.me', 'telegram.me']);
const INSTAGRAM_HOSTS = new Set(['instagram.com', 'www.instagram.com']);
const FACEBOOK_HOSTS = new Set(['facebook.com', 'www.facebook.com', 'm.facebook.com']);
const TIKTOK_HOSTS = new Set(['tiktok.com', 'www.tiktok.com', 'm.tiktok.com']);
const BLUESKY_HOSTS = new Set(['bsky.app']);
// Hosts that are some other provider, never a Mastodon server.
const NOT_MASTODON = new Set([...X_HOSTS, ...TELEGRAM_HOSTS, ...INSTAGRAM_HOSTS, ...FACEBOOK_HOSTS, ...TIKTOK_HOSTS, ...BLUESKY_HOSTS]);

const DIGITS = /^\d{1,25}$/;

export interface RecognisedPost {
  provider: SocialProvider;
  // The post's address rebuilt from what was recognised: nothing else of the pasted text survives.
  url: string;
  // The handle the address names, to prefill the editor's form.
  handle?: string;
}

function segmentsOf(url: URL): string[] {
  return url.pathname.split('/').filter((segment) => segment !== '');
}

/** Which provider's post a pasted address is, and its canonical address; null when it is none. */
export function recognisePostUrl(value: unknown): RecognisedPost | null {
  const url = parseHttpsUrl(value);
  if (!url) return null;
  const host = url.hostname;
  const s = segmentsOf(url);

  if (X_HOSTS.has(host)) {
    if (s.length >= 3 && /^[A-Za-z0-9_]{1,15}$/.test(s[0]!) && s[1] === 'status' && DIGITS.test(s[2]!)) {
      return { provider: 'x', url: `https://x.com/${s[0]}/status/${s[2]}`, handle: `@${s[0]}` };
    }
    return null;
  }
  if (TELEGRAM_HOSTS.has(host)) {
    const parts = s[0] === 's' ? s.slice(1) : s;
    if (parts.length === 2 && /^[A-Za-z][A-Za-z0-9_]{3,31}$/.test(parts[0]!) && DIGITS.test(parts[1]!)) {
      return { provider: 'telegram', url: `https://t.me/${parts[0]}/${parts[1]}`, handle: `@${parts[0]}` };
    }
    return null;
  }
  if (INSTAGRAM_HOSTS.has(host)) {
    // instagram.com/p/<code>, /reel/<code>, /tv/<code>, or the same after a user name.
    const parts = s.length >= 3 && ['p', 'reel', 'tv'].includes(s[1]!) ? s.slice(1) : s;
    if (parts.length >= 2 && ['p', 'reel', 'tv'].includes(parts[0]!) && /^[A-Za-z0-9_-]{5,40}$/.test(parts[1]!)) {
      return { provider: 'instagram', url: `https://www.instagram.com/${parts[0]}/${parts[1]}/` };
    }
    return null;
  }
  if (FACEBOOK_HOSTS.has(host)) {
    if (s.length >= 3 && /^[A-Za-z0-9.]{1,80}$/.test(s[0]!) && ['posts', 'videos'].includes(s[1]!) && /^[A-Za-z0-9]{1,40}$/.test(s[2]!)) {
      return { provider: 'facebook', url: `https://www.facebook.com/${s[0]}/${s[1]}/${s[2]}`, handle: s[0] };
    }
    if (s.length === 1 && s[0] === 'permalink.php') {
      const story = url.searchParams.get('story_fbid');
      const id = url.searchParams.get('id');
      if (story && id && /^[A-Za-z0-9]{1,60}$/.test(story) && DIGITS.test(id)) {
        return { provider: 'facebook', url: `https://www.facebook.com/permalink.php?story_fbid=${story}&id=${id}` };
      }
    }
    return null;
  }
  if (TIKTOK_HOSTS.has(host)) {
    if (s.length >= 3 && /^@[A-Za-z0-9_.]{2,24}$/.test(s[0]!) && s[1] === 'video' && DIGITS.test(s[2]!)) {
      return { provider: 'tiktok', url: `https://www.tiktok.com/${s[0]}/video/${s[2]}`, handle: s[0] };
    }
    return null;
  }
  if (BLUESKY_HOSTS.has(host)) {
    // A handle is a domain name; a DID is did:plc:… or did:web:….
    const actor = s[1] ?? '';
    const handle = /^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/i.test(actor);
    const did = /^did:(plc|web):[A-Za-z0-9._:%-]{1,200}$/.test(actor);
    if (s.length === 4 && s[0] === 'profile' && (handle || did) && s[2] === 'post' && /^[A-Za-z0-9]{1,64}$/.test(s[3]!)) {
      return { provider: 'bluesky', url: `https://bsky.app/profile/${actor.toLowerCase()}/post/${s[3]}`, handle: handle ? `@${actor.toLowerCase()}` : undefined };
    }
    return null;
  }
  if (NOT_MASTODON.has(host)) return null;
  // Mastodon: any server, /@user/<digits> (a remote account reads /@user@server/<digits>).
  if (s.length === 2 && /^@[A-Za-z0-9_]{1,30}(@[a-z0-9.-]{1,253})?$/.test(s[0]!) && DIGITS.test(s[1]!)) {
    const [, user, server] = /^@([^@]+)(?:@(.+))?$/.exec(s[0]!)!;
    return { provider: 'mastodon', url: `https://${host}/${s[0]}/${s[1]}`, handle: `@${user}@${server ?? host}` };
  }
  return null;
}

/** The player address of a post, loaded only after the reader asks; null where there is none. */
export function socialEmbedUrl(provider: SocialProvider, url: string): string | null {
  const parsed = parseHttpsUrl(url);
  if (!parsed) return null;
  const s = segmentsOf(parsed);
  switch (provider) {
    case 'x':
      return `https://platform.twitter.com/embed/Tweet.html?id=${s[2]}&dnt=true`;
    case 'telegram':
      return `https://t.me/${s[0]}/${s[1]}?embed=1`;
    case 'instagram':
      return `https://www.instagram.com/${s[0]}/${s[1]}/embed/`;
    case 'facebook':
      return `https://www.facebook.com/plugins/${s[1] === 'videos' ? 'video' : 'post'}.php?href=${encodeURIComponent(url)}&show_text=true`;
    case 'tiktok':
      return `https://www.tiktok.com/embed/v2/${s[2]}`;
    case 'bluesky':
      return `https://embed.bsky.app/embed/${s[1]}/app.bsky.feed.post/${s[3]}`;
    case 'mastodon':
      // Any server at all: a frame from it would need every https origin in the page's policy.
      return null;
  }
}

// The origins the embeds above load from, for the public pages' frame-src (lib/site/security-headers.ts).
export const SOCIAL_EMBED_ORIGINS = [
  'https://platform.twitter.com',
  'https://t.me',
  'https://www.instagram.com',
  'https://www.facebook.com',
  'https://www.tiktok.com',
  'https://embed.bsky.app',
] as const;

export function checkSocialPost(attrs: Raw): Checked<SocialPostNode> {
  const provider = attrs.provider;
  if (typeof provider !== 'string' || !(SOCIAL_PROVIDERS as readonly string[]).includes(provider)) {
    return { ok: false, error: 'the provider must be one of X, Telegram, Instagram, Facebook, TikTok, Bluesky or Mastodon' };
  }
  const p = provider as SocialProvider;
  const name = SOCIAL_PROVIDER_NAMES[p];
  const recognised = recognisePostUrl(attrs.url);
  if (!recognised) return { ok: false, error: `the address is not a ${name} post (expected ${SHAPES[p]})` };
  if (recognised.provider !== p) {
    return { ok: false, error: `the address is a ${SOCIAL_PROVIDER_NAMES[recognised.provider]} post, not a ${name} post` };
  }
  const text = prose(attrs.text, MAX_POST_TEXT_CHARS + 1);
  if (!text) return { ok: false, error: "paste the post's text" };
  if (text.length > MAX_POST_TEXT_CHARS) return { ok: false, error: `the post's text is longer than ${MAX_POST_TEXT_CHARS} characters` };
  const authorName = line(attrs.authorName, MAX_NAME_CHARS);
  if (!authorName) return { ok: false, error: "give the post's author" };
  if (tooLong(attrs.authorName, MAX_NAME_CHARS)) return { ok: false, error: `the author's name is longer than ${MAX_NAME_CHARS} characters` };
  if (tooLong(attrs.handle, MAX_HANDLE_CHARS)) return { ok: false, error: `the handle is longer than ${MAX_HANDLE_CHARS} characters` };
  const handle = line(attrs.handle, MAX_HANDLE_CHARS);
  let postedAt: string | undefined;
  if (attrs.postedAt !== undefined && attrs.postedAt !== null && attrs.postedAt !== '') {
    postedAt = checkDate(attrs.postedAt);
    if (!postedAt) return { ok: false, error: 'the date is not a date (use YYYY-MM-DD)' };
  }
  return {
    ok: true,
    node: {
      type: 'socialPost',
      attrs: { provider: p, url: recognised.url, authorName, ...(handle && { handle }), text, ...(postedAt && { postedAt }) },
    },
  };
}

// A calendar date (what the editor's date field gives). An instant would need the newsroom's time
// zone to be shown as a day, and a post's day is what readers need.
function checkDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return undefined;
  const date = new Date(`${trimmed}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(trimmed) ? trimmed : undefined;
}

// ---------------------------------------------------------------------------------------------
// Gallery

export function checkGallery(attrs: Raw): Checked<GalleryNode> {
  const items = attrs.items;
  if (!Array.isArray(items)) return { ok: false, error: `a gallery needs ${GALLERY_MIN} to ${GALLERY_MAX} images` };
  if (items.length < GALLERY_MIN || items.length > GALLERY_MAX) {
    return { ok: false, error: `a gallery needs ${GALLERY_MIN} to ${GALLERY_MAX} images; this one has ${items.length}` };
  }
  const clean: GalleryNode['attrs']['items'] = [];
  for (const [index, item] of items.entries()) {
    const n = index + 1;
    if (!isRecord(item)) return { ok: false, error: `image ${n} is not an image from the library` };
    const mediaId = positiveInt(item.mediaId);
    if (!mediaId) return { ok: false, error: `image ${n} is not an image from the library` };
    if (tooLong(item.caption, MAX_CAPTION_CHARS)) return { ok: false, error: `the caption of image ${n} is longer than ${MAX_CAPTION_CHARS} characters` };
    if (tooLong(item.credit, MAX_CREDIT_CHARS)) return { ok: false, error: `the credit of image ${n} is longer than ${MAX_CREDIT_CHARS} characters` };
    const caption = line(item.caption, MAX_CAPTION_CHARS);
    const credit = line(item.credit, MAX_CREDIT_CHARS);
    clean.push({ mediaId, ...(caption && { caption }), ...(credit && { credit }) });
  }
  return { ok: true, node: { type: 'gallery', attrs: { items: clean } } };
}

// ---------------------------------------------------------------------------------------------
// Table

export function checkTable(attrs: Raw): Checked<TableNode> {
  const rows = attrs.rows;
  if (!Array.isArray(rows) || rows.length === 0) return { ok: false, error: 'a table needs at least one row' };
  if (rows.length > TABLE_MAX_ROWS) return { ok: false, error: `a table may have at most ${TABLE_MAX_ROWS} rows; this one has ${rows.length}` };
  const first = rows[0];
  const columns = Array.isArray(first) ? first.length : 0;
  if (columns === 0) return { ok: false, error: 'a table needs at least one column' };
  if (columns > TABLE_MAX_COLUMNS) return { ok: false, error: `a table may have at most ${TABLE_MAX_COLUMNS} columns; this one has ${columns}` };
  const clean: string[][] = [];
  for (const [r, row] of rows.entries()) {
    if (!Array.isArray(row)) return { ok: false, error: `row ${r + 1} is not a row of cells` };
    if (row.length !== columns) return { ok: false, error: `row ${r + 1} has ${row.length} cells; the table has ${columns} columns` };
    const cells: string[] = [];
    for (const [c, cell] of row.entries()) {
      if (cell !== null && cell !== undefined && typeof cell !== 'string' && typeof cell !== 'number') {
        return { ok: false, error: `the cell in row ${r + 1}, column ${c + 1} is not plain text` };
      }
      const value = typeof cell === 'number' ? String(cell) : (cell ?? '');
      if (tooLong(value, MAX_CELL_CHARS)) return { ok: false, error: `the cell in row ${r + 1}, column ${c + 1} is longer than ${MAX_CELL_CHARS} characters` };
      cells.push(line(value, MAX_CELL_CHARS) ?? '');
    }
    clean.push(cells);
  }
  if (clean.every((row) => row.every((cell) => cell === ''))) return { ok: false, error: 'the table is empty' };
  if (tooLong(attrs.caption, MAX_TITLE_CHARS)) return { ok: false, error: `the table's caption is longer than ${MAX_TITLE_CHARS} characters` };
  const caption = line(attrs.caption, MAX_TITLE_CHARS);
  const headerRow = attrs.headerRow === true && clean.length > 1;
  return { ok: true, node: { type: 'table', attrs: { headerRow, rows: clean, ...(caption && { caption }) } } };
}

// ---------------------------------------------------------------------------------------------
// Document and audio: a file from the media library or an https address.

export function checkDocument(attrs: Raw): Checked<DocumentNode> {
  const source = checkSource(attrs.mediaId, attrs.url, 'document');
  if (!source.ok) return source;
  const title = line(attrs.title, MAX_TITLE_CHARS);
  if (!title) return { ok: false, error: "give the document's title" };
  if (tooLong(attrs.title, MAX_TITLE_CHARS)) return { ok: false, error: `the title is longer than ${MAX_TITLE_CHARS} characters` };
  if (tooLong(attrs.description, MAX_DESCRIPTION_CHARS)) return { ok: false, error: `the description is longer than ${MAX_DESCRIPTION_CHARS} characters` };
  const description = line(attrs.description, MAX_DESCRIPTION_CHARS);
  const size = optionalCount(attrs.size, 'the size', 10 * 1024 ** 3);
  if (size === false) return { ok: false, error: 'the size must be a whole number of bytes' };
  const pages = optionalCount(attrs.pages, 'the page count', 100_000);
  if (pages === false) return { ok: false, error: 'the page count must be a whole number' };
  return {
    ok: true,
    node: {
      type: 'document',
      attrs: { ...source.value, title, ...(description && { description }), ...(size && { size }), ...(pages && { pages }) },
    },
  };
}

export const AUDIO_EXTENSIONS = ['mp3', 'm4a', 'ogg'] as const;

export function checkAudio(attrs: Raw): Checked<AudioNode> {
  const source = checkSource(attrs.mediaId, attrs.src, 'audio');
  if (!source.ok) return source;
  const title = line(attrs.title, MAX_TITLE_CHARS);
  if (!title) return { ok: false, error: 'give the audio a title' };
  if (tooLong(attrs.title, MAX_TITLE_CHARS)) return { ok: false, error: `the title is longer than ${MAX_TITLE_CHARS} characters` };
  const duration = optionalCount(attrs.duration, 'the duration', 24 * 3600);
  if (duration === false) return { ok: false, error: 'the duration must be a whole number of seconds' };
  const { mediaId, url } = source.value;
  return {
    ok: true,
    node: { type: 'audio', attrs: { ...(mediaId ? { mediaId } : { src: url! }), title, ...(duration && { duration }) } },
  };
}

function checkSource(
  mediaIdValue: unknown,
  urlValue: unknown,
  kind: 'document' | 'audio',
): { ok: true; value: { mediaId?: number; url?: string } } | { ok: false; error: string } {
  const hasUrl = typeof urlValue === 'string' && urlValue.trim() !== '';
  const hasMedia = mediaIdValue !== undefined && mediaIdValue !== null && mediaIdValue !== '';
  if (hasUrl && hasMedia) return { ok: false, error: `choose a file from the library or give an address, not both` };
  if (hasMedia) {
    const mediaId = positiveInt(mediaIdValue);
    return mediaId ? { ok: true, value: { mediaId } } : { ok: false, error: 'the file is not one from the library' };
  }
  if (!hasUrl) return { ok: false, error: kind === 'audio' ? 'give the audio file (an https address of an MP3, M4A or OGG file)' : "give the document's https address" };
  const url = parseHttpsUrl(urlValue);
  if (!url) return { ok: false, error: 'the address must be an https:// address' };
  if (kind === 'audio') {
    const extension = /\.([a-z0-9]+)$/i.exec(url.pathname)?.[1]?.toLowerCase();
    if (!extension || !(AUDIO_EXTENSIONS as readonly string[]).includes(extension)) {
      return { ok: false, error: 'the audio must be an MP3, M4A or OGG file (its address ends in .mp3, .m4a or .ogg)' };
    }
  }
  url.hash = '';
  return { ok: true, value: { url: url.href } };
}

// undefined when absent, false when present but not a whole number in range.
function optionalCount(value: unknown, _label: string, max: number): number | undefined | false {
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value.trim()) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 && n <= max ? n : false;
}

// ---------------------------------------------------------------------------------------------

// What an editor calls each node in a message ("Embedded post 2: …").
export const EMBED_LABELS = {
  socialPost: 'Embedded post',
  gallery: 'Gallery',
  table: 'Table',
  document: 'Document',
  audio: 'Audio',
} as const;

export type EmbedType = keyof typeof EMBED_LABELS;

export function checkEmbed(type: EmbedType, attrs: Raw) {
  switch (type) {
    case 'socialPost':
      return checkSocialPost(attrs);
    case 'gallery':
      return checkGallery(attrs);
    case 'table':
      return checkTable(attrs);
    case 'document':
      return checkDocument(attrs);
    case 'audio':
      return checkAudio(attrs);
  }
}

export function isEmbedType(type: unknown): type is EmbedType {
  return typeof type === 'string' && Object.hasOwn(EMBED_LABELS, type);
}

// "1.2 MB", "340 KB": a document's size as the card shows it.
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

// "4:05", "1:02:03": an audio's duration.
export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}
