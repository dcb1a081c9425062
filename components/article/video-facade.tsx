import { IslandScript } from '@/components/site/island-script';
import { playVideoName, videoTitle } from '@/lib/body/video-name';

type Provider = 'youtube' | 'vimeo';

const PROVIDERS: Record<Provider, { name: string; watch: string; embed: string }> = {
  youtube: {
    name: 'YouTube',
    watch: 'https://www.youtube.com/watch?v=',
    embed: 'https://www.youtube-nocookie.com/embed/',
  },
  vimeo: { name: 'Vimeo', watch: 'https://vimeo.com/', embed: 'https://player.vimeo.com/video/' },
};

const BOX = 'video-facade relative aspect-video w-full overflow-hidden border border-rule bg-panel text-ink';

// A video that costs nothing until the reader asks for it: no request to the provider before
// the click, so no thumbnail from the provider either. The body holds no picture of its own for a
// video, so the poster is drawn here: the site's panel with a film-strip edge, the play button, the
// title and where it plays. Without JavaScript the poster is a plain link to the provider's page;
// with it, the video-facade island (islands/video-facade.ts) swaps in the player on a click.
export function VideoFacade({ provider, videoId, title }: { provider: Provider; videoId: string; title?: string }) {
  const { name, watch, embed } = PROVIDERS[provider];
  const id = encodeURIComponent(videoId);
  const shown = videoTitle(title);
  return (
    <div className={BOX}>
      <a
        href={`${watch}${id}`}
        data-island="video-facade"
        data-player={`${embed}${id}?autoplay=1`}
        data-title={shown || 'Video'}
        aria-label={playVideoName(title)}
        className="group absolute inset-0 flex flex-col items-center justify-center gap-3 p-4 text-center text-ink no-underline"
      >
        <span aria-hidden="true" className="video-facade-strip absolute inset-x-0 top-0 h-3" />
        <span aria-hidden="true" className="video-facade-strip absolute inset-x-0 bottom-0 h-3" />
        <svg aria-hidden="true" focusable="false" viewBox="0 0 68 48" className="h-12 w-16 sm:h-16 sm:w-24">
          <rect width="68" height="48" rx="12" className="fill-red-600 group-hover:fill-red-500" />
          <path d="M27 14v20l18-10z" fill="#fff" />
        </svg>
        {shown ? <span className="max-w-prose font-serif text-lg leading-snug font-semibold sm:text-xl">{shown}</span> : null}
        <span className="text-sm text-muted group-hover:underline">Watch on {name}</span>
      </a>
      <IslandScript name="video-facade" />
    </div>
  );
}
