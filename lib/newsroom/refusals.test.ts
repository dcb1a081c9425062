import { describe, expect, it } from 'vitest';
import { reasonOfStatus, REFUSAL_STATUS } from './refusals';

describe('reasonOfStatus', () => {
  it('reads each status the door sends back as its reason, 403 as forbidden', () => {
    for (const [reason, status] of Object.entries(REFUSAL_STATUS)) {
      expect(reasonOfStatus(status)).toBe(reason === 'cross_site' ? 'forbidden' : reason);
    }
  });

  it('reads a busy or broken server as unavailable', () => {
    for (const status of [429, 500, 502, 503, 504]) expect(reasonOfStatus(status)).toBe('unavailable');
  });
});
