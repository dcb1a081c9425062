import type { BlockNode, BodyDoc, InlineNode, ListItemNode } from './types';

// The words of a body as plain text, for search, word counts and feed summaries. Blocks are
// separated by a blank line, list items sit one per line, a hard break is a newline. Images
// and videos add nothing: their captions and titles are not part of the story's text.
export function bodyToPlainText(doc: BodyDoc): string {
  return (doc.content ?? [])
    .map(blockToText)
    .filter((text) => text !== '')
    .join('\n\n');
}

function blockToText(block: BlockNode): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
    case 'pullQuote':
      return inlineToText(block.content);
    case 'blockquote':
      return block.content
        .map((paragraph) => inlineToText(paragraph.content))
        .filter((text) => text !== '')
        .join('\n\n');
    case 'bulletList':
    case 'orderedList':
      return listItemsToLines(block.content).join('\n');
    default:
      return '';
  }
}

function listItemsToLines(items: ListItemNode[]): string[] {
  return items.flatMap((item) =>
    item.content.flatMap((child) =>
      child.type === 'paragraph' ? [inlineToText(child.content)] : listItemsToLines(child.content),
    ),
  ).filter((line) => line !== '');
}

function inlineToText(content: InlineNode[] | undefined): string {
  return (content ?? [])
    .map((node) => (node.type === 'text' ? node.text : '\n'))
    .join('')
    .trim();
}

let wordSegmenter: Intl.Segmenter | undefined;

// Words in any script: Intl.Segmenter finds word boundaries in languages written without
// spaces too. Numbers ("2026", "3.5") are words; punctuation and dashes are not.
export function countWords(text: string): number {
  if (text.trim() === '') return 0;
  wordSegmenter ??= new Intl.Segmenter('en', { granularity: 'word' });
  let count = 0;
  for (const segment of wordSegmenter.segment(text)) {
    if (segment.isWordLike) count += 1;
  }
  return count;
}

// The media library ids the body shows (images, gallery images, documents and audio from the
// library), in order of first appearance.
export function collectMediaIds(doc: BodyDoc): number[] {
  const ids = new Set<number>();
  for (const block of doc.content ?? []) {
    if (block.type === 'image') ids.add(block.attrs.mediaId);
    else if (block.type === 'gallery') for (const item of block.attrs.items) ids.add(item.mediaId);
    else if ((block.type === 'document' || block.type === 'audio') && block.attrs.mediaId) ids.add(block.attrs.mediaId);
  }
  return [...ids];
}
