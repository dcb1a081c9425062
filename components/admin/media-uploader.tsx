'use client';

import { useId, useRef, useState } from 'react';
import type { MediaApiItem } from '@/server/newsroom-api';
import { uploadMediaFile } from './media-api';

// Drop zone + file picker for the media library and the picker dialog. Each file goes up in
// its own request (XMLHttpRequest, for progress), two at a time; each row says how it went.
// The server decides what is accepted; the size check here only saves a pointless upload.

const ACCEPT = 'image/jpeg,image/png,image/webp,image/avif,image/gif,.jpg,.jpeg,.png,.webp,.avif,.gif';
const PARALLEL = 2;

interface QueuedFile {
  key: string;
  name: string;
  progress: number;
  state: 'waiting' | 'uploading' | 'done' | 'error';
  message: string;
  item?: MediaApiItem;
  duplicate?: boolean;
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

export function MediaUploader({
  maxBytes,
  onUploaded,
  onBatchDone,
  renderDone,
  compact = false,
}: {
  maxBytes: number;
  onUploaded?: (item: MediaApiItem, duplicate: boolean) => void;
  onBatchDone?: () => void;
  // What a finished row offers (a link to the item's page, a "Use" button in the picker).
  renderDone?: (item: MediaApiItem) => React.ReactNode;
  compact?: boolean;
}) {
  const inputId = useId();
  const hintId = useId();
  const [queue, setQueue] = useState<QueuedFile[]>([]);
  const [dragging, setDragging] = useState(false);
  const counter = useRef(0);

  const patch = (key: string, change: Partial<QueuedFile>) =>
    setQueue((current) => current.map((f) => (f.key === key ? { ...f, ...change } : f)));

  async function start(files: File[]) {
    if (files.length === 0) return;
    const batch = files.map((file) => {
      counter.current += 1;
      return { file, key: `${counter.current}-${file.name}` };
    });
    setQueue((current) => [
      ...batch.map(({ file, key }) => ({ key, name: file.name, progress: 0, state: 'waiting' as const, message: 'Waiting…' })),
      ...current,
    ]);
    let next = 0;
    const worker = async () => {
      while (next < batch.length) {
        const { file, key } = batch[next++]!;
        if (file.size > maxBytes) {
          patch(key, { state: 'error', message: `Not uploaded: the file is larger than the ${megabytes(maxBytes)} limit.` });
          continue;
        }
        patch(key, { state: 'uploading', message: 'Uploading…' });
        const result = await uploadMediaFile(file, (progress) => patch(key, { progress }));
        if (result.ok) {
          patch(key, {
            state: 'done',
            progress: 1,
            item: result.item,
            duplicate: result.duplicate,
            message: result.duplicate ? 'Already in the library: nothing new was stored.' : result.item.alt ? 'Uploaded.' : 'Uploaded. It needs alt text before it goes into an article.',
          });
          onUploaded?.(result.item, result.duplicate);
        } else {
          patch(key, { state: 'error', message: `Not uploaded: ${result.error}` });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, batch.length) }, worker));
    onBatchDone?.();
  }

  return (
    <div className="space-y-3">
      <div
        onDragEnter={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
        }}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void start(Array.from(e.dataTransfer.files));
        }}
        data-testid="media-drop-zone"
        className={`flex flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed text-center transition-colors ${
          compact ? 'px-4 py-4' : 'px-6 py-10'
        } ${dragging ? 'border-ink bg-panel' : 'border-rule bg-paper'}`}
      >
        <p className="font-semibold">{dragging ? 'Drop to upload' : 'Drag images here'}</p>
        <p className="text-sm text-muted">or</p>
        <label
          htmlFor={inputId}
          className="cursor-pointer rounded-md bg-ink px-4 py-2 text-sm font-semibold text-paper hover:bg-ink/85 focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-accent"
        >
          Choose images
          <input
            id={inputId}
            type="file"
            multiple
            accept={ACCEPT}
            aria-describedby={hintId}
            className="sr-only"
            onChange={(e) => {
              const files = Array.from(e.currentTarget.files ?? []);
              e.currentTarget.value = '';
              void start(files);
            }}
          />
        </label>
        <p id={hintId} className="text-xs text-muted">
          JPEG, PNG, WebP, AVIF or GIF, up to {megabytes(maxBytes)} each. Location data is removed.
        </p>
      </div>

      <ul aria-live="polite" aria-label="Uploads" className="space-y-2 empty:hidden">
        {queue.map((f) => (
          <li
            key={f.key}
            data-testid="upload-row"
            className={`rounded-md border px-3 py-2 text-sm ${f.state === 'error' ? 'border-accent/50 bg-accent/5' : 'border-rule bg-paper'}`}
          >
            <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
              <span className="min-w-0 truncate font-medium">{f.name}</span>
              {f.state === 'done' && f.item && renderDone ? renderDone(f.item) : null}
            </div>
            {f.state === 'uploading' || f.state === 'waiting' ? (
              <progress
                value={f.state === 'waiting' ? 0 : f.progress}
                max={1}
                aria-label={`Upload of ${f.name}`}
                className="mt-1.5 h-2 w-full overflow-hidden rounded accent-ink"
              />
            ) : null}
            <p className={`mt-1 ${f.state === 'error' ? 'font-medium text-accent' : 'text-muted'}`}>
              {f.message}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
