// The article body is stored as editor JSON in the ProseMirror/TipTap shape:
// { type: 'doc', content: [...] }. These are the only node and mark types the
// public renderer knows; anything else is dropped by sanitizeBody().

export type Mark =
  | { type: 'bold' }
  | { type: 'italic' }
  | { type: 'link'; attrs: { href: string } };

export interface TextNode {
  type: 'text';
  text: string;
  marks?: Mark[];
}

export interface HardBreakNode {
  type: 'hardBreak';
}

export type InlineNode = TextNode | HardBreakNode;

export interface ParagraphNode {
  type: 'paragraph';
  content?: InlineNode[];
}

export interface HeadingNode {
  type: 'heading';
  attrs: { level: 2 | 3 };
  content?: InlineNode[];
}

export interface BlockquoteNode {
  type: 'blockquote';
  content: ParagraphNode[];
}

// A pull quote: a short line lifted from the story, shown large.
export interface PullQuoteNode {
  type: 'pullQuote';
  attrs: { attribution?: string };
  content?: InlineNode[];
}

export interface ListItemNode {
  type: 'listItem';
  content: (ParagraphNode | BulletListNode | OrderedListNode)[];
}

export interface BulletListNode {
  type: 'bulletList';
  content: ListItemNode[];
}

export interface OrderedListNode {
  type: 'orderedList';
  attrs?: { start?: number };
  content: ListItemNode[];
}

export interface HorizontalRuleNode {
  type: 'horizontalRule';
}

// An image from the media library. Width, height and file come from the media
// row at render time, never from the stored JSON.
export interface ImageNode {
  type: 'image';
  attrs: { mediaId: number; alt?: string; caption?: string; credit?: string };
}

// A YouTube or Vimeo video, shown as a thumbnail until the reader clicks.
export interface VideoNode {
  type: 'video';
  attrs: { provider: 'youtube' | 'vimeo'; videoId: string; title?: string };
}

export type SocialProvider = 'x' | 'telegram' | 'instagram' | 'facebook' | 'tiktok' | 'bluesky' | 'mastodon';

// A post from a social network as the editor captured it when pasting its address: the text and
// author are ours to show, so the page loads nothing from the provider until the reader asks.
// Checked by lib/body/embeds.ts (the address is rebuilt per provider).
export interface SocialPostNode {
  type: 'socialPost';
  attrs: { provider: SocialProvider; url: string; authorName: string; handle?: string; text: string; postedAt?: string };
}

// A photo gallery: 2–30 images from the media library, each with its own caption and credit.
export interface GalleryNode {
  type: 'gallery';
  attrs: { items: { mediaId: number; caption?: string; credit?: string }[] };
}

// A table of plain-text cells; every row has the same number of cells.
export interface TableNode {
  type: 'table';
  attrs: { headerRow: boolean; rows: string[][]; caption?: string };
}

// A link card to a document (a PDF): a file from the media library or an https address.
export interface DocumentNode {
  type: 'document';
  attrs: { mediaId?: number; url?: string; title: string; description?: string; size?: number; pages?: number };
}

// A podcast or other audio, played by the browser's own player.
export interface AudioNode {
  type: 'audio';
  attrs: { mediaId?: number; src?: string; title: string; duration?: number };
}

export type BlockNode =
  | ParagraphNode
  | HeadingNode
  | BlockquoteNode
  | PullQuoteNode
  | BulletListNode
  | OrderedListNode
  | HorizontalRuleNode
  | ImageNode
  | VideoNode
  | SocialPostNode
  | GalleryNode
  | TableNode
  | DocumentNode
  | AudioNode;

export interface BodyDoc {
  type: 'doc';
  content: BlockNode[];
}

// What the renderer needs to know about an image in the body.
export interface BodyMedia {
  id: number;
  src: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  // Documents and audio from the library need their type and size; images do not.
  mimeType?: string;
  size?: number;
}
