'use client';

import { useId } from 'react';
import { decideCropBox, type CropRatio } from '@/lib/media/crop';

// The focal point picker: click the picture, or focus it and use the arrow keys (Shift for
// bigger steps), and the marker moves; the three crops the site cuts (16:9, 4:3, 1:1) follow
// live. Drawn in SVG so nothing needs an inline style (the newsroom's CSP refuses those) and
// the previews use the same crop arithmetic as the server (lib/media/crop.ts).

const PREVIEWS: { ratio: CropRatio; label: string }[] = [
  { ratio: '16x9', label: '16:9' },
  { ratio: '4x3', label: '4:3' },
  { ratio: '1x1', label: '1:1' },
];

const clamp = (v: number) => Math.min(1, Math.max(0, Math.round(v * 1000) / 1000));
const percent = (v: number) => `${Math.round(v * 100)}%`;

export function FocalPointPicker({
  src,
  width,
  height,
  x,
  y,
  onChange,
  disabled = false,
}: {
  src: string;
  width: number;
  height: number;
  x: number;
  y: number;
  onChange: (x: number, y: number) => void;
  disabled?: boolean;
}) {
  const helpId = useId();
  const r = Math.max(4, Math.min(width, height) * 0.035);
  const position = `${percent(x)} across, ${percent(y)} down`;

  function move(event: React.KeyboardEvent) {
    const step = event.shiftKey ? 0.1 : 0.02;
    const delta: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const d = delta[event.key];
    if (!d) return;
    event.preventDefault();
    onChange(clamp(x + d[0]), clamp(y + d[1]));
  }

  return (
    <div className="space-y-4">
      <button
        type="button"
        disabled={disabled}
        aria-describedby={helpId}
        aria-label={`Focal point: ${position}`}
        data-testid="focal-point"
        onKeyDown={move}
        onClick={(event) => {
          // A keyboard "click" (Enter/Space) has no position.
          if (event.detail === 0) return;
          const box = event.currentTarget.getBoundingClientRect();
          onChange(clamp((event.clientX - box.left) / box.width), clamp((event.clientY - box.top) / box.height));
        }}
        className="block w-full cursor-crosshair overflow-hidden rounded-md border border-rule bg-panel focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:cursor-default"
      >
        <svg viewBox={`0 0 ${width} ${height}`} className="block h-auto w-full" aria-hidden="true">
          <image href={src} x={0} y={0} width={width} height={height} />
          <g>
            <line x1={x * width} y1={0} x2={x * width} y2={height} stroke="white" strokeOpacity={0.7} strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
            <line x1={0} y1={y * height} x2={width} y2={y * height} stroke="white" strokeOpacity={0.7} strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
            <circle cx={x * width} cy={y * height} r={r} fill="none" stroke="black" strokeWidth={5} vectorEffect="non-scaling-stroke" />
            <circle cx={x * width} cy={y * height} r={r} fill="none" stroke="white" strokeWidth={2.5} vectorEffect="non-scaling-stroke" />
          </g>
        </svg>
      </button>
      <p id={helpId} className="text-sm text-muted">
        <span className="font-semibold text-ink" data-testid="focal-position">
          {position}
        </span>
        . Click the most important part of the picture, or focus it and use the arrow keys (Shift moves further). The crops keep
        this point in view.
      </p>
      <div className="grid grid-cols-3 items-start gap-3">
        {PREVIEWS.map(({ ratio, label }) => {
          const box = decideCropBox(width, height, ratio, x, y);
          return (
            <figure key={ratio} className="space-y-1">
              <svg
                viewBox={`${box.left} ${box.top} ${box.width} ${box.height}`}
                className="block h-auto w-full rounded border border-rule bg-panel"
                role="img"
                aria-label={`${label} crop preview`}
                data-testid={`crop-${ratio}`}
                data-viewbox={`${box.left} ${box.top} ${box.width} ${box.height}`}
              >
                <image href={src} x={0} y={0} width={width} height={height} />
              </svg>
              <figcaption className="text-center text-xs text-muted">{label}</figcaption>
            </figure>
          );
        })}
      </div>
    </div>
  );
}
