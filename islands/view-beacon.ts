// Counts one view for Most Popular when the article is actually in front of a reader: not while
// the page is prerendered, not in a background tab until it is shown.
// Markup: components/article/view-beacon.tsx (data-island="view-beacon" data-article-id).
const marker = document.querySelector<HTMLElement>('[data-island="view-beacon"]');
const articleId = Number(marker?.dataset.articleId);
if (Number.isInteger(articleId) && articleId > 0) {
  const doc = document as Document & { prerendering?: boolean };
  let sent = false;
  const send = () => {
    if (sent || doc.prerendering || document.visibilityState !== 'visible') return;
    sent = true;
    document.removeEventListener('visibilitychange', send);
    document.removeEventListener('prerenderingchange', send);
    const body = JSON.stringify({ articleId });
    if (!navigator.sendBeacon?.('/api/views', body)) {
      void fetch('/api/views', { method: 'POST', body, keepalive: true }).catch(() => {});
    }
  };
  document.addEventListener('visibilitychange', send);
  document.addEventListener('prerenderingchange', send);
  send();
}
