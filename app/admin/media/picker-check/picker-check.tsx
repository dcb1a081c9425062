'use client';

import { useState } from 'react';
import { MediaPicker, type PickedMedia } from '@/components/admin/media-picker';

export function PickerCheck() {
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<PickedMedia | null>(null);
  return (
    <div className="space-y-4">
      <h1 className="font-serif text-3xl font-bold">Image picker check</h1>
      <button type="button" onClick={() => setOpen(true)} className="rounded-md bg-ink px-4 py-2 text-sm font-semibold text-paper">
        Choose an image
      </button>
      <output data-testid="picked" className="block font-mono text-sm">
        {picked ? JSON.stringify(picked) : 'nothing picked'}
      </output>
      <MediaPicker
        open={open}
        onClose={() => setOpen(false)}
        onSelect={(m) => {
          setPicked(m);
          setOpen(false);
        }}
      />
    </div>
  );
}
