import { isPlainClick } from './shared/clicks';

// Images that open larger: each is a link to the full-size file (what a reader without
// JavaScript follows). A plain click opens it in a modal <dialog> instead, with the caption and a
// Close button; Escape, the button or a click on the backdrop closes it, and focus goes back to
// the link that opened it.
// Markup: components/article/lightbox-link.tsx (a[data-island="lightbox"] data-alt data-caption).
let dialog: HTMLDialogElement | null = null;
let opener: HTMLElement | null = null;

function build(): HTMLDialogElement {
  const el = document.createElement('dialog');
  el.className = 'lightbox';
  el.setAttribute('aria-label', 'Image');
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'lightbox-close';
  close.textContent = 'Close';
  close.addEventListener('click', () => el.close());
  const figure = document.createElement('figure');
  const img = document.createElement('img');
  const caption = document.createElement('figcaption');
  figure.append(img, caption);
  el.append(close, figure);
  // A click on the backdrop lands on the dialog itself, outside its content.
  el.addEventListener('click', (event) => {
    if (event.target === el) el.close();
  });
  el.addEventListener('close', () => {
    img.removeAttribute('src');
    opener?.focus();
    opener = null;
  });
  document.body.append(el);
  return el;
}

for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-island="lightbox"]')) {
  link.addEventListener('click', (event) => {
    if (!isPlainClick(event) || typeof HTMLDialogElement !== 'function') return;
    event.preventDefault();
    dialog ??= build();
    const img = dialog.querySelector('img')!;
    const caption = dialog.querySelector('figcaption')!;
    img.src = link.href;
    img.alt = link.dataset.alt ?? '';
    caption.textContent = link.dataset.caption ?? '';
    caption.hidden = !link.dataset.caption;
    dialog.setAttribute('aria-label', link.dataset.alt || link.dataset.caption || 'Image');
    opener = link;
    dialog.showModal();
    dialog.querySelector<HTMLButtonElement>('.lightbox-close')!.focus();
  });
}
