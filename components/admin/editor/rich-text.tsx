'use client';

import { EditorContent, useEditor, useEditorState, type Editor, type JSONContent } from '@tiptap/react';
import { useId, useRef, useState } from 'react';
import { MediaPicker, type PickedMedia } from '@/components/admin/media-picker';
import { AUDIO_EXTENSIONS, parseHttpsUrl, recognisePostUrl, SOCIAL_PROVIDER_NAMES } from '@/lib/body/embeds';
import { parseVideoUrl, safeHref } from '@/lib/body/sanitize';
import { editorExtensions } from './extensions';
import './tiptap-base.css';

// The article body: TipTap writing the ProseMirror JSON that lib/body renders for readers.
// Every control is a real button with a name; the usual shortcuts work (Ctrl+B, Ctrl+I,
// Ctrl+Z…), and Ctrl+K opens the link field.

interface Props {
  initialContent: JSONContent;
  onChange: (doc: JSONContent) => void;
  onReady?: (editor: Editor) => void;
}

type PromptKind = 'link' | 'video' | 'post' | 'document' | 'audio';
type Prompt = { kind: PromptKind; value: string; error?: string } | null;

const PROMPTS: Record<PromptKind, { label: string; placeholder: string; apply: string }> = {
  link: { label: 'Link address', placeholder: 'https://…', apply: 'Apply link' },
  video: { label: 'YouTube or Vimeo address', placeholder: 'https://www.youtube.com/watch?v=…', apply: 'Insert video' },
  post: { label: 'Address of the post', placeholder: 'https://x.com/…/status/…', apply: 'Insert post' },
  document: { label: 'Address of the document (https)', placeholder: 'https://…/report.pdf', apply: 'Insert document' },
  audio: { label: 'Address of the audio file (MP3, M4A or OGG)', placeholder: 'https://…/episode.mp3', apply: 'Insert audio' },
};

export function RichText({ initialContent, onChange, onReady }: Props) {
  const [prompt, setPrompt] = useState<Prompt>(null);
  const [picking, setPicking] = useState<'image' | 'gallery' | null>(null);
  const promptInput = useRef<HTMLInputElement>(null);
  const promptId = useId();
  const editor = useEditor({
    extensions: editorExtensions,
    content: initialContent,
    immediatelyRender: false,
    // An injected <style> has no nonce and breaks the newsroom's CSP; tiptap-base.css has the rules.
    injectCSS: false,
    editorProps: {
      attributes: {
        class: 'article-body editor-content min-h-[24rem] px-4 py-3 focus:outline-none',
        'aria-label': 'Article body',
        'aria-multiline': 'true',
        role: 'textbox',
        'data-testid': 'body-editor',
      },
      handleKeyDown: (_view, event) => {
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
          event.preventDefault();
          openLink();
          return true;
        }
        return false;
      },
    },
    onCreate: ({ editor }) => onReady?.(editor),
    onUpdate: ({ editor }) => onChange(editor.getJSON()),
  });

  const active = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      e
        ? {
            h2: e.isActive('heading', { level: 2 }),
            h3: e.isActive('heading', { level: 3 }),
            bold: e.isActive('bold'),
            italic: e.isActive('italic'),
            link: e.isActive('link'),
            bullet: e.isActive('bulletList'),
            ordered: e.isActive('orderedList'),
            quote: e.isActive('blockquote'),
            pull: e.isActive('pullQuote'),
            canUndo: e.can().undo(),
            canRedo: e.can().redo(),
          }
        : null,
  });

  function openLink() {
    const current = (editor?.getAttributes('link').href as string | undefined) ?? '';
    setPrompt({ kind: 'link', value: current });
    setTimeout(() => promptInput.current?.focus(), 0);
  }

  function applyPrompt() {
    if (!editor || !prompt) return;
    const value = prompt.value.trim();
    if (prompt.kind === 'link') {
      if (value === '') {
        editor.chain().focus().extendMarkRange('link').unsetLink().run();
        setPrompt(null);
        return;
      }
      const href = safeHref(/^[\w.-]+\.[a-z]{2,}(\/|$)/i.test(value) ? `https://${value}` : value);
      if (!href) {
        setPrompt({ ...prompt, error: 'Use a web address (https://…), a page on this site (/…) or mailto:.' });
        return;
      }
      const chain = editor.chain().focus().extendMarkRange('link');
      if (editor.state.selection.empty && !editor.isActive('link')) chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
      else chain.setLink({ href }).run();
    } else if (prompt.kind === 'post') {
      const post = recognisePostUrl(value);
      if (!post) {
        setPrompt({ ...prompt, error: 'Paste the address of one post on X, Telegram, Instagram, Facebook, TikTok, Bluesky or Mastodon.' });
        return;
      }
      // The server never fetches the post: the editor types its text and author in the card.
      editor.chain().focus().insertEmbed('socialPost', { provider: post.provider, url: post.url, handle: post.handle ?? '', authorName: '', text: '', postedAt: '' }).run();
    } else if (prompt.kind === 'document') {
      const url = parseHttpsUrl(value);
      if (!url) {
        setPrompt({ ...prompt, error: 'Use an https:// address.' });
        return;
      }
      editor.chain().focus().insertEmbed('document', { url: url.href, title: '' }).run();
    } else if (prompt.kind === 'audio') {
      const url = parseHttpsUrl(value);
      const extension = url && /\.([a-z0-9]+)$/i.exec(url.pathname)?.[1]?.toLowerCase();
      if (!url || !extension || !(AUDIO_EXTENSIONS as readonly string[]).includes(extension)) {
        setPrompt({ ...prompt, error: 'Use the https:// address of an MP3, M4A or OGG file.' });
        return;
      }
      editor.chain().focus().insertEmbed('audio', { src: url.href, title: '' }).run();
    } else {
      const video = parseVideoUrl(value);
      if (!video) {
        setPrompt({ ...prompt, error: 'Paste a YouTube or Vimeo address.' });
        return;
      }
      editor.chain().focus().insertBodyVideo({ ...video, title: '' }).run();
    }
    setPrompt(null);
  }

  function insertImage(m: PickedMedia) {
    const mode = picking;
    setPicking(null);
    if (mode === 'gallery') {
      // The gallery's card adds the rest (it needs two at least).
      editor?.chain().focus().insertEmbed('gallery', { items: [{ mediaId: m.id, caption: m.caption, credit: m.credit, src: m.url, alt: m.alt }] }).run();
      return;
    }
    editor?.chain().focus().insertBodyImage({ mediaId: m.id, alt: m.alt, caption: m.caption, credit: m.credit, src: m.url }).run();
  }

  function ask(kind: PromptKind) {
    setPrompt({ kind, value: '' });
    setTimeout(() => promptInput.current?.focus(), 0);
  }

  const recognised = prompt?.kind === 'post' ? recognisePostUrl(prompt.value) : null;

  const button = (label: string, pressed: boolean | undefined, run: () => void, text: React.ReactNode = label, disabled = false) => (
    <button
      type="button"
      aria-label={label}
      title={label}
      aria-pressed={pressed === undefined ? undefined : pressed}
      disabled={!editor || disabled}
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
      className={`min-w-9 rounded px-2 py-1.5 text-sm font-semibold disabled:opacity-40 ${pressed ? 'bg-ink text-paper' : 'text-ink hover:bg-panel'}`}
    >
      {text}
    </button>
  );
  const chain = () => editor!.chain().focus();

  return (
    <div className="rounded-lg border border-rule bg-paper">
      <div role="toolbar" aria-label="Formatting" className="sticky top-0 z-10 flex flex-wrap items-center gap-0.5 border-b border-rule bg-paper p-1.5">
        {button('Paragraph', undefined, () => chain().setParagraph().run(), '¶')}
        {button('Heading 2', active?.h2, () => chain().toggleHeading({ level: 2 }).run(), 'H2')}
        {button('Heading 3', active?.h3, () => chain().toggleHeading({ level: 3 }).run(), 'H3')}
        <span aria-hidden="true" className="mx-1 h-5 w-px bg-rule" />
        {button('Bold', active?.bold, () => chain().toggleBold().run(), <b>B</b>)}
        {button('Italic', active?.italic, () => chain().toggleItalic().run(), <i>I</i>)}
        {button('Link', active?.link, openLink, 'Link')}
        <span aria-hidden="true" className="mx-1 h-5 w-px bg-rule" />
        {button('Bulleted list', active?.bullet, () => chain().toggleBulletList().run(), '• List')}
        {button('Numbered list', active?.ordered, () => chain().toggleOrderedList().run(), '1. List')}
        {button('Quote', active?.quote, () => chain().toggleBlockquote().run(), '“ ”')}
        {button('Pull quote', active?.pull, () => chain().togglePullQuote().run(), 'Pull')}
        <span aria-hidden="true" className="mx-1 h-5 w-px bg-rule" />
        {button('Insert image', undefined, () => setPicking('image'), 'Image')}
        {button('Insert video', undefined, () => ask('video'), 'Video')}
        {button('Embed post', undefined, () => ask('post'), 'Post')}
        {button('Insert gallery', undefined, () => setPicking('gallery'), 'Gallery')}
        {button('Insert table', undefined, () => chain().insertEmbed('table', { headerRow: true, caption: '', rows: [['', '', ''], ['', '', ''], ['', '', '']] }).run(), 'Table')}
        {button('Insert document', undefined, () => ask('document'), 'PDF')}
        {button('Insert audio', undefined, () => ask('audio'), 'Audio')}
        {button('Divider', undefined, () => chain().setHorizontalRule().run(), '—')}
        <span aria-hidden="true" className="mx-1 h-5 w-px bg-rule" />
        {button('Undo', undefined, () => chain().undo().run(), '↶', !active?.canUndo)}
        {button('Redo', undefined, () => chain().redo().run(), '↷', !active?.canRedo)}
      </div>
      {prompt ? (
        <div className="flex flex-wrap items-start gap-2 border-b border-rule bg-panel p-2">
          <label htmlFor={promptId} className="pt-1.5 text-sm font-semibold">
            {PROMPTS[prompt.kind].label}
          </label>
          <div className="min-w-60 flex-1">
            <input
              id={promptId}
              ref={promptInput}
              type="text"
              inputMode="url"
              value={prompt.value}
              aria-invalid={prompt.error ? true : undefined}
              aria-describedby={prompt.error ? `${promptId}-error` : undefined}
              onChange={(e) => setPrompt({ ...prompt, value: e.target.value, error: undefined })}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  applyPrompt();
                } else if (e.key === 'Escape') {
                  setPrompt(null);
                  editor?.commands.focus();
                }
              }}
              className="block w-full rounded border border-rule bg-paper px-2 py-1.5 text-sm"
              placeholder={PROMPTS[prompt.kind].placeholder}
            />
            {prompt.kind === 'post' && prompt.value.trim() !== '' && !prompt.error ? (
              <p className="mt-1 text-sm" role="status">
                {recognised ? `Recognised: a ${SOCIAL_PROVIDER_NAMES[recognised.provider]} post.` : 'Not a post address we recognise yet.'}
              </p>
            ) : null}
            {prompt.error ? (
              <p id={`${promptId}-error`} className="mt-1 text-sm font-medium text-accent">
                {prompt.error}
              </p>
            ) : null}
          </div>
          <button type="button" onClick={applyPrompt} className="rounded bg-ink px-3 py-1.5 text-sm font-semibold text-paper">
            {PROMPTS[prompt.kind].apply}
          </button>
          <button type="button" onClick={() => setPrompt(null)} className="rounded border border-rule px-3 py-1.5 text-sm font-semibold">
            Cancel
          </button>
        </div>
      ) : null}
      <EditorContent editor={editor} />
      <MediaPicker
        open={picking !== null}
        onClose={() => setPicking(null)}
        onSelect={insertImage}
        title={picking === 'gallery' ? 'Choose the gallery’s first image' : 'Insert an image'}
      />
    </div>
  );
}
