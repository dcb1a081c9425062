'use client';

import { NodeViewWrapper, type NodeViewProps } from '@tiptap/react';
import { useId, useState, type ReactNode } from 'react';
import { MediaPicker, type PickedMedia } from '@/components/admin/media-picker';
import { GALLERY_MAX, GALLERY_MIN, SOCIAL_PROVIDER_NAMES, TABLE_MAX_COLUMNS, TABLE_MAX_ROWS } from '@/lib/body/embeds';
import type { SocialProvider } from '@/lib/body/types';

// How the body's embeds look in the editor: a card per node with its own fields. Inputs here are
// not part of the document's text, so they stop ProseMirror's key events.

const small =
  'block w-full rounded border border-rule bg-paper px-2 py-1 text-sm font-normal text-ink focus:border-ink focus:outline-none';
const linkButton = 'text-sm font-semibold text-accent underline disabled:opacity-40';

function Card({ label, testId, selected, onRemove, children }: { label: string; testId: string; selected: boolean; onRemove: () => void; children: ReactNode }) {
  return (
    <NodeViewWrapper data-testid={testId} className={`my-6 rounded-lg border p-3 font-sans ${selected ? 'border-ink' : 'border-rule'}`}>
      <p className="mb-2 text-xs font-bold tracking-wide text-muted uppercase" data-drag-handle>
        {label}
      </p>
      <div contentEditable={false} onKeyDown={(e) => e.stopPropagation()} className="grid gap-2">
        {children}
      </div>
      <button type="button" contentEditable={false} onClick={onRemove} className={`mt-2 ${linkButton}`}>
        Remove {label.toLowerCase()}
      </button>
    </NodeViewWrapper>
  );
}

function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <label className="text-xs font-semibold" htmlFor={id}>
      {label}
      {children(id)}
    </label>
  );
}

function Warning({ show, children }: { show: boolean; children: ReactNode }) {
  return show ? <p className="text-sm font-medium text-accent">{children}</p> : null;
}

export function SocialPostNodeView({ node, updateAttributes, deleteNode, selected }: NodeViewProps) {
  const a = node.attrs as { provider: SocialProvider; url: string; authorName: string; handle: string; text: string; postedAt: string };
  const name = SOCIAL_PROVIDER_NAMES[a.provider] ?? a.provider;
  return (
    <Card label={`${name} post`} testId="editor-social-post" selected={selected} onRemove={deleteNode}>
      <p className="text-sm break-all">
        <a href={a.url} target="_blank" rel="noopener noreferrer" className="underline">
          {a.url}
        </a>
      </p>
      <p className="text-xs text-muted">
        Readers see what you type here until they choose to load the post from {name}. Copy it from the post exactly.
      </p>
      <Field label="Post text">
        {(id) => <textarea id={id} rows={4} className={small} value={a.text} onChange={(e) => updateAttributes({ text: e.target.value })} />}
      </Field>
      <div className="grid gap-2 sm:grid-cols-3">
        <Field label="Author">
          {(id) => <input id={id} className={small} value={a.authorName} onChange={(e) => updateAttributes({ authorName: e.target.value })} />}
        </Field>
        <Field label="Handle">
          {(id) => <input id={id} className={small} value={a.handle ?? ''} onChange={(e) => updateAttributes({ handle: e.target.value })} />}
        </Field>
        <Field label="Posted on">
          {(id) => <input id={id} type="date" className={small} value={a.postedAt ?? ''} onChange={(e) => updateAttributes({ postedAt: e.target.value })} />}
        </Field>
      </div>
      <Warning show={!a.text.trim() || !a.authorName.trim()}>Paste the post’s text and its author: the page shows them, not the provider.</Warning>
    </Card>
  );
}

interface GalleryItem {
  mediaId: number;
  caption?: string;
  credit?: string;
  // Display only: the server keeps the id.
  src?: string;
  alt?: string;
}

export function GalleryNodeView({ node, updateAttributes, deleteNode, selected }: NodeViewProps) {
  const items = (node.attrs.items ?? []) as GalleryItem[];
  const [picking, setPicking] = useState(false);
  const set = (next: GalleryItem[]) => updateAttributes({ items: next });
  const change = (index: number, patch: Partial<GalleryItem>) => set(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  const move = (index: number, by: number) => {
    const next = [...items];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    set(next);
  };
  const add = (m: PickedMedia) => {
    setPicking(false);
    set([...items, { mediaId: m.id, caption: m.caption, credit: m.credit, src: m.url, alt: m.alt }]);
  };
  return (
    <Card label="Gallery" testId="editor-gallery" selected={selected} onRemove={deleteNode}>
      <ol className="grid gap-3">
        {items.map((item, index) => (
          <li key={`${item.mediaId}-${index}`} className="flex flex-wrap items-start gap-3 border-b border-rule pb-3">
            {item.src ? (
              // eslint-disable-next-line @next/next/no-img-element -- a library preview inside the editor
              <img src={item.src} alt={item.alt ?? ''} className="h-16 w-24 rounded object-cover" />
            ) : (
              <span className="grid h-16 w-24 place-items-center rounded bg-panel text-xs text-muted">#{item.mediaId}</span>
            )}
            <div className="grid min-w-48 flex-1 gap-2 sm:grid-cols-2">
              <Field label={`Caption ${index + 1}`}>
                {(id) => <input id={id} className={small} value={item.caption ?? ''} onChange={(e) => change(index, { caption: e.target.value })} />}
              </Field>
              <Field label={`Credit ${index + 1}`}>
                {(id) => <input id={id} className={small} value={item.credit ?? ''} onChange={(e) => change(index, { credit: e.target.value })} />}
              </Field>
            </div>
            <div className="flex gap-2">
              <button type="button" className={linkButton} disabled={index === 0} onClick={() => move(index, -1)} aria-label={`Move image ${index + 1} up`}>
                ↑
              </button>
              <button type="button" className={linkButton} disabled={index === items.length - 1} onClick={() => move(index, 1)} aria-label={`Move image ${index + 1} down`}>
                ↓
              </button>
              <button type="button" className={linkButton} onClick={() => set(items.filter((_, i) => i !== index))} aria-label={`Remove image ${index + 1}`}>
                Remove
              </button>
            </div>
          </li>
        ))}
      </ol>
      <p>
        <button type="button" className={linkButton} disabled={items.length >= GALLERY_MAX} onClick={() => setPicking(true)}>
          Add an image to the gallery
        </button>
      </p>
      <Warning show={items.length < GALLERY_MIN}>A gallery needs at least {GALLERY_MIN} images.</Warning>
      <MediaPicker open={picking} onClose={() => setPicking(false)} onSelect={add} title="Add an image to the gallery" />
    </Card>
  );
}

export function TableNodeView({ node, updateAttributes, deleteNode, selected }: NodeViewProps) {
  const rows = (node.attrs.rows ?? [['']]) as string[][];
  const headerRow = node.attrs.headerRow === true;
  const columns = rows[0]?.length ?? 1;
  const setCell = (r: number, c: number, value: string) =>
    updateAttributes({ rows: rows.map((row, ri) => (ri === r ? row.map((cell, ci) => (ci === c ? value : cell)) : row)) });
  return (
    <Card label="Table" testId="editor-table" selected={selected} onRemove={deleteNode}>
      <Field label="Caption (what the table shows)">
        {(id) => <input id={id} className={small} value={node.attrs.caption ?? ''} onChange={(e) => updateAttributes({ caption: e.target.value })} />}
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={headerRow} onChange={(e) => updateAttributes({ headerRow: e.target.checked })} />
        The first row holds the column headings
      </label>
      <div className="overflow-x-auto">
        <table className="border-collapse">
          <tbody>
            {rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <td key={c} className="p-0.5">
                    <input
                      aria-label={`Row ${r + 1}, column ${c + 1}`}
                      className={`${small} min-w-24 ${headerRow && r === 0 ? 'font-bold' : ''}`}
                      value={cell}
                      onChange={(e) => setCell(r, c, e.target.value)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="flex flex-wrap gap-3">
        <button type="button" className={linkButton} disabled={rows.length >= TABLE_MAX_ROWS} onClick={() => updateAttributes({ rows: [...rows, Array(columns).fill('')] })}>
          Add row
        </button>
        <button type="button" className={linkButton} disabled={rows.length <= 1} onClick={() => updateAttributes({ rows: rows.slice(0, -1) })}>
          Remove last row
        </button>
        <button type="button" className={linkButton} disabled={columns >= TABLE_MAX_COLUMNS} onClick={() => updateAttributes({ rows: rows.map((row) => [...row, '']) })}>
          Add column
        </button>
        <button type="button" className={linkButton} disabled={columns <= 1} onClick={() => updateAttributes({ rows: rows.map((row) => row.slice(0, -1)) })}>
          Remove last column
        </button>
      </p>
    </Card>
  );
}

function numberOrNull(value: string): number | null {
  const n = Number(value);
  return value.trim() !== '' && Number.isFinite(n) && n > 0 ? n : null;
}

export function DocumentNodeView({ node, updateAttributes, deleteNode, selected }: NodeViewProps) {
  const a = node.attrs as { url: string; title: string; description: string; size: number | null; pages: number | null };
  const mb = a.size ? String(Math.round((a.size / (1024 * 1024)) * 10) / 10) : '';
  return (
    <Card label="Document" testId="editor-document" selected={selected} onRemove={deleteNode}>
      <p className="text-sm break-all">{a.url}</p>
      <Field label="Title">{(id) => <input id={id} className={small} value={a.title} onChange={(e) => updateAttributes({ title: e.target.value })} />}</Field>
      <Field label="Description">
        {(id) => <input id={id} className={small} value={a.description ?? ''} onChange={(e) => updateAttributes({ description: e.target.value })} />}
      </Field>
      <div className="grid gap-2 sm:grid-cols-2">
        <Field label="Size in MB (optional)">
          {(id) => (
            <input
              id={id}
              inputMode="decimal"
              className={small}
              defaultValue={mb}
              onChange={(e) => {
                const value = numberOrNull(e.target.value);
                updateAttributes({ size: value === null ? null : Math.round(value * 1024 * 1024) });
              }}
            />
          )}
        </Field>
        <Field label="Pages (optional)">
          {(id) => (
            <input id={id} inputMode="numeric" className={small} value={a.pages ?? ''} onChange={(e) => updateAttributes({ pages: numberOrNull(e.target.value) && Math.round(Number(e.target.value)) })} />
          )}
        </Field>
      </div>
      <Warning show={!a.title.trim()}>Give the document a title.</Warning>
    </Card>
  );
}

function parseLength(value: string): number | null {
  const match = /^(?:(\d+):)?(\d{1,3}):(\d{2})$/.exec(value.trim());
  if (!match) return null;
  return Number(match[1] ?? 0) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

function showLength(seconds: number | null): string {
  if (!seconds) return '';
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export function AudioNodeView({ node, updateAttributes, deleteNode, selected }: NodeViewProps) {
  const a = node.attrs as { src: string; title: string; duration: number | null };
  return (
    <Card label="Audio" testId="editor-audio" selected={selected} onRemove={deleteNode}>
      <p className="text-sm break-all">{a.src}</p>
      <div className="grid gap-2 sm:grid-cols-3">
        <div className="sm:col-span-2">
          <Field label="Title">{(id) => <input id={id} className={small} value={a.title} onChange={(e) => updateAttributes({ title: e.target.value })} />}</Field>
        </div>
        <Field label="Length (m:ss, optional)">
          {(id) => <input id={id} className={small} defaultValue={showLength(a.duration)} onChange={(e) => updateAttributes({ duration: parseLength(e.target.value) })} />}
        </Field>
      </div>
      <Warning show={!a.title.trim()}>Give the audio a title.</Warning>
    </Card>
  );
}
