import { mergeAttributes, Node } from '@tiptap/core';
import { ReactNodeViewRenderer } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { safeHref } from '@/lib/body/sanitize';
import { embedExtensions } from './embed-extensions';
import { ImageNodeView, PullQuoteNodeView, VideoNodeView } from './node-views';

// The editor's schema mirrors lib/body/types.ts, the public renderer's allowlist: what can be
// typed here is exactly what readers can be shown. The server sanitises every save anyway.

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    pullQuote: { togglePullQuote: () => ReturnType };
    bodyImage: {
      insertBodyImage: (attrs: { mediaId: number; alt: string; caption?: string; credit?: string; src?: string }) => ReturnType;
    };
    bodyVideo: { insertBodyVideo: (attrs: { provider: 'youtube' | 'vimeo'; videoId: string; title?: string }) => ReturnType };
  }
}

export const PullQuote = Node.create({
  name: 'pullQuote',
  group: 'block',
  content: 'inline*',
  defining: true,
  addAttributes() {
    return { attribution: { default: null } };
  },
  parseHTML() {
    return [{ tag: 'aside[data-pull-quote]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['aside', mergeAttributes(HTMLAttributes, { 'data-pull-quote': '', class: 'editor-pull-quote' }), 0];
  },
  addNodeView() {
    return ReactNodeViewRenderer(PullQuoteNodeView);
  },
  addCommands() {
    return {
      togglePullQuote:
        () =>
        ({ commands }) =>
          commands.toggleNode(this.name, 'paragraph'),
    };
  },
});

export const BodyImage = Node.create({
  name: 'image',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return {
      mediaId: { default: null },
      alt: { default: '' },
      caption: { default: '' },
      credit: { default: '' },
      // Display only: the stored body keeps the id, the server drops this attribute.
      src: { default: null },
    };
  },
  parseHTML() {
    return [{ tag: 'figure[data-media-id]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['figure', mergeAttributes({ 'data-media-id': HTMLAttributes.mediaId }), ['img', { src: HTMLAttributes.src, alt: HTMLAttributes.alt }]];
  },
  addNodeView() {
    return ReactNodeViewRenderer(ImageNodeView);
  },
  addCommands() {
    return {
      insertBodyImage:
        (attrs) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs }),
    };
  },
});

export const BodyVideo = Node.create({
  name: 'video',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return { provider: { default: 'youtube' }, videoId: { default: '' }, title: { default: '' } };
  },
  parseHTML() {
    return [{ tag: 'div[data-video-id]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['div', { 'data-video-id': HTMLAttributes.videoId, 'data-provider': HTMLAttributes.provider }];
  },
  addNodeView() {
    return ReactNodeViewRenderer(VideoNodeView);
  },
  addCommands() {
    return {
      insertBodyVideo:
        (attrs) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs }),
    };
  },
});

export const editorExtensions = [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    code: false,
    codeBlock: false,
    strike: false,
    underline: false,
    link: {
      openOnClick: false,
      autolink: true,
      defaultProtocol: 'https',
      isAllowedUri: (url) => safeHref(url) !== null,
      HTMLAttributes: { rel: null, target: null },
    },
  }),
  PullQuote,
  BodyImage,
  BodyVideo,
  ...embedExtensions,
];
