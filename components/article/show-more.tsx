'use client';

import { useRef, useState, type MouseEvent } from 'react';
import { isNewsFeedVariant, NEWS_FEED_STYLES, type NewsFeedPart } from './news-feed-styles';

// The next page is the News Feed front, whose items are dressed for the front: dressed again as
// the list they join (a rail's are smaller, with no dek, under a lower heading level).
function dressLike(list: HTMLElement, node: HTMLElement): HTMLElement {
  const variant = list.dataset.feedVariant;
  if (!isNewsFeedVariant(variant)) return node;
  const styles = NEWS_FEED_STYLES[variant];
  const parts = [node, ...Array.from(node.querySelectorAll<HTMLElement>('[data-feed-part]'))];
  for (const el of parts) {
    const part = el.dataset.feedPart;
    if (part === 'dek') {
      if (!styles.showDek) el.remove();
    } else if (part && part in styles) {
      el.className = styles[part as NewsFeedPart];
    }
  }
  const level = list.dataset.headingLevel;
  for (const heading of Array.from(node.querySelectorAll<HTMLElement>('[data-feed-part="heading"]'))) {
    if (!level || heading.tagName === `H${level}`) continue;
    const replacement = document.createElement(`h${level}`);
    for (const attribute of Array.from(heading.attributes)) replacement.setAttribute(attribute.name, attribute.value);
    replacement.textContent = heading.textContent;
    heading.replaceWith(replacement);
  }
  return node;
}

// "Show More" under a News Feed list. Without JavaScript it is a plain link to the next page.
// With it, the next page (the same cached HTML a click would load) is fetched and its items are
// appended in place: items join their day's group, or bring their day heading along; items
// already on the page are skipped. Focus moves to the first new item, and the link moves on to
// the page after, or goes away at the end.
export function ShowMore({ href, listId, className }: { href: string; listId: string; className?: string }) {
  const [next, setNext] = useState<string | null>(href);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const link = useRef<HTMLAnchorElement>(null);

  async function load(event: MouseEvent<HTMLAnchorElement>) {
    if (!next || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const list = document.getElementById(listId);
    if (!list) return;
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const response = await fetch(next, { headers: { accept: 'text/html' } });
      if (!response.ok) throw new Error(String(response.status));
      const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
      const incoming = doc.querySelector('[data-feed-list]');
      if (!incoming) throw new Error('no list');
      const present = new Set(
        Array.from(list.querySelectorAll<HTMLElement>('[data-article-id]')).map((el) => el.dataset.articleId),
      );
      const added: HTMLElement[] = [];
      for (const group of Array.from(incoming.querySelectorAll<HTMLElement>('[data-feed-day]'))) {
        const items = Array.from(group.querySelectorAll<HTMLElement>('[data-article-id]')).filter(
          (item) => !present.has(item.dataset.articleId),
        );
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
          for (const item of Array.from(group.querySelectorAll<HTMLElement>('[data-article-id]'))) {
            if (present.has(item.dataset.articleId)) item.remove();
          }
          const node = dressLike(list, document.importNode(group, true));
          list.appendChild(node);
          added.push(...Array.from(node.querySelectorAll<HTMLElement>('[data-article-id]')));
        }
        for (const item of items) present.add(item.dataset.articleId);
      }
      const following = doc.querySelector<HTMLAnchorElement>('[data-show-more]')?.getAttribute('href') ?? null;
      setNext(following);
      setMessage(added.length === 1 ? '1 more item loaded' : `${added.length} more items loaded`);
      const first = added[0]?.querySelector('a');
      if (first) first.focus();
      else if (!following) list.focus();
    } catch {
      // Fall back to what works without JavaScript: go to the page.
      window.location.assign(next);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {next ? (
        <a
          ref={link}
          href={next}
          onClick={load}
          data-show-more=""
          aria-busy={busy || undefined}
          className={
            className ??
            'mt-3 block border border-ink py-2 text-center text-sm font-bold hover:bg-ink hover:text-paper'
          }
        >
          {busy ? 'Loading…' : 'Show More'}
        </a>
      ) : null}
      <p role="status" className="sr-only">
        {message}
      </p>
    </>
  );
}
