'use client';

import { useSyncExternalStore } from 'react';

const subscribe = (onChange: () => void) => {
  // Re-check every minute so a page left open over midnight rolls over too.
  const timer = setInterval(onChange, 60_000);
  return () => clearInterval(timer);
};

// The masthead date comes from the cached page. If that page was rendered
// before midnight in the newsroom's zone, the reader's browser corrects it.
export function TodayDate({ label, timeZone }: { label: string; timeZone: string }) {
  const text = useSyncExternalStore(
    subscribe,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        weekday: 'long',
        month: 'long',
        day: 'numeric',
        year: 'numeric',
      }).format(new Date()),
    () => label,
  );
  return <time data-testid="masthead-date">{text}</time>;
}
