'use client';

// Placeholder until the media library branch lands (it replaces this file with the real picker:
// search, upload, alt text). Same contract.
export interface PickedMedia {
  id: number;
  url: string;
  alt: string;
  caption: string;
  credit: string;
  width: number;
  height: number;
}

export function MediaPicker(props: { open: boolean; onSelect: (m: PickedMedia) => void; onClose: () => void; title?: string }) {
  if (!props.open) return null;
  return (
    <div role="dialog" aria-label={props.title ?? 'Choose an image'}>
      <button type="button" onClick={props.onClose}>
        Close
      </button>
    </div>
  );
}
