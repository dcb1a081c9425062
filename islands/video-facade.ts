import { isPlainClick } from './shared/clicks';

// A video that costs nothing until the reader asks for it: the poster is a link to the
// provider's page (what a reader without JavaScript follows); a plain click swaps in the
// provider's player and moves focus to it.
// Markup: components/article/video-facade.tsx (data-island="video-facade" data-player data-title).
for (const poster of document.querySelectorAll<HTMLAnchorElement>('a[data-island="video-facade"]')) {
  poster.addEventListener('click', (event) => {
    const player = poster.dataset.player;
    if (!player || !isPlainClick(event)) return;
    event.preventDefault();
    const frame = document.createElement('iframe');
    frame.src = player;
    frame.title = poster.dataset.title || 'Video';
    frame.allow = 'autoplay; encrypted-media; picture-in-picture; fullscreen';
    frame.allowFullscreen = true;
    frame.referrerPolicy = 'strict-origin-when-cross-origin';
    frame.className = 'absolute inset-0 h-full w-full border-0';
    poster.replaceWith(frame);
    frame.focus();
  });
}
