import { Extension, Node } from '@tiptap/core';
import { ReactNodeViewRenderer } from '@tiptap/react';
import type { NodeViewProps } from '@tiptap/react';
import type { ReactNode } from 'react';
import { AudioNodeView, DocumentNodeView, GalleryNodeView, SocialPostNodeView, TableNodeView } from './embed-views';

// The body's embeds in the editor (lib/body/embeds.ts says what each may hold). Each is one atom
// whose attributes are edited in its node view; the server checks every one on save and names
// the one that is wrong.

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    bodyEmbed: { insertEmbed: (type: EmbedNodeName, attrs: Record<string, unknown>) => ReturnType };
  }
}

export type EmbedNodeName = 'socialPost' | 'gallery' | 'table' | 'document' | 'audio';

function embedNode(name: EmbedNodeName, attributes: Record<string, unknown>, view: (props: NodeViewProps) => ReactNode) {
  return Node.create({
    name,
    group: 'block',
    atom: true,
    draggable: true,
    addAttributes() {
      return Object.fromEntries(Object.entries(attributes).map(([key, value]) => [key, { default: value }]));
    },
    parseHTML() {
      return [{ tag: `div[data-embed="${name}"]` }];
    },
    renderHTML() {
      return ['div', { 'data-embed': name }];
    },
    addNodeView() {
      return ReactNodeViewRenderer(view);
    },
  });
}

export const EmbedCommands = Extension.create({
  name: 'embedCommands',
  addCommands() {
    return {
      insertEmbed:
        (type, attrs) =>
        ({ commands }) =>
          commands.insertContent({ type, attrs }),
    };
  },
});

export const embedExtensions = [
  EmbedCommands,
  embedNode('socialPost', { provider: 'x', url: '', authorName: '', handle: '', text: '', postedAt: '' }, SocialPostNodeView),
  embedNode('gallery', { items: [] }, GalleryNodeView),
  embedNode('table', { headerRow: true, caption: '', rows: [['', ''], ['', '']] }, TableNodeView),
  embedNode('document', { mediaId: null, url: '', title: '', description: '', size: null, pages: null }, DocumentNodeView),
  embedNode('audio', { mediaId: null, src: '', title: '', duration: null }, AudioNodeView),
];
