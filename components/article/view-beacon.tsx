'use client';

import { useEffect } from 'react';

// Counts one view for Most Popular when the article is actually in front of a reader: not
// while the page is prerendered or prefetched, not in a background tab until it is shown.
export function ViewBeacon({ articleId }: { articleId: number }) {
  useEffect(() => {
    let sent = false;
    const doc = document as Document & { prerendering?: boolean };
    const send = () => {
      if (sent || doc.prerendering || document.visibilityState !== 'visible') return;
      sent = true;
      const body = JSON.stringify({ articleId });
      if (!navigator.sendBeacon?.('/api/views', body)) {
        void fetch('/api/views', { method: 'POST', body, keepalive: true }).catch(() => {});
      }
      cleanup();
    };
    const cleanup = () => {
      document.removeEventListener('visibilitychange', send);
      document.removeEventListener('prerenderingchange', send);
    };
    document.addEventListener('visibilitychange', send);
    document.addEventListener('prerenderingchange', send);
    send();
    return cleanup;
  }, [articleId]);
  return null;
}
