// A social post that costs nothing until the reader asks: the page shows the post's text as the
// editor captured it, with a link to the post. This island shows the "Load post" button; only a
// click on it puts the provider's player (an iframe from an origin the page's policy allows) in
// place of the captured text, and moves focus to it.
// Markup: components/article/body-embeds.tsx (data-island="social-embed" data-embed data-height data-title).
for (const card of document.querySelectorAll<HTMLElement>('[data-island="social-embed"]')) {
  const embed = card.dataset.embed;
  const button = card.querySelector<HTMLButtonElement>('button[data-load]');
  if (!embed || !button) continue;
  button.hidden = false;
  const note = card.querySelector<HTMLElement>('[data-load-note]');
  if (note) note.hidden = false;
  button.addEventListener('click', () => {
    const frame = document.createElement('iframe');
    frame.src = embed;
    frame.title = card.dataset.title || 'Social media post';
    frame.height = card.dataset.height || '560';
    frame.loading = 'eager';
    frame.referrerPolicy = 'strict-origin-when-cross-origin';
    // The provider's script runs in its own origin; it may open the post in a new tab, nothing else.
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox');
    frame.className = 'social-post-frame';
    const text = card.querySelector('blockquote');
    if (text) text.replaceWith(frame);
    else card.prepend(frame);
    button.remove();
    note?.remove();
    card.dataset.loaded = '';
    frame.focus();
  });
}
