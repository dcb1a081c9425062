// The masthead's date comes from a cached page, which says until when its date is true (the next
// midnight in the newsroom's zone). Only past that moment does the reader's browser correct it,
// and it rolls it over every minute while the page stays open; until then nothing runs (building
// a time-zone formatter costs a phone tens of milliseconds). Markup: components/site/today-date.tsx.
for (const time of document.querySelectorAll<HTMLElement>('[data-island="today-date"]')) {
  const correct = () => {
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
  };
  const wait = Number(time.dataset.validUntil) - Date.now();
  if (wait > 0) setTimeout(correct, wait);
  else correct();
}
