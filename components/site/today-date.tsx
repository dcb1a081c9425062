'use client';

import { useEffect, useState } from 'react';

// The masthead date comes from the cached page. If the page was rendered
// before midnight in the newsroom's zone, correct it in the reader's browser.
export function TodayDate({ label, timeZone }: { label: string; timeZone: string }) {
  const [text, setText] = useState(label);
  useEffect(() => {
    const now = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'long',
      month: 'long',
      day: 'numeric',
      year: 'numeric',
    }).format(new Date());
    if (now !== label) setText(now);
  }, [label, timeZone]);
  return (
    <time data-testid="masthead-date" suppressHydrationWarning>
      {text}
    </time>
  );
}
