import { checkEmbed, isEmbedType } from './embeds';
import type {
  BlockNode,
  BodyDoc,
  BulletListNode,
  InlineNode,
  ListItemNode,
  Mark,
  OrderedListNode,
  ParagraphNode,
  VideoNode,
} from './types';

// The XSS boundary for article bodies (docs/security.md): untrusted editor JSON goes in, a document
// that holds only the node types, marks and attrs of ./types comes out. Everything is rebuilt from
// scratch, so unknown attrs (onclick, style, class…) can never ride along.

// Caps no real article reaches; they bound the time and memory a hostile or broken document
// can cost on every render.
const MAX_VISITS = 50_000;
const MAX_BODY_CHARS = 500_000;
const MAX_TEXT_NODE_CHARS = 20_000;
const MAX_JSON_CHARS = 5_000_000;
const MAX_LIST_DEPTH = 6;
const MAX_MARKS = 10;
const MAX_HREF_CHARS = 2_048;
const MAX_ALT_CHARS = 500;
const MAX_CAPTION_CHARS = 1_000;
const MAX_CREDIT_CHARS = 200;
const MAX_TITLE_CHARS = 300;

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const VIMEO_ID = /^\d{1,12}$/;

type Raw = Record<string, unknown>;

interface Budget {
  visits: number;
  chars: number;
}

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Reserve one node of work; false once the document has cost too much.
function spend(budget: Budget): boolean {
  if (budget.visits <= 0) return false;
  budget.visits -= 1;
  return true;
}

// C0 controls (except tab and newline) and DEL have no place in prose and NUL is an HTML
// parse error.
const TEXT_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const ATTR_CONTROLS = /[\u0000-\u001F\u007F-\u009F]/g;

function cleanText(value: string, max: number): string {
  return value.replace(TEXT_CONTROLS, '').slice(0, max).toWellFormed();
}

// A short attribute string (alt, caption, credit, title): one line, trimmed, capped.
function cleanAttr(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const cleaned = value.replace(ATTR_CONTROLS, ' ').trim().slice(0, max).toWellFormed();
  return cleaned === '' ? undefined : cleaned;
}

// Whitespace, controls, invisible and bidi characters: browsers strip or reinterpret some of
// them inside URLs ("java\tscript:"), so a link that contains any is refused outright.
const UNSAFE_URL_CHARS =
  /[\s\u0000-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\\]/;
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

// The href to put in a link, or null when it is not one we allow: http(s) and mailto URLs,
// site-relative paths ("/…", not "//…") and fragments ("#…"). A protocol-relative "//host"
// passes only when it parses as an http(s) URL with a host.
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  if (href === '' || href.length > MAX_HREF_CHARS || UNSAFE_URL_CHARS.test(href)) return null;

  if (href.startsWith('#')) return href;

  if (href.startsWith('//')) {
    const url = tryParseUrl(`https:${href}`);
    return url && url.hostname !== '' ? href : null;
  }

  if (href.startsWith('/')) {
    const base = 'https://gazette.invalid';
    const url = tryParseUrl(href, base);
    return url && url.origin === base ? href : null;
  }

  const scheme = SCHEME.exec(href);
  if (!scheme) return null;
  const url = tryParseUrl(href);
  if (!url || !ALLOWED_PROTOCOLS.has(url.protocol)) return null;
  // The raw prefix must be the scheme the parser saw; anything else means the two disagree.
  if (`${scheme[1]!.toLowerCase()}:` !== url.protocol) return null;
  if (url.protocol !== 'mailto:' && url.hostname === '') return null;
  return href;
}

function tryParseUrl(input: string, base?: string): URL | null {
  try {
    return new URL(input, base);
  } catch {
    return null;
  }
}

export type VideoProvider = VideoNode['attrs']['provider'];

export function isValidVideoId(provider: unknown, videoId: unknown): boolean {
  if (typeof videoId !== 'string') return false;
  if (provider === 'youtube') return YOUTUBE_ID.test(videoId);
  if (provider === 'vimeo') return VIMEO_ID.test(videoId);
  return false;
}

const YOUTUBE_HOSTS = new Set([
  'youtube.com',
  'www.youtube.com',
  'm.youtube.com',
  'music.youtube.com',
  'youtube-nocookie.com',
  'www.youtube-nocookie.com',
]);
const VIMEO_HOSTS = new Set(['vimeo.com', 'www.vimeo.com']);

// A YouTube or Vimeo link as an editor pastes it (with or without "https://").
export function parseVideoUrl(url: string): { provider: VideoProvider; videoId: string } | null {
  if (typeof url !== 'string') return null;
  const trimmed = url.trim();
  if (trimmed === '' || trimmed.length > MAX_HREF_CHARS) return null;
  const parsed = tryParseUrl(SCHEME.test(trimmed) ? trimmed : `https://${trimmed}`);
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) return null;

  const host = parsed.hostname.toLowerCase();
  const segments = parsed.pathname.split('/').filter((segment) => segment !== '');
  const youtube = (videoId: string | null | undefined) =>
    videoId && YOUTUBE_ID.test(videoId) ? { provider: 'youtube' as const, videoId } : null;
  const vimeo = (videoId: string | undefined) =>
    videoId && VIMEO_ID.test(videoId) ? { provider: 'vimeo' as const, videoId } : null;

  if (host === 'youtu.be') return segments.length === 1 ? youtube(segments[0]) : null;
  if (YOUTUBE_HOSTS.has(host)) {
    if (segments.length === 1 && segments[0] === 'watch') return youtube(parsed.searchParams.get('v'));
    if (segments.length === 2 && ['embed', 'shorts', 'live', 'v'].includes(segments[0]!)) {
      return youtube(segments[1]);
    }
    return null;
  }
  if (host === 'player.vimeo.com') {
    return segments.length === 2 && segments[0] === 'video' ? vimeo(segments[1]) : null;
  }
  if (VIMEO_HOSTS.has(host)) {
    // vimeo.com/123 and unlisted vimeo.com/123/abcdef0123 (the hash is not needed to link).
    return segments.length === 1 || segments.length === 2 ? vimeo(segments[0]) : null;
  }
  return null;
}

// The provider's own page for a video: what a link points to when there is no player.
export function videoWatchUrl(provider: VideoProvider, videoId: string): string {
  const id = encodeURIComponent(videoId);
  return provider === 'vimeo' ? `https://vimeo.com/${id}` : `https://www.youtube.com/watch?v=${id}`;
}

// The player URL, loaded only after the reader asks for it (YouTube's no-cookie host).
export function videoEmbedUrl(provider: VideoProvider, videoId: string): string {
  const id = encodeURIComponent(videoId);
  return provider === 'vimeo'
    ? `https://player.vimeo.com/video/${id}?autoplay=1`
    : `https://www.youtube-nocookie.com/embed/${id}?autoplay=1`;
}

// Untrusted editor JSON (or its JSON text) → a document the renderer can trust. Anything
// that is not understood is dropped: never an error, at worst an empty body.
export function sanitizeBody(input: unknown): BodyDoc {
  try {
    let value = input;
    if (typeof value === 'string') {
      if (value.length > MAX_JSON_CHARS) return emptyDoc();
      value = JSON.parse(value);
    }
    if (!isRecord(value) || value.type !== 'doc') return emptyDoc();
    const budget: Budget = { visits: MAX_VISITS, chars: MAX_BODY_CHARS };
    return { type: 'doc', content: sanitizeBlocks(value.content, budget) };
  } catch {
    // Getters that throw, revoked proxies, bad JSON: none of it reaches a page.
    return emptyDoc();
  }
}

function emptyDoc(): BodyDoc {
  return { type: 'doc', content: [] };
}

function sanitizeBlocks(content: unknown, budget: Budget): BlockNode[] {
  if (!Array.isArray(content)) return [];
  const blocks: BlockNode[] = [];
  for (const raw of content) {
    if (!spend(budget)) break;
    const block = sanitizeBlock(raw, budget);
    if (block) blocks.push(block);
  }
  return blocks;
}

function sanitizeBlock(raw: unknown, budget: Budget): BlockNode | null {
  if (!isRecord(raw)) return null;
  const attrs = isRecord(raw.attrs) ? raw.attrs : {};
  // Read once: a hostile getter must not be able to answer twice, or cost twice.
  const type = raw.type;
  switch (type) {
    case 'paragraph':
      return sanitizeParagraph(raw.content, budget);
    case 'heading': {
      const content = sanitizeInline(raw.content, budget);
      return content.length > 0 ? { type: 'heading', attrs: { level: clampHeadingLevel(attrs.level) }, content } : null;
    }
    case 'blockquote': {
      const content = sanitizeQuoteContent(raw.content, budget);
      return content.length > 0 ? { type: 'blockquote', content } : null;
    }
    case 'pullQuote': {
      const content = sanitizeInline(raw.content, budget);
      if (content.length === 0) return null;
      const attribution = cleanAttr(attrs.attribution, MAX_CREDIT_CHARS);
      return { type: 'pullQuote', attrs: attribution ? { attribution } : {}, content };
    }
    case 'bulletList':
    case 'orderedList':
      return sanitizeList(raw, budget, 1);
    case 'horizontalRule':
      return { type: 'horizontalRule' };
    case 'image': {
      const mediaId = attrs.mediaId;
      if (typeof mediaId !== 'number' || !Number.isSafeInteger(mediaId) || mediaId <= 0) return null;
      const alt = cleanAttr(attrs.alt, MAX_ALT_CHARS);
      const caption = cleanAttr(attrs.caption, MAX_CAPTION_CHARS);
      const credit = cleanAttr(attrs.credit, MAX_CREDIT_CHARS);
      return {
        type: 'image',
        attrs: { mediaId, ...(alt && { alt }), ...(caption && { caption }), ...(credit && { credit }) },
      };
    }
    case 'video': {
      const { provider, videoId } = attrs;
      if ((provider !== 'youtube' && provider !== 'vimeo') || !isValidVideoId(provider, videoId)) return null;
      const title = cleanAttr(attrs.title, MAX_TITLE_CHARS);
      return { type: 'video', attrs: { provider, videoId: videoId as string, ...(title && { title }) } };
    }
    default:
      // Social posts, galleries, tables, documents, audio: ./embeds.ts, which rebuilds each one.
      if (isEmbedType(type)) {
        const checked = checkEmbed(type, attrs);
        if (!checked.ok) return null;
        // Posts and tables carry text of their own: it counts against the body's budget.
        budget.chars -= JSON.stringify(checked.node.attrs).length;
        return budget.chars >= 0 ? checked.node : null;
      }
      // script, iframe, html, anything unknown: dropped with everything inside it.
      return null;
  }
}

function clampHeadingLevel(level: unknown): 2 | 3 {
  return typeof level === 'number' && level >= 3 ? 3 : 2;
}

function sanitizeParagraph(content: unknown, budget: Budget): ParagraphNode | null {
  const inline = sanitizeInline(content, budget);
  return inline.length > 0 ? { type: 'paragraph', content: inline } : null;
}

// A blockquote holds paragraphs; a heading inside one keeps its words as a paragraph.
function sanitizeQuoteContent(content: unknown, budget: Budget): ParagraphNode[] {
  if (!Array.isArray(content)) return [];
  const paragraphs: ParagraphNode[] = [];
  for (const raw of content) {
    if (!spend(budget)) break;
    if (!isRecord(raw) || (raw.type !== 'paragraph' && raw.type !== 'heading')) continue;
    const paragraph = sanitizeParagraph(raw.content, budget);
    if (paragraph) paragraphs.push(paragraph);
  }
  return paragraphs;
}

function sanitizeList(raw: Raw, budget: Budget, depth: number): BulletListNode | OrderedListNode | null {
  if (depth > MAX_LIST_DEPTH || !Array.isArray(raw.content)) return null;
  const items: ListItemNode[] = [];
  for (const child of raw.content) {
    if (!spend(budget)) break;
    if (!isRecord(child) || child.type !== 'listItem') continue;
    const item = sanitizeListItem(child, budget, depth);
    if (item) items.push(item);
  }
  if (items.length === 0) return null;
  if (raw.type === 'bulletList') return { type: 'bulletList', content: items };
  const start = isRecord(raw.attrs) ? raw.attrs.start : undefined;
  const validStart = typeof start === 'number' && Number.isSafeInteger(start) && start >= 0 && start <= 1_000_000;
  return validStart && start !== 1
    ? { type: 'orderedList', attrs: { start }, content: items }
    : { type: 'orderedList', content: items };
}

function sanitizeListItem(raw: Raw, budget: Budget, depth: number): ListItemNode | null {
  if (!Array.isArray(raw.content)) return null;
  const content: ListItemNode['content'] = [];
  for (const child of raw.content) {
    if (!spend(budget)) break;
    if (!isRecord(child)) continue;
    if (child.type === 'paragraph') {
      const paragraph = sanitizeParagraph(child.content, budget);
      if (paragraph) content.push(paragraph);
    } else if (child.type === 'bulletList' || child.type === 'orderedList') {
      const list = sanitizeList(child, budget, depth + 1);
      if (list) content.push(list);
    }
  }
  return content.length > 0 ? { type: 'listItem', content } : null;
}

function sanitizeInline(content: unknown, budget: Budget): InlineNode[] {
  if (!Array.isArray(content)) return [];
  const inline: InlineNode[] = [];
  for (const raw of content) {
    if (!spend(budget)) break;
    if (!isRecord(raw)) continue;
    if (raw.type === 'hardBreak') {
      inline.push({ type: 'hardBreak' });
    } else if (raw.type === 'text' && typeof raw.text === 'string' && budget.chars > 0) {
      const text = cleanText(raw.text, Math.min(MAX_TEXT_NODE_CHARS, budget.chars));
      if (text === '') continue;
      budget.chars -= text.length;
      const marks = sanitizeMarks(raw.marks);
      inline.push(marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text });
    }
    // Any other inline node (mentions, inline HTML, unknown wrappers) is dropped whole.
  }
  // Line breaks at the edges of a block only add blank space.
  while (inline[0]?.type === 'hardBreak') inline.shift();
  while (inline.at(-1)?.type === 'hardBreak') inline.pop();
  return inline;
}

// Marks come back deduplicated, in one order (bold, italic, link). A link whose href is not
// safe is removed; its text stays.
function sanitizeMarks(marks: unknown): Mark[] {
  if (!Array.isArray(marks)) return [];
  let bold = false;
  let italic = false;
  let href: string | null = null;
  for (const mark of marks.slice(0, MAX_MARKS)) {
    if (!isRecord(mark)) continue;
    if (mark.type === 'bold') bold = true;
    else if (mark.type === 'italic') italic = true;
    else if (mark.type === 'link' && href === null && isRecord(mark.attrs)) href = safeHref(mark.attrs.href);
  }
  const result: Mark[] = [];
  if (bold) result.push({ type: 'bold' });
  if (italic) result.push({ type: 'italic' });
  if (href !== null) result.push({ type: 'link', attrs: { href } });
  return result;
}
