import type {
  ApiAnswer,
  ArticleLoaded,
  ArticleMoved,
  ArticleSaved,
  ArticlesFound,
  BylinesFound,
  ConflictDetail,
  MediaList,
  MediaSaved,
  PendingDiscarded,
  PendingSaved,
  PresenceAnswer,
  TagMade,
  TagsFound,
} from '@/server/newsroom-api';
import { reasonOfStatus } from '@/lib/newsroom/refusals';

// The browser's one client for the newsroom's JSON API (app/api/admin, made by server/door.ts):
// every call answers `{ ok: true, … }` or a refusal with a reason and a message a person can
// read — a failed connection included — so no caller parses a response or re-declares its shape.

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;


/** One call: JSON in (when `json` is given), the door's answer out. */
export async function callNewsroom<T extends object, R extends object = object>(
  path: string,
  init: RequestInit & { json?: unknown } = {},
  fetchImpl: Fetch = (input, options) => fetch(input, options),
): Promise<ApiAnswer<T, R>> {
  const { json, ...rest } = init;
  let response: Response;
  try {
    response = await fetchImpl(path, {
      cache: 'no-store',
      ...rest,
      headers: { accept: 'application/json', ...(json === undefined ? {} : { 'content-type': 'application/json' }), ...rest.headers },
      body: json === undefined ? rest.body : JSON.stringify(json),
    });
  } catch {
    return { ok: false, reason: 'offline', error: 'The server could not be reached. Check the connection and try again.' };
  }
  const body: unknown = await response.json().catch(() => null);
  if (body && typeof body === 'object' && 'ok' in body && (body.ok === true || 'reason' in body)) return body as ApiAnswer<T, R>;
  // Not the door's answer: something in between (a proxy, a crash, a budget) spoke instead.
  const reason = reasonOfStatus(response.status);
  return { ok: false, reason, error: reason === 'unavailable' ? 'The server is busy or failing. Try again in a moment.' : `The server answered ${response.status}.` };
}

/** The calls, by what they do. `fetchImpl` is for tests. */
export function newsroomClient(fetchImpl?: Fetch) {
  const call = <T extends object, R extends object = object>(path: string, init?: RequestInit & { json?: unknown }) =>
    callNewsroom<T, R>(path, init, fetchImpl);
  const q = (text: string) => encodeURIComponent(text);
  return {
    createArticle: (article: unknown) => call<ArticleSaved, ConflictDetail>('/api/admin/articles', { method: 'POST', json: { article } }),
    saveArticle: (id: number, save: { version: number | null; article: unknown; substantive: boolean }) =>
      call<ArticleSaved, ConflictDetail>(`/api/admin/articles/${id}`, { method: 'PUT', json: save }),
    savePending: (id: number, save: { revision: number | null; baseVersion: number | null; article: unknown }) =>
      call<PendingSaved, ConflictDetail>(`/api/admin/articles/${id}/pending`, { method: 'PUT', json: save }),
    discardPending: (id: number, revision: number) =>
      call<PendingDiscarded>(`/api/admin/articles/${id}/pending`, { method: 'DELETE', json: { revision } }),
    loadArticle: (id: number) => call<ArticleLoaded>(`/api/admin/articles/${id}`),
    moveArticle: (id: number, move: { version: number | null; to: string; scheduledAt?: string | null; review?: unknown; reason?: string }) =>
      call<ArticleMoved, ConflictDetail>(`/api/admin/articles/${id}/workflow`, { method: 'POST', json: move }),
    addNote: (id: number, note: { version: number | null; kind: unknown; text: unknown; reason?: unknown }) =>
      call<ArticleSaved, ConflictDetail>(`/api/admin/articles/${id}/notes`, { method: 'POST', json: note }),
    touchPresence: (id: number) => call<PresenceAnswer>(`/api/admin/articles/${id}/presence`, { method: 'POST' }),
    // Sent as the page goes away: a beacon (or keepalive) outlives the page.
    leavePresence: (id: number) => {
      const path = `/api/admin/articles/${id}/presence/leave`;
      if (!fetchImpl && typeof navigator !== 'undefined' && navigator.sendBeacon?.(path)) return;
      void call<object>(path, { method: 'POST', keepalive: true });
    },
    searchArticles: (text: string, signal?: AbortSignal) => call<ArticlesFound>(`/api/admin/articles/search?q=${q(text)}`, { signal }),
    searchTags: (text: string, signal?: AbortSignal) => call<TagsFound>(`/api/admin/tags?q=${q(text)}`, { signal }),
    createTag: (name: string) => call<TagMade>('/api/admin/tags', { method: 'POST', json: { name } }),
    searchBylines: (text: string, signal?: AbortSignal) => call<BylinesFound>(`/api/admin/bylines?q=${q(text)}`, { signal }),
    listMedia: (text: string, page: number, signal?: AbortSignal) =>
      call<MediaList>(`/api/admin/media?${new URLSearchParams({ q: text, page: String(page) })}`, { signal }),
    saveAltText: (id: number, alt: string) => call<MediaSaved>(`/api/admin/media/${id}`, { method: 'PATCH', json: { alt } }),
  };
}

export const newsroom = newsroomClient();
