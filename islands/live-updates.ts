import { newUpdatesLabel, updatesAddedLabel } from '@/lib/live/labels';

// "N new updates" on a live story's page, for a reader who keeps it open. Every few seconds while
// the tab is visible it asks for the page itself, as a stranger (no cookies), naming the copy it
// has (If-None-Match): the page cache answers 304 from memory until a post expires the story, so
// an unchanged page costs a few bytes. On a new copy it counts the updates this page does not
// show and offers them; nothing moves until the reader asks, and then the new updates go in at
// the top (below the pinned ones), focus moves to the first and a status line says how many.
// When the new copy says the coverage has ended, it stops asking.
// Markup: components/article/live-coverage.tsx (data-island="live-updates", data-live-list,
// data-live-new with its button, data-live-status, data-live-key-points).

const POLL_MS = 10_000;

for (const section of document.querySelectorAll<HTMLElement>('[data-island="live-updates"]')) {
  const list = section.querySelector<HTMLElement>('[data-live-list]');
  const bar = section.querySelector<HTMLElement>('[data-live-new]');
  const button = section.querySelector<HTMLButtonElement>('[data-live-show]');
  const status = section.querySelector<HTMLElement>('[data-live-status]');
  if (!list || !bar || !button) continue;

  const idsIn = (root: ParentNode) => new Set([...root.querySelectorAll<HTMLElement>('[data-update-id]')].map((el) => el.dataset.updateId));
  const shown = idsIn(list);
  let waiting: HTMLElement[] = [];
  let freshKeyPoints: Element | null = null;
  let etag: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let busy = false;
  let stopped = false;
  let lastAsked = Date.now();

  const say = (text: string) => {
    if (status) status.textContent = text;
  };

  const schedule = () => {
    clearTimeout(timer);
    if (!stopped && document.visibilityState === 'visible') timer = setTimeout(poll, POLL_MS);
  };

  async function poll() {
    if (busy || stopped) return;
    busy = true;
    lastAsked = Date.now();
    try {
      const response = await fetch(window.location.pathname, {
        credentials: 'omit',
        cache: 'no-store',
        headers: etag ? { accept: 'text/html', 'if-none-match': etag } : { accept: 'text/html' },
      });
      if (response.status === 200) {
        etag = response.headers.get('etag');
        take(new DOMParser().parseFromString(await response.text(), 'text/html'));
      }
    } catch {
      // Offline for a moment: the next turn asks again.
    } finally {
      busy = false;
      schedule();
    }
  }

  function take(doc: Document) {
    const incoming = doc.querySelector<HTMLElement>('[data-live-state]');
    if (!incoming || incoming.dataset.liveState !== 'live') {
      stopped = true;
      say('Live coverage has ended. Reload the page for the final version.');
    }
    const fresh = incoming?.querySelector('[data-live-list]');
    if (fresh) {
      const present = new Set([...shown, ...waiting.map((el) => el.dataset.updateId)]);
      const gone = idsIn(fresh);
      // Taken down before the reader brought it in: never offered.
      waiting = waiting.filter((el) => gone.has(el.dataset.updateId));
      for (const item of fresh.querySelectorAll<HTMLElement>('[data-update-id]')) {
        if (!present.has(item.dataset.updateId)) waiting.push(document.importNode(item, true));
      }
    }
    freshKeyPoints = doc.querySelector('[data-live-key-points]');
    if (waiting.length > 0) {
      button!.textContent = newUpdatesLabel(waiting.length);
      bar!.hidden = false;
    }
  }

  button.addEventListener('click', () => {
    if (waiting.length === 0) return;
    // Newest first, pinned ones above the rest, as the server orders them.
    const pinned = waiting.filter((el) => el.dataset.pinned === 'true');
    const rest = waiting.filter((el) => el.dataset.pinned !== 'true');
    const firstUnpinned = [...list.querySelectorAll<HTMLElement>('[data-update-id]')].find((el) => el.dataset.pinned !== 'true') ?? null;
    list.querySelector('[data-live-empty]')?.remove();
    for (const el of pinned) list.insertBefore(el, list.firstChild);
    for (const el of rest) list.insertBefore(el, firstUnpinned);
    const first = pinned[0] ?? rest[0];
    for (const el of waiting) shown.add(el.dataset.updateId);
    const count = waiting.length;
    waiting = [];
    const current = document.querySelector('[data-live-key-points]');
    if (freshKeyPoints && current && current.textContent !== freshKeyPoints.textContent) current.replaceWith(document.importNode(freshKeyPoints, true));
    bar.hidden = true;
    first?.focus();
    say(updatesAddedLabel(count));
  });

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible') return clearTimeout(timer);
    if (Date.now() - lastAsked >= POLL_MS) void poll();
    else schedule();
  });
  schedule();
}
