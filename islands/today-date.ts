// The masthead's date comes from a cached page. If that page was rendered before midnight in the
// newsroom's zone, the reader's browser corrects it, and rolls it over while the page stays open.
// Markup: components/site/masthead.tsx (<time data-island="today-date" data-time-zone>).
for (const time of document.querySelectorAll<HTMLElement>('[data-island="today-date"]')) {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: time.dataset.timeZone,
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    year: 'numeric',
  });
  const update = () => {
    const text = format.format(new Date());
    if (time.textContent !== text) time.textContent = text;
  };
  update();
  setInterval(update, 60_000);
}
