import { IslandScript } from '@/components/site/island-script';

// Copies the article's address. Hidden until the copy-link island (islands/copy-link.ts) shows
// it: it needs a clipboard; without JavaScript the share links beside it still work.
export function CopyLinkButton({ path }: { path: string }) {
  return (
    <>
      <button
        type="button"
        hidden
        data-island="copy-link"
        data-path={path}
        className="inline-flex items-center gap-1.5 rounded-full border border-rule px-3 py-1.5 text-sm font-semibold hover:border-ink"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7" />
        </svg>
        Copy link
      </button>
      <span role="status" data-copy-status="" className="text-sm text-muted" />
      <IslandScript name="copy-link" />
    </>
  );
}
