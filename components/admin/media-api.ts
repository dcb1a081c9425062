// The browser's side of /api/admin/media: the JSON shapes the route answers with, and the
// calls the library page and the picker make. No server imports: this runs in the browser.

export interface MediaApiItem {
  id: number;
  // A ~400 px wide variant, through the image optimizer.
  url: string;
  thumbnailUrl: string;
  originalUrl: string;
  originalName: string;
  alt: string;
  caption: string;
  credit: string;
  width: number;
  height: number;
  rightsExpired: boolean;
}

export interface MediaListResponse {
  items: MediaApiItem[];
  total: number;
  page: number;
  pageCount: number;
  // The server's upload limit, so the uploader can refuse an oversized file before sending it.
  maxUploadBytes: number;
}

export type UploadFileResult =
  | { name: string; ok: true; duplicate: boolean; item: MediaApiItem }
  | { name: string; ok: false; error: string };

export interface UploadResponse {
  results: UploadFileResult[];
  error?: string;
}

export const MEDIA_API = '/api/admin/media';

async function errorMessage(response: Response, fallback: string): Promise<string> {
  try {
    const body = (await response.json()) as { error?: unknown };
    if (typeof body.error === 'string' && body.error) return body.error;
  } catch {
    // Not JSON (a proxy's error page): say what we know.
  }
  return fallback;
}

export async function fetchMediaList(q: string, page = 1, signal?: AbortSignal): Promise<MediaListResponse> {
  const params = new URLSearchParams({ page: String(page) });
  if (q.trim()) params.set('q', q.trim());
  const response = await fetch(`${MEDIA_API}?${params}`, { signal, cache: 'no-store', headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(await errorMessage(response, 'The library could not be loaded.'));
  return (await response.json()) as MediaListResponse;
}

export async function saveAltText(id: number, alt: string): Promise<{ ok: true; item: MediaApiItem } | { ok: false; error: string }> {
  const response = await fetch(`${MEDIA_API}/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ alt }),
  });
  if (!response.ok) return { ok: false, error: await errorMessage(response, 'The alt text could not be saved.') };
  return { ok: true, item: ((await response.json()) as { item: MediaApiItem }).item };
}

/**
 * Uploads one file with XMLHttpRequest, whose upload.onprogress reports bytes sent (fetch
 * cannot). Resolves with the server's verdict for the file; never rejects.
 */
export function uploadMediaFile(file: File, onProgress: (fraction: number) => void): Promise<UploadFileResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    const fail = (error: string) => resolve({ name: file.name, ok: false, error });
    xhr.open('POST', MEDIA_API);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => fail('The upload failed: the connection was lost. Try again.');
    xhr.onabort = () => fail('The upload was cancelled.');
    xhr.onload = () => {
      const body = xhr.response as Partial<UploadResponse> | null;
      const result = body?.results?.[0];
      if (result) resolve({ ...result, name: file.name });
      else if (xhr.status === 401) fail('Your session has ended. Sign in again, then upload.');
      else fail(body?.error ?? `The upload failed (${xhr.status}).`);
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
