// The islands reader pages may load (islands/<name>.ts, one file each, built by
// scripts/build-islands.mjs). A component that needs one renders <IslandScript name=…>
// (components/site/island-script.tsx) beside the markup the island enhances; a page loads only
// the islands its components rendered. Each island finds its elements by `data-island="<name>"`.
export const ISLANDS = [
  'today-date',
  'breaking',
  'video-facade',
  'show-more',
  'copy-link',
  'view-beacon',
  'live-updates',
  'social-embed',
  'gallery',
  'lightbox',
] as const;

export type IslandName = (typeof ISLANDS)[number];

interface Built {
  src: string;
  bytes: number;
  gzipBytes: number;
}

// next.config.ts hands the build's manifest to the pages (public/islands/manifest.json).
function builtIslands(): Partial<Record<IslandName, Built>> {
  try {
    return JSON.parse(process.env.GAZETTE_ISLANDS || '{}') as Partial<Record<IslandName, Built>>;
  } catch {
    return {};
  }
}

const built = builtIslands();

/** The island's address, with the content hash the build gave it. */
export function islandSrc(name: IslandName): string {
  return built[name]?.src ?? `/islands/${name}.js`;
}
