'use client';

import { NodeViewContent, NodeViewWrapper, type NodeViewProps } from '@tiptap/react';

// How images and videos look inside the editor: the picture (or a video card) with its own
// fields. Inputs here are not part of the document's text, so they stop ProseMirror's events.

const small =
  'block w-full rounded border border-rule bg-paper px-2 py-1 text-sm text-ink focus:border-ink focus:outline-none';

export function ImageNodeView({ node, updateAttributes, deleteNode, selected }: NodeViewProps) {
  const { src, alt, caption, credit, mediaId } = node.attrs as { src: string | null; alt: string; caption: string; credit: string; mediaId: number };
  const id = `img-${mediaId}-${node.attrs.mediaId}`;
  return (
    <NodeViewWrapper
      as="figure"
      data-testid="editor-image"
      className={`my-6 rounded-lg border p-3 ${selected ? 'border-ink' : 'border-rule'}`}
    >
      {src ? (
        // eslint-disable-next-line @next/next/no-img-element -- a library preview inside the editor
        <img src={src} alt={alt} className="max-h-72 w-auto rounded" draggable={false} data-drag-handle />
      ) : (
        <div className="rounded bg-panel p-6 text-sm text-muted">Image #{mediaId}</div>
      )}
      <div contentEditable={false} className="mt-3 grid gap-2 sm:grid-cols-3" onKeyDown={(e) => e.stopPropagation()}>
        <label className="text-xs font-semibold" htmlFor={`${id}-alt`}>
          Alt text
          <input id={`${id}-alt`} className={small} value={alt} required onChange={(e) => updateAttributes({ alt: e.target.value })} />
        </label>
        <label className="text-xs font-semibold" htmlFor={`${id}-caption`}>
          Caption
          <input id={`${id}-caption`} className={small} value={caption} onChange={(e) => updateAttributes({ caption: e.target.value })} />
        </label>
        <label className="text-xs font-semibold" htmlFor={`${id}-credit`}>
          Credit
          <input id={`${id}-credit`} className={small} value={credit} onChange={(e) => updateAttributes({ credit: e.target.value })} />
        </label>
      </div>
      {!alt.trim() ? <p className="mt-2 text-sm font-medium text-accent">Describe the image for readers who cannot see it.</p> : null}
      <button type="button" contentEditable={false} onClick={() => deleteNode()} className="mt-2 text-sm font-semibold text-accent underline">
        Remove image
      </button>
    </NodeViewWrapper>
  );
}

export function VideoNodeView({ node, updateAttributes, deleteNode, selected }: NodeViewProps) {
  const { provider, videoId, title } = node.attrs as { provider: string; videoId: string; title: string };
  const id = `video-${videoId}`;
  return (
    <NodeViewWrapper data-testid="editor-video" className={`my-6 rounded-lg border p-3 ${selected ? 'border-ink' : 'border-rule'}`}>
      <div className="flex items-center gap-3 rounded bg-ink p-4 text-paper" data-drag-handle>
        <span aria-hidden="true" className="text-2xl">▶</span>
        <span className="text-sm">
          {provider === 'vimeo' ? 'Vimeo' : 'YouTube'} video <code>{videoId}</code>
        </span>
      </div>
      <div contentEditable={false} onKeyDown={(e) => e.stopPropagation()} className="mt-2">
        <label className="text-xs font-semibold" htmlFor={`${id}-title`}>
          Title (for screen readers and the thumbnail)
          <input id={`${id}-title`} className={small} value={title} onChange={(e) => updateAttributes({ title: e.target.value })} />
        </label>
      </div>
      <button type="button" contentEditable={false} onClick={() => deleteNode()} className="mt-2 text-sm font-semibold text-accent underline">
        Remove video
      </button>
    </NodeViewWrapper>
  );
}

// A pull quote: the line is typed in place, who said it in a field below.
export function PullQuoteNodeView({ node, updateAttributes }: NodeViewProps) {
  const attribution = (node.attrs.attribution as string | null) ?? '';
  return (
    <NodeViewWrapper as="aside" data-pull-quote="" className="editor-pull-quote">
      <NodeViewContent />
      <label contentEditable={false} className="mt-2 block text-xs font-semibold" onKeyDown={(e) => e.stopPropagation()}>
        Attribution (who said it)
        <input className={small} value={attribution} onChange={(e) => updateAttributes({ attribution: e.target.value })} />
      </label>
    </NodeViewWrapper>
  );
}
