import { isNewsFeedVariant, NEWS_FEED_STYLES, type NewsFeedPart } from '@/lib/site/news-feed-styles';
import { isPlainClick } from './shared/clicks';

// "Show More" under a News Feed list. Without JavaScript it is a plain link to the next page.
// With it, the next page (the same cached HTML a click would load) is fetched and its items are
// appended in place: items join their day's group, or bring their day heading along; items
// already on the page are skipped. Focus moves to the first new item, and the link moves on to
// the page after, or goes away at the end.
// Markup: components/article/show-more.tsx (data-island="show-more" data-list, a status line).

// The next page is the News Feed front, whose items are dressed for the front: dressed again as
// the list they join (a rail's are smaller, with no dek, under a lower heading level).
function dressLike(list: HTMLElement, node: HTMLElement): HTMLElement {
  const variant = list.dataset.feedVariant;
  if (!isNewsFeedVariant(variant)) return node;
  const styles = NEWS_FEED_STYLES[variant];
  for (const el of [node, ...node.querySelectorAll<HTMLElement>('[data-feed-part]')]) {
    const part = el.dataset.feedPart;
    if (part === 'dek') {
      if (!styles.showDek) el.remove();
    } else if (part && part in styles) {
      el.className = styles[part as NewsFeedPart];
    }
  }
  const level = list.dataset.headingLevel;
  for (const heading of node.querySelectorAll<HTMLElement>('[data-feed-part="heading"]')) {
    if (!level || heading.tagName === `H${level}`) continue;
    const replacement = document.createElement(`h${level}`);
    for (const attribute of heading.attributes) replacement.setAttribute(attribute.name, attribute.value);
    replacement.textContent = heading.textContent;
    heading.replaceWith(replacement);
  }
  return node;
}

/** Appends the incoming page's items to `list`; returns the items added. */
function append(list: HTMLElement, incoming: Element): HTMLElement[] {
  const present = new Set([...list.querySelectorAll<HTMLElement>('[data-article-id]')].map((el) => el.dataset.articleId));
  const added: HTMLElement[] = [];
  for (const group of incoming.querySelectorAll<HTMLElement>('[data-feed-day]')) {
    const items = [...group.querySelectorAll<HTMLElement>('[data-article-id]')].filter((item) => !present.has(item.dataset.articleId));
    if (items.length === 0) continue;
    const groups = list.querySelectorAll<HTMLElement>('[data-feed-day]');
    const last = groups[groups.length - 1];
    if (last && last.dataset.feedDay === group.dataset.feedDay) {
      const target = last.querySelector('ul, ol');
      for (const item of items) {
        const node = dressLike(list, document.importNode(item, true));
        target?.appendChild(node);
        added.push(node);
      }
    } else {
      for (const item of group.querySelectorAll<HTMLElement>('[data-article-id]')) {
        if (present.has(item.dataset.articleId)) item.remove();
      }
      const node = dressLike(list, document.importNode(group, true));
      list.appendChild(node);
      added.push(...node.querySelectorAll<HTMLElement>('[data-article-id]'));
    }
    for (const item of items) present.add(item.dataset.articleId);
  }
  return added;
}

for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-island="show-more"]')) {
  const status = link.parentElement?.querySelector<HTMLElement>('[data-show-more-status]');
  let busy = false;
  link.addEventListener('click', async (event) => {
    const list = document.getElementById(link.dataset.list ?? '');
    const next = link.getAttribute('href');
    if (!list || !next || !isPlainClick(event)) return;
    event.preventDefault();
    if (busy) return;
    busy = true;
    const label = link.textContent;
    link.setAttribute('aria-busy', 'true');
    link.textContent = 'Loading…';
    try {
      const response = await fetch(next, { headers: { accept: 'text/html' } });
      if (!response.ok) throw new Error(String(response.status));
      const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
      const incoming = doc.querySelector('[data-feed-list]');
      if (!incoming) throw new Error('no list');
      const added = append(list, incoming);
      const following = doc.querySelector('[data-show-more]')?.getAttribute('href') ?? null;
      if (status) status.textContent = added.length === 1 ? '1 more item loaded' : `${added.length} more items loaded`;
      if (following) link.setAttribute('href', following);
      else link.remove();
      const first = added[0]?.querySelector('a');
      if (first) first.focus();
      else if (!following) list.focus();
    } catch {
      // Fall back to what works without JavaScript: go to the page.
      window.location.assign(next);
    } finally {
      busy = false;
      link.removeAttribute('aria-busy');
      link.textContent = label;
    }
  });
}
