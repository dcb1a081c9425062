import type { ApiAnswer, Uploaded, UploadFileResult } from '@/server/newsroom-api';

// Uploads to /api/admin/media with a progress bar (components/admin/newsroom-client.ts makes
// the media API's other calls). No server imports: this runs in the browser.

export const MEDIA_API = '/api/admin/media';

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
      const body = xhr.response as ApiAnswer<Uploaded, Uploaded> | null;
      const result = body?.results?.[0];
      if (result) resolve({ ...result, name: file.name });
      else if (xhr.status === 401) fail('Your session has ended. Sign in again, then upload.');
      else fail((body && !body.ok && body.error) || `The upload failed (${xhr.status}).`);
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
