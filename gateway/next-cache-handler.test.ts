import { describe, expect, it } from 'vitest';
import { isErrorResponse } from './next-cache-handler.mjs';

describe('isErrorResponse', () => {
  it('is true for pages and route handlers that answered an error', () => {
    expect(isErrorResponse({ kind: 'APP_PAGE', status: 404, html: '' })).toBe(true);
    expect(isErrorResponse({ kind: 'APP_ROUTE', status: 404, body: Buffer.alloc(0) })).toBe(true);
    expect(isErrorResponse({ kind: 'APP_PAGE', status: 500 })).toBe(true);
  });

  it('is false for good pages, pages without a status, fetches, images and nothing', () => {
    expect(isErrorResponse({ kind: 'APP_PAGE', status: 200 })).toBe(false);
    expect(isErrorResponse({ kind: 'APP_PAGE' })).toBe(false);
    expect(isErrorResponse({ kind: 'FETCH', status: 404 })).toBe(false);
    expect(isErrorResponse({ kind: 'IMAGE', status: 404 })).toBe(false);
    expect(isErrorResponse(null)).toBe(false);
  });
});
