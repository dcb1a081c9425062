// A photo gallery is a list of figures that reads top to bottom without JavaScript. This island
// turns it into a slideshow: one photo at a time, previous and next buttons, the arrow keys while
// focus is in the gallery, and a "3 of 8" status read out when the photo changes.
// Markup: components/article/body-embeds.tsx (section[data-island="gallery"] > ul > li).
function button(label: string, text: string): HTMLButtonElement {
  const el = document.createElement('button');
  el.type = 'button';
  el.className = 'gallery-button';
  el.setAttribute('aria-label', label);
  el.textContent = text;
  return el;
}

for (const gallery of document.querySelectorAll<HTMLElement>('section[data-island="gallery"]')) {
  const slides = [...gallery.querySelectorAll<HTMLLIElement>('.gallery-slide')];
  if (slides.length < 2 || gallery.dataset.ready !== undefined) continue;
  gallery.dataset.ready = '';
  gallery.classList.add('is-slideshow');
  gallery.setAttribute('aria-roledescription', 'slideshow');

  const controls = document.createElement('div');
  controls.className = 'gallery-controls';
  const previous = button('Previous photo', '←');
  const next = button('Next photo', '→');
  const status = document.createElement('p');
  status.className = 'gallery-status';
  status.setAttribute('aria-live', 'polite');
  status.setAttribute('aria-atomic', 'true');
  controls.append(previous, status, next);
  gallery.append(controls);

  let current = 0;
  const show = (index: number) => {
    current = (index + slides.length) % slides.length;
    slides.forEach((slide, i) => {
      slide.hidden = i !== current;
    });
    status.textContent = `${current + 1} of ${slides.length}`;
  };
  previous.addEventListener('click', () => show(current - 1));
  next.addEventListener('click', () => show(current + 1));
  gallery.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowLeft') show(current - 1);
    else if (event.key === 'ArrowRight') show(current + 1);
    else return;
    event.preventDefault();
  });
  show(0);
}
